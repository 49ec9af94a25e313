"""environment.yml (conda, Binder) and pyproject.toml declare the same dependencies."""

import re
import tomllib

import yaml

from autograder import paths

SKIP = {"python", "pip"}


def normalise(spec: str) -> tuple[str, str]:
    name, version = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", spec).groups()
    return name.lower().replace("_", "-"), version.replace(" ", "")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((paths.REPO / "pyproject.toml").read_text())["project"]
    declared = project["dependencies"] + project["optional-dependencies"]["dev"]
    conda = yaml.safe_load((paths.REPO / "environment.yml").read_text())["dependencies"]
    conda_specs = dict(normalise(s) for s in conda if isinstance(s, str) and normalise(s)[0] not in SKIP)
    assert conda_specs == dict(normalise(s) for s in declared)
