"""A symbolic link in the submissions is never followed, and a release never names the grader's files.

The graded end-to-end cases (a notebook linked to the course's source, a linked folder) are in
test_isolation.py; these check the pieces a link can come in through.
"""

import stat
import zipfile

from autograder.grading.submissions import DANGLING, locate, unpack_zip
from autograder.release import build as release


def _secret(tmp_path):
    secret = tmp_path / "instructor" / "source.ipynb"
    secret.parent.mkdir()
    secret.write_text("BEGIN SOLUTION")
    return secret


def test_a_linked_notebook_is_refused_with_the_reason(tmp_path):
    folder = tmp_path / "subs" / "s1" / "04_update_rule"
    folder.mkdir(parents=True)
    (folder / "update_rule.ipynb").symlink_to(_secret(tmp_path))
    found = locate(folder, "update_rule")
    assert found.path is None
    assert "update_rule.ipynb is a symbolic link, not a regular file" in found.refused


def test_a_linked_renamed_notebook_is_never_chosen(tmp_path):
    folder = tmp_path / "subs" / "s1" / "04_update_rule"
    folder.mkdir(parents=True)
    (folder / "mine.ipynb").symlink_to(_secret(tmp_path))
    assert locate(folder, "update_rule").path is None
    (folder / "copy.ipynb").write_text("{}")  # a real file next to the link is the one graded
    assert locate(folder, "update_rule").path == folder / "copy.ipynb"


def test_a_linked_assignment_or_student_folder_is_refused(tmp_path):
    secret = _secret(tmp_path)
    linked_assignment = tmp_path / "subs" / "s1" / "04_update_rule"
    linked_assignment.parent.mkdir(parents=True)
    linked_assignment.symlink_to(secret.parent)
    assert "The folder 04_update_rule/ is a symbolic link" in locate(linked_assignment, "source").refused
    (tmp_path / "subs" / "s2").symlink_to(tmp_path / "subs" / "s1")
    found = locate(tmp_path / "subs" / "s2" / "04_update_rule", "source")
    assert found.path is None and "The folder s2/ is a symbolic link" in found.refused


def test_zip_members_that_are_links_are_unpacked_as_links_to_nothing(tmp_path):
    secret = _secret(tmp_path)
    archive = tmp_path / "class.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        link = zipfile.ZipInfo("s1/04_update_rule/update_rule.ipynb")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, str(secret))
        folder_link = zipfile.ZipInfo("s2/04_update_rule")
        folder_link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(folder_link, str(secret.parent))
        zf.writestr("s2/04_update_rule/update_rule.ipynb", "written through the link")
        zf.writestr("s3/04_update_rule/update_rule.ipynb", "{}")
    root = unpack_zip(archive, tmp_path / "out", ["04_update_rule"])
    notebook = root / "s1" / "04_update_rule" / "update_rule.ipynb"
    assert notebook.is_symlink() and str(notebook.readlink()) == DANGLING
    assert "is a symbolic link" in locate(notebook.parent, "update_rule").refused
    assert (root / "s2" / "04_update_rule").is_symlink()
    assert "is a symbolic link" in locate(root / "s2" / "04_update_rule", "update_rule").refused
    assert secret.read_text() == "BEGIN SOLUTION"
    assert sorted(p.name for p in secret.parent.iterdir()) == ["source.ipynb"]
    assert locate(root / "s3" / "04_update_rule", "update_rule").path is not None


def test_a_release_never_names_a_file_of_the_grader():
    assert "autograder/" in release.FORBIDDEN
    text = (release.paths.COURSE / "bpkit" / "solved" / "__init__.py").read_text()
    assert "autograder" not in text
