"""`python -m autograder release`: the student versions of every assignment, checked before they go.

``build.py`` writes them with nbgrader and ships the helper package each one needs; a release
is refused unless the solutions earn full marks and no released file holds solution code,
hidden tests, a mark scheme or the reference library.
"""

from .build import Released, ReleaseRefused, leaks, release, ship_helper_package

__all__ = ["ReleaseRefused", "Released", "leaks", "release", "ship_helper_package"]
