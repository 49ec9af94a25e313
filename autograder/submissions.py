"""Finding a student's notebook in nbgrader's submitted layout <student>/<assignment>/<notebook>.ipynb."""

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Located:
    path: Path | None
    notes: list[str] = field(default_factory=list)


def _visible(path: Path) -> bool:
    return not any(part.startswith(".") for part in path.parts)


def locate(folder: Path, notebook: str) -> Located:
    """The submitted notebook for ``notebook`` (a stem) in ``folder``.

    The released name wins; otherwise a single notebook is taken as a renamed copy; among
    several, the most recently modified one.
    """
    if not folder.is_dir():
        return Located(None)
    wanted = folder / f"{notebook}.ipynb"
    if wanted.is_file():
        return Located(wanted)
    found = [p for p in folder.glob("*.ipynb") if p.is_file() and _visible(p.relative_to(folder))]
    if not found:
        return Located(None)
    chosen = max(found, key=lambda p: (p.stat().st_mtime, p.name))
    note = (f"The notebook was submitted as {chosen.name} instead of {notebook}.ipynb; "
            "it was graded under its released name.")
    if len(found) > 1:
        note += f" ({len(found)} notebooks were in the folder; the newest was used.)"
    return Located(chosen, [note])


def students(submissions: Path) -> list[str]:
    return sorted(p.name for p in submissions.iterdir() if p.is_dir() and not p.name.startswith("."))
