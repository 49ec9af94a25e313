"""Print the dependencies declared in pyproject.toml, one per line, for `pip install -r`.

The kit is used from its checkout and never installed as a package (see pyproject.toml), so
the Makefile installs exactly these requirements. ``--dev`` adds the test and lint tools.
"""

import sys
import tomllib
from pathlib import Path


def requirements(dev: bool) -> list[str]:
    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())["project"]
    reqs = list(project["dependencies"])
    if dev:
        reqs += project["optional-dependencies"]["dev"]
    return reqs


if __name__ == "__main__":
    print("\n".join(requirements("--dev" in sys.argv[1:])))
