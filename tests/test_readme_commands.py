"""Every command the README's student and instructor sections give is exercised by a test."""

import re
import subprocess

import pytest

from autograder import paths

SECTIONS = ("## For students", "## For instructors")
COMMAND_WORDS = ("make", "python", "nbgrader", "conda", "jupyter", "cd")
# command -> the test that runs it (or, for make, runs what the target expands to; see below)
COVERED = {
    "make lab": "tests/test_readme_commands.py::test_make_targets_wrap_the_cli",
    "jupyter lab": "tests/browser/test_lab.py::test_a_solved_notebook_runs_and_its_widgets_render_and_react",
    "conda env create -f environment.yml": "tests/test_environment.py::test_environment_yml_matches_pyproject",
    "make release": "tests/pipeline/test_release.py::test_every_assignment_is_released_with_its_helpers",
    "make grade SUBMISSIONS=course/submitted": "tests/pipeline/test_demo_end_to_end.py::"
                                               "test_feedback_exists_for_everyone_and_leaks_nothing",
    "python -m autograder grade --submissions class.zip --out build/grades":
        "tests/pipeline/test_late_and_regrade.py::test_late_penalties_follow_the_policy_and_are_recorded",
    "--submissions class.zip": "tests/pipeline/test_late_and_regrade.py::"
                               "test_late_penalties_follow_the_policy_and_are_recorded",
    "python -c \"import sys; sys.path.insert(0, 'course'); from bpkit import questions; "
    "questions.show('q_why_copy', 'alice')\"":
        "tests/hidden/test_question_versions.py::"
        "test_the_readme_command_shows_a_students_version_from_the_repository_root",
    "make assets": "tests/test_html_assets.py::test_the_built_assets_hold_the_three_scripts",
    "make test": "tests/test_readme_commands.py::test_make_targets_wrap_the_cli",
    "make screenshots": "tests/browser/test_offline_html.py::test_the_report_renders_offline",
    "make demo": "tests/pipeline/test_demo_end_to_end.py::test_feedback_exists_for_everyone_and_leaks_nothing",
    "make grade": "tests/pipeline/test_demo_end_to_end.py::test_feedback_exists_for_everyone_and_leaks_nothing",
    "cd course && nbgrader export": "tests/pipeline/test_late_and_regrade.py::"
                                    "test_nbgrader_export_gives_the_same_final_scores",
    **dict.fromkeys(["python -m autograder grade --submissions course/submitted --out build/grades",
                     "python -m autograder release-feedback --out build/grades --exchange /srv/nbgrader/exchange",
                     "nbgrader submit", "nbgrader collect", "nbgrader fetch_feedback ASSIGNMENT --course backprop"],
                    "tests/pipeline/test_feedback_exchange.py::test_students_fetch_the_pages_grade_wrote"),
    "--submissions": "tests/pipeline/test_feedback_exchange.py::"
                     "test_feedback_of_submissions_outside_the_exchange_is_listed_not_released",
    "python -m autograder grade --submissions course/submitted --late-policy per-day --late-percent 10 --late-cap 50":
        "tests/pipeline/test_late_and_regrade.py::test_late_penalties_follow_the_policy_and_are_recorded",
    "python -m autograder grade --submissions course/submitted --student ada":
        "tests/pipeline/test_late_and_regrade.py::test_regrading_one_student_keeps_the_others",
    "python -m autograder export --format canvas --roster roster.csv":
        "tests/pipeline/test_lms_export.py::test_canvas_import_file",
    "nbgrader db assignment add ID --duedate=...":
        "tests/pipeline/test_late_policy.py::test_gradebook_due_dates_are_honoured",
    "python -m autograder similarity --submissions course/submitted --out build/similarity":
        "tests/similarity/test_cli.py::test_similarity_finds_the_copy_and_never_the_skeleton",
    "python -m autograder similarity --submissions class.zip --out build/similarity":
        "tests/similarity/test_cli.py::test_similarity_finds_the_copy_and_never_the_skeleton",
}
# what each make target runs (checked with `make -n`), so the CLI tests above cover it
EXPANSIONS = {
    "make lab": "jupyter lab",
    "make test": "-m pytest",
    "make screenshots": "cp build/screenshots/widget.png build/screenshots/report.png docs/img/",
    "make release": "-m autograder release",
    "make grade SUBMISSIONS=course/submitted": "-m autograder grade --submissions \"course/submitted\" "
                                               "--out \"build/grades\"",
}


def readme_commands() -> list[str]:
    text = (paths.REPO / "README.md").read_text()
    commands = []
    for heading in SECTIONS:
        section = text[text.index(heading):]
        section = section[:section.find("\n## ", 1)]
        for block in re.findall(r"```bash\n(.*?)```", section, re.S):
            for line in block.splitlines():
                line = line.split("#", 1)[0].strip()
                if line:
                    commands.append(line)
        prose = re.sub(r"```.*?```", "", section, flags=re.S)
        commands += [span for span in re.findall(r"`([^`\n]+)`", prose)
                     if span.split()[0] in COMMAND_WORDS or span.startswith("--submissions")]
    return commands


def test_the_sections_give_commands():
    assert {"make lab", "make release", "make grade SUBMISSIONS=course/submitted"} <= set(readme_commands())


@pytest.mark.parametrize("command", readme_commands())
def test_every_readme_command_is_covered_by_a_test_that_exists(command):
    assert command in COVERED, f"README command {command!r} has no test: add one and list it in COVERED"
    path, name = COVERED[command].split("::")
    assert re.search(rf"^def {name}\(", (paths.REPO / path).read_text(), re.M), COVERED[command]


@pytest.mark.parametrize("command", EXPANSIONS)
def test_make_targets_wrap_the_cli(command):
    """`make -n` prints what the target would run, without running it."""
    done = subprocess.run(["make", "-n", *command.split()[1:]], cwd=paths.REPO, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert EXPANSIONS[command] in done.stdout, done.stdout[-2000:]
