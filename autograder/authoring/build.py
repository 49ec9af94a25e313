"""Write the source notebooks from their text sources in course/authoring/.

Each script in course/authoring/ builds one notebook with :class:`Notebook` and binds it to
``nb``. ``python -m autograder notebooks`` (``build``) runs them all, saves each ``nb``,
executes every notebook so the committed copies carry deterministic outputs for nbval, and
regenerates bpkit/solved/ (the earlier assignments' solutions that later releases ship).
"""

import argparse
import os
import runpy
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from .. import paths
from ..hidden import seeds

EXECUTION_TIMEOUT = 600


def kernel_environment() -> dict[str, str]:
    """The environment of the kernels that execute the source notebooks: this process's, with the
    hidden library and the helper package importable (given to the kernel, never set here), and
    no student id, so every concept question shows its default version (the committed outputs
    must not depend on who ran the authoring, e.g. a JupyterHub user)."""
    environment = dict(os.environ, PYTHONPATH=paths.kernel_pythonpath())
    for name in seeds.STUDENT_VARIABLES:
        environment.pop(name, None)
    return environment


def execute(path: Path) -> None:
    """Run a notebook top to bottom in its folder and store its outputs."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=EXECUTION_TIMEOUT, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute(env=kernel_environment())
    # Timestamps and widget model ids change on every run: keep them out of the committed file.
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(nb, path)


def scripts() -> list[Path]:
    return sorted(paths.AUTHORING.glob("[0-9][0-9]_*.py"))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``python -m autograder notebooks`` (and of ``python -m autograder.authoring``)."""
    parser.add_argument("only", nargs="*", help="assignment ids (default: all)")
    parser.add_argument("--no-execute", action="store_true", help="write the notebooks without running them")


def build(only=(), *, execute_cells: bool = True, log=print) -> list[Path]:
    """Run the authoring scripts (of ``only``, default all) and write their notebooks."""
    written = []
    for script in scripts():
        if only and script.stem not in only:
            continue
        saved = runpy.run_path(str(script), run_name="__authoring__")
        path = saved["nb"].save()
        if execute_cells:
            execute(path)
        log(f"wrote {path.relative_to(paths.REPO) if path.is_relative_to(paths.REPO) else path}")
        written.append(path)
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograder.authoring", description=__doc__)
    add_arguments(parser)
    args = parser.parse_args(argv)
    build(args.only, execute_cells=not args.no_execute)
    return 0
