"""The bpkit package as shipped to students: no graded function, light imports."""

import ast
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import bpkit
import pytest

GRADED = {
    "classification_error",
    "compute_cost_mse",
    "compute_cost_ce",
    "compute_cost",
    "cost_derivative_mse",
    "cost_derivative_ce",
    "CostFunction",
    "sigmoid_backward",
    "relu_backward",
    "tanh_backward",
    "linear_backward",
    "linear_activation_backward",
    "backward_propagation",
    "L_model_backward",
    "update_parameters",
    "L_layer_model",
    "predict",
    "LabCostFunction",  # the debugging labs
    "backpropagation",
}
MATHS_MODULES = [
    "bpkit.activations",
    "bpkit.caches",
    "bpkit.checks",
    "bpkit.forward",
    "bpkit.gradcheck",
    "bpkit.init",
    "bpkit.mismatch",
    "bpkit.testcases",
    "bpkit.data",
]
COURSE = Path(bpkit.__file__).resolve().parents[1]


def shipped_modules():
    """Every bpkit module except the generated solutions of earlier assignments."""
    names = ["bpkit"]
    for info in pkgutil.walk_packages(bpkit.__path__, prefix="bpkit."):
        if not info.name.startswith("bpkit.solved"):
            names.append(info.name)
    return names


@pytest.mark.parametrize("name", shipped_modules())
def test_no_graded_function_is_defined(name):
    """Does no shipped module define (or re-export) a function students must write?"""
    module = importlib.import_module(name)
    assert not GRADED & set(vars(module)), f"{name} holds {sorted(GRADED & set(vars(module)))}"


def test_maths_modules_import_neither_matplotlib_nor_the_reference():
    code = (
        "import sys\n"
        f"for name in {MATHS_MODULES!r}:\n"
        "    __import__(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'autograder'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=COURSE,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(COURSE), "PATH": ""},
    )
    assert result.stdout.strip() == ""


def test_package_docstring_only():
    """Is bpkit/__init__.py a docstring with no imports (importing bpkit stays cheap)?"""
    body = ast.parse(Path(bpkit.__file__).read_text()).body
    assert len(body) == 1 and isinstance(body[0], ast.Expr)
    assert isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str)
