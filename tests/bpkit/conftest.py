"""Shared fixtures of the bpkit tests."""

from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data():
    """The real data folder next to the repository, or a skip saying it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"the real data is absent: {SHARED_DATA} does not exist")
    return SHARED_DATA
