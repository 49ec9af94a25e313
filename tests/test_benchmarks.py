"""The benchmark scripts still run: the class they build and the training-step comparison."""

import importlib.util
import subprocess
import sys

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


def test_train_step_benchmark_prints_a_ratio_or_why_it_skipped():
    done = subprocess.run([sys.executable, str(paths.REPO / "benchmarks" / "train_step.py"), "--repeats", "1"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "benchmark skipped: PyTorch is not installed" in done.stdout or "float32" in done.stdout


def test_notebook_overhead_benchmark_prints_its_three_ways_and_a_ratio():
    done = subprocess.run([sys.executable, str(paths.REPO / "benchmarks" / "notebook_overhead.py"), "--rounds", "1"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    for way in ("stock (", "killed at once:", "grader (", "ratio stock / grader: "):
        assert way in done.stdout, done.stdout
