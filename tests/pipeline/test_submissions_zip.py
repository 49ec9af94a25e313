"""An LMS download (a zip of <student>/<assignment>/<notebook>.ipynb) unpacks to the folder layout
`grade` takes (tests/pipeline/test_late_and_regrade.py grades one through the CLI)."""

import zipfile

import pytest

from autograder.errors import UserError
from autograder.grading.submissions import unpack_zip
from autograder.hidden import registry


def make_zip(path, members: dict[str, str]):
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    return path


def test_a_zip_with_one_top_folder_unpacks_to_the_student_folders(tmp_path):
    archive = make_zip(tmp_path / "class.zip", {"Course download/ada/01_cost_functions/cost_functions.ipynb": "{}",
                                                "Course download/ben/01_cost_functions/renamed.ipynb": "{}",
                                                "__MACOSX/Course download/._ada": "x"})
    root = unpack_zip(archive, tmp_path / "out", registry.ASSIGNMENTS)
    assert sorted(p.name for p in root.iterdir()) == ["ada", "ben"]
    assert (root / "ben" / "01_cost_functions" / "renamed.ipynb").read_text() == "{}"


@pytest.mark.parametrize("members, message", [
    ({"../evil/01_cost_functions/x.ipynb": "{}"}, "outside the folder"),
    ({"ada/notes.txt": "hi"}, "holds no <student_id>/<assignment>"),
])
def test_a_zip_without_the_layout_or_with_escaping_paths_is_refused(tmp_path, members, message):
    archive = make_zip(tmp_path / "class.zip", members)
    with pytest.raises(UserError, match=message):
        unpack_zip(archive, tmp_path / "out", registry.ASSIGNMENTS)

