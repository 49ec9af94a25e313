"""environment.yml (conda, Binder) and pyproject.toml declare the same dependencies."""

import re
import tomllib

import yaml

from autograder import paths

SKIP = {"python", "pip"}
CONDA_NAMES = {"playwright-python": "playwright"}  # conda-forge name -> PyPI name, where they differ


def normalise(spec: str) -> tuple[str, str]:
    name, version = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", spec.split("#")[0]).groups()
    name = name.lower().replace("_", "-")
    return CONDA_NAMES.get(name, name), version.replace(" ", "")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((paths.REPO / "pyproject.toml").read_text())["project"]
    declared = project["dependencies"] + project["optional-dependencies"]["dev"]
    conda = yaml.safe_load((paths.REPO / "environment.yml").read_text())["dependencies"]
    conda_specs = dict(normalise(s) for s in conda if isinstance(s, str) and normalise(s)[0] not in SKIP)
    assert conda_specs == dict(normalise(s) for s in declared)
