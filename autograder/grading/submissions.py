"""Finding a student's notebook in nbgrader's submitted layout <student>/<assignment>/<notebook>.ipynb."""

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Located:
    path: Path | None
    notes: list[str] = field(default_factory=list)
    refused: str = ""  # why nothing in the folder was read (a symbolic link), for the student


def _link_reason(what: str) -> str:
    return (f"{what} is a symbolic link, not a regular file: nothing it points to was read. Submit the "
            "notebook file itself.")


DANGLING = "link-not-followed"  # what a symbolic link unpacked from a zip points to: nothing


def _visible(path: Path) -> bool:
    return not any(part.startswith(".") for part in path.parts)


def locate(folder: Path, notebook: str) -> Located:
    """The submitted notebook for ``notebook`` (a stem) in ``folder``.

    The released name wins; otherwise a single notebook is taken as a renamed copy; among
    several, the most recently modified one. A symbolic link (the notebook, the assignment or the
    student folder) is never followed: the submission is refused with the reason.
    """
    for link in (folder.parent, folder):
        if link.is_symlink():
            return Located(None, refused=_link_reason(f"The folder {link.name}/"))
    if not folder.is_dir():
        return Located(None)
    wanted = folder / f"{notebook}.ipynb"
    if wanted.is_symlink():
        return Located(None, refused=_link_reason(f"The notebook {wanted.name}"))
    if wanted.is_file():
        return Located(wanted)
    candidates = [p for p in folder.glob("*.ipynb") if _visible(p.relative_to(folder))]
    found = [p for p in candidates if not p.is_symlink() and p.is_file()]
    if not found:
        links = [p for p in candidates if p.is_symlink()]
        return Located(None, refused=_link_reason(f"The notebook {links[0].name}") if links else "")
    chosen = max(found, key=lambda p: (p.stat().st_mtime, p.name))
    note = (f"The notebook was submitted as {chosen.name} instead of {notebook}.ipynb; "
            "it was graded under its released name.")
    if len(found) > 1:
        note += f" ({len(found)} notebooks were in the folder; the newest was used.)"
    return Located(chosen, [note])


def students(submissions: Path) -> list[str]:
    """Student folders (a symbolic link to a folder counts, so that it is graded as refused)."""
    return sorted(p.name for p in submissions.iterdir() if p.is_dir() and not p.name.startswith("."))


def _holds_assignments(folder: Path, assignments) -> bool:
    return any((student / a).is_dir() for student in folder.iterdir() if student.is_dir() for a in assignments)


def unpack_zip(archive: Path, into: Path, assignments) -> Path:
    """Unpack an LMS download whose members are <student>/<assignment>/<notebook>.ipynb, possibly
    under one top folder, into ``into``; returns the folder that holds the student folders.
    Members with absolute paths or ``..`` are refused, macOS metadata folders skipped. A member
    that is a symbolic link is unpacked as a link to nothing (so grading refuses it as a link, with
    the reason), and no member under it is written."""
    import stat
    import zipfile

    from ..errors import UserError

    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as err:
        raise UserError(f"--submissions {archive} is not a readable zip file ({err})") from err
    links: set[tuple[str, ...]] = set()
    with zf:
        for member in zf.infolist():
            parts = Path(member.filename).parts
            if member.filename.startswith("/") or ".." in parts:
                raise UserError(f"{archive}: refusing the member {member.filename!r} (it points outside the folder)")
            if member.is_dir() or not parts or parts[0] == "__MACOSX":
                continue
            if any(parts[:n] in links for n in range(1, len(parts) + 1)):
                continue
            target = into.joinpath(*parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            if stat.S_ISLNK(member.external_attr >> 16):
                links.add(parts)
                if target.is_dir() and not target.is_symlink():
                    continue  # members were written under this name already: keep them, no link
                target.unlink(missing_ok=True)
                target.symlink_to(DANGLING)
                continue
            with zf.open(member) as src, open(target, "wb") as dst:
                dst.write(src.read())
    root = into
    while not _holds_assignments(root, assignments):
        inner = [p for p in root.iterdir() if p.is_dir() and _visible(p.relative_to(root))]
        if len(inner) != 1:
            raise UserError(f"{archive} holds no <student_id>/<assignment>/<notebook>.ipynb "
                            f"(assignments: {', '.join(assignments)})")
        root = inner[0]
    return root
