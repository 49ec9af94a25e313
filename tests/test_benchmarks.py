"""The benchmark scripts still run: the class they build, the training-step comparison, the
notebook overhead and the cat/dog recipes side by side."""

import importlib.util
import re
import subprocess
import sys

import numpy as np
import pytest

from autograder import paths


def load(name):
    spec = importlib.util.spec_from_file_location(name, paths.REPO / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_throughput_class_mixes_correct_buggy_untouched_and_broken():
    throughput = load("grading_throughput")
    assignments = ["01_cost_functions", "04_update_rule"]
    cls = throughput.build_class(8, assignments)
    assert len(cls) == 8
    assert sorted({s.split("_", 1)[1] for s in cls}) == ["broken", "correct", "mistakes", "untouched"]
    buggy = [plan for s, plan in cls.items() if s.endswith("mistakes")]
    assert all(set(plan) == set(assignments) for plan in buggy)
    assert buggy[0] != buggy[1], "two buggy students should make different mistakes"
    broken = [next(iter(plan)) for s, plan in cls.items() if s.endswith("broken")]
    assert broken == assignments  # a different assignment each time


def test_a_notebook_nbgrader_took_far_longer_on_than_its_assignment_usually_takes_is_a_hang():
    throughput = load("grading_throughput")
    durations = {("s0", "01"): 1.9, ("s1", "01"): 2.1, ("s2", "01"): 2.0, ("s3", "01"): 61.0,  # a widget hang
                 ("s0", "05"): 7.0, ("s1", "05"): 8.5, ("s2", "05"): 6.4, ("s3", "05"): 7.7}  # slower, not hung
    assert throughput.hangs(durations) == {("s3", "01"): pytest.approx(61.0 - 2.05)}


def test_train_step_benchmark_prints_a_ratio_or_why_it_skipped():
    done = subprocess.run([sys.executable, str(paths.REPO / "benchmarks" / "train_step.py"), "--repeats", "1"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "benchmark skipped: PyTorch is not installed" in done.stdout or "float32" in done.stdout
    assert re.search(r"^machine: .*, \d+ cores, .*load average [\d.]+ / [\d.]+ / [\d.]+", done.stdout, re.M), (
        "a benchmark says which machine it ran on")


def test_notebook_overhead_benchmark_prints_its_three_ways_and_a_ratio():
    done = subprocess.run([sys.executable, str(paths.REPO / "benchmarks" / "notebook_overhead.py"), "--rounds", "1"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    for way in ("stock (", "killed at once:", "grader (", "ratio stock / grader: "):
        assert way in done.stdout, done.stdout


def _photo_folder(root, per_class):
    """A tiny Kaggle-layout folder of random photos: {training_set,test_set}/{cats,dogs}."""
    from PIL import Image

    rng = np.random.default_rng(0)
    for split, count in per_class.items():
        for kind, tint in (("cats", (40, 0, 0)), ("dogs", (0, 0, 40))):
            folder = root / split / kind
            folder.mkdir(parents=True)
            for i in range(count):
                pixels = rng.integers(0, 200, (40, 40, 3)) + np.array(tint)
                Image.fromarray(pixels.astype(np.uint8)).save(folder / f"{kind[:-1]}.{i}.jpg")
    return root


def test_catdog_benchmark_prints_both_recipes_side_by_side(tmp_path, monkeypatch, capsys):
    catdog = load("catdog")
    photos = _photo_folder(tmp_path / "dogs-vs-cats", {"training_set": 12, "test_set": 6})
    monkeypatch.setitem(catdog.DATASETS, "dogs-vs-cats", photos)
    monkeypatch.setitem(catdog.DATASETS, "catvnoncat", tmp_path / "absent")
    assert catdog.main(["--coursera-iterations", "3"]) == 0
    out = capsys.readouterr().out
    assert f"catvnoncat: skipped, {tmp_path / 'absent'} does not exist" in out
    assert "dogs-vs-cats: 24 training / 12 test images, majority baseline test accuracy 0.500" in out
    rows = [line.split() for line in out.splitlines() if line.startswith("dogs-vs-cats ")]
    assert [row[1] for row in rows] == ["ours", "Coursera"]
    # columns: data set, recipe, time (s), CPU (s), train acc, test acc (times can round to 0.0)
    assert all(float(row[2]) >= 0 and 0 <= float(row[-1]) <= 1 for row in rows)
    assert "dogs-vs-cats: training time ours / Coursera = " in out
    assert "(Coursera recipe shortened to 3 iterations)" in out


def test_catdog_benchmark_compares_the_notebooks_main_path_now_and_before(tmp_path, monkeypatch, capsys):
    catdog = load("catdog")
    photos = _photo_folder(tmp_path / "dogs-vs-cats", {"training_set": 12, "test_set": 6})
    monkeypatch.setitem(catdog.DATASETS, "dogs-vs-cats", photos)
    assert catdog.main(["--main-path", "--main-iterations", "3"]) == 0
    out = capsys.readouterr().out
    rows = [line.split() for line in out.splitlines() if line.startswith(("now ", "before "))]
    assert [row[:2] for row in rows] == [["now", "L-layer"], ["now", "2-layer"], ["before", "L-layer"],
                                         ["before", "2-layer"]]
    assert [row[2] for row in rows] == ["16", "16", "32", "32"]  # the image side of each setting
    assert all(0 <= float(row[-1]) <= 1 for row in rows)
    assert "L-layer: test accuracy now / before = " in out and "2-layer: test accuracy now / before = " in out


def test_catdog_benchmark_says_when_the_data_is_absent(tmp_path, monkeypatch, capsys):
    catdog = load("catdog")
    for name in list(catdog.DATASETS):
        monkeypatch.setitem(catdog.DATASETS, name, tmp_path / name)
    monkeypatch.setattr(catdog, "SHARED_DATA", tmp_path)
    assert catdog.main([]) == 0
    assert "benchmark skipped: the real data is absent" in capsys.readouterr().out
    assert catdog.main(["--folds"]) == 0
    assert "benchmark skipped: the real data is absent" in capsys.readouterr().out
    assert catdog.main(["--main-path"]) == 0
    assert "benchmark skipped: the real data is absent" in capsys.readouterr().out


def test_similarity_class_plants_copies_of_real_bodies_and_untouched_releases():
    import ast

    similarity = load("similarity")
    plan, planted, untouched = similarity.build_class(30, seed=1)
    assert len(plan) == 30 and len(planted) == 1 and untouched
    (a, b), = planted
    assert all(plan[s][f] is None for s in untouched for f in plan[s])
    for f in plan[a]:
        assert plan[a][f] != plan[b][f], "a planted copy is renamed and reshuffled, never verbatim"
    bodies = [body for s in plan.values() for body in s.values() if body is not None]
    for body in bodies:
        ast.parse("def f():\n" + body)
    assert len(set(bodies)) > len(bodies) * 0.8, "students write their functions in different ways"


def test_similarity_benchmark_finds_the_planted_copy_and_flags_no_skeleton():
    done = subprocess.run([sys.executable, str(paths.REPO / "benchmarks" / "similarity.py"), "--students", "12"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    for line in ("python -m autograder similarity:", "ratio naive / ours: ", "recall 1.00",
                 "untouched releases reported as similar: 0"):
        assert line in done.stdout, done.stdout


@pytest.mark.slow
def test_scale_benchmark_splits_each_notebook_into_stages_for_every_class_size(released_course):
    done = subprocess.run([sys.executable, str(paths.REPO / "benchmarks" / "scale.py"), "--students", "1", "3",
                           "--assignment", "04_update_rule", "--course", str(released_course)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    assert re.search(r"^machine: .*, \d+ cores, .*load average", out, re.M)
    sizes = re.findall(r"^(\d+) students, (\d+) notebooks: .* notebooks/min", out, re.M)
    assert sizes == [("1", "1"), ("3", "3")]
    for block in out.split("\n\n")[1:3]:
        total = float(re.search(r"seconds per notebook in its worker: ([\d.]+)", block)[1])
        stage_lines = re.findall(r"^    ([a-z ]+?)\s+([\d.]+)\s+[\d.]+%$", block, re.M)
        stages = {name.strip(): float(v) for name, v in stage_lines}
        assert set(stages) == {"prepare", "kernel start", "student cells", "hidden tests", "gradebook",
                               "nbgrader autograde", "results", "feedback page"}, block
        assert stages["kernel start"] > 0 and stages["hidden tests"] > 0 and stages["feedback page"] > 0
        assert sum(stages.values()) == pytest.approx(total, abs=0.01)
        assert re.search(r"CSVs and report [\d.]+ s \([\d.]+% of the run\)", block)
        assert 0 < float(re.search(r"peak memory \(main and workers, PSS\): ([\d.]+) GB", block)[1]) < 24
    growth = out.split("growth against 1 students")[1]
    assert re.search(r"^\s+3\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+\w", growth, re.M), growth
