"""An LMS download (a zip of <student>/<assignment>/<notebook>.ipynb) is graded like the folder."""

import csv
import zipfile

import pytest

from autograder.errors import UserError
from autograder.grading.submissions import unpack_zip
from autograder.hidden import registry
from autograder.samples.demo import write_submissions
from tests.conftest import points, run_cli


def make_zip(path, members: dict[str, str]):
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    return path


def test_a_zip_with_one_top_folder_unpacks_to_the_student_folders(tmp_path):
    archive = make_zip(tmp_path / "class.zip", {"download/ada/01_cost_functions/cost_functions.ipynb": "{}",
                                                "download/ben/01_cost_functions/renamed.ipynb": "{}",
                                                "__MACOSX/download/._ada": "x"})
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


@pytest.mark.slow
def test_grade_takes_an_lms_zip(released_course, tmp_path):
    cls = {"z_correct": {}, "z_untouched": "untouched"}
    folder = write_submissions(released_course, tmp_path / "subs", cls, assignments=["04_update_rule"])
    archive = tmp_path / "class.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in folder.rglob("*.ipynb"):
            zf.write(path, "Course download/" + str(path.relative_to(folder)))
    done = run_cli("grade", "--submissions", archive, "--course-dir", released_course, "--out", tmp_path / "out",
                   "--workers", "1")
    assert done.returncode == 0, done.stderr[-3000:]
    with open(tmp_path / "out" / "grades.csv") as f:
        rows = {r["student_id"]: float(r["score"]) for r in csv.DictReader(f)}
    assert rows["z_correct"] == points("04_update_rule") and rows["z_untouched"] == 0
