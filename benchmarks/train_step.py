"""One gradient-descent step of the reference model against PyTorch on the CPU, side by side.

Run from the repository root: ``.venv/bin/python benchmarks/train_step.py``. The step is the
course's: forward pass, cross-entropy cost, backward pass and update, on the 4-layer network
[12288, 20, 7, 5, 1] (64 x 64 colour images) with m = 209 examples, full batch, in float64
and float32. The reference side is `autograder.reference.train_step`, the loop body of its
`L_layer_model`; the PyTorch side is the same network with autograd and an in-place SGD
update. A third column times the step made of the plain course functions (with dA0 and new
parameter arrays), as the reference trained before train_step. All use every core (numpy
through OpenBLAS, torch through its own thread pool).

PyTorch is not a dependency of the kit: without it the script says so and exits 0.

This machine may set OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, which make OpenBLAS pick slower
kernels; this script removes both from its own environment before numpy loads, for its own
measurement only. Pass --keep-openblas-env to measure with them.
"""

import os
import sys

if "--keep-openblas-env" not in sys.argv:
    for _name in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        os.environ.pop(_name, None)
if "--threads" in sys.argv[:-1]:  # BLAS reads its thread count when numpy loads
    os.environ["OPENBLAS_NUM_THREADS"] = os.environ["OMP_NUM_THREADS"] = sys.argv[sys.argv.index("--threads") + 1]

from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

import argparse  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from autograder import reference  # noqa: E402
from benchmarks.machine import print_machine  # noqa: E402

LAYERS = [12288, 20, 7, 5, 1]
M = 209
LEARNING_RATE = 0.0075
ROUNDS = 3


def problem(dtype):
    """(X, Y, parameters): random 64 x 64 images in [0, 1] and labels, the course's initialisation."""
    rng = np.random.default_rng(0)
    X = rng.random((LAYERS[0], M)).astype(dtype)
    Y = (rng.random((1, M)) > 0.5).astype(dtype)
    parameters = {k: v.astype(dtype) for k, v in reference.initialize_parameters_deep(LAYERS).items()}
    return X, Y, parameters


def best_times(steps: dict, repeats: int, rounds: int = ROUNDS) -> dict:
    """Seconds per call of each step: the fastest timed call. The steps take turns in blocks of
    ``repeats`` calls, ``rounds`` times (so a burst of load on a shared machine hits them alike),
    and each block starts with two untimed calls (one library's idle threads may still be
    spinning when the other starts)."""
    times = {name: [] for name in steps}
    for _ in range(rounds):
        for name, step in steps.items():
            step()
            step()
            for _ in range(repeats):
                start = time.perf_counter()
                step()
                times[name].append(time.perf_counter() - start)
    return {name: min(t) for name, t in times.items()}


def numpy_step(dtype):
    X, Y, parameters = problem(dtype)

    def step():
        reference.train_step(X, Y, parameters, LEARNING_RATE)

    return step


def plain_step(dtype):
    """The step as the course's functions make it (with dA0 and fresh parameter arrays): the
    reference before train_step, and what a student's loop does."""
    X, Y, parameters = problem(dtype)
    state = {"parameters": parameters}

    def step():
        AL, caches = reference.L_model_forward(X, state["parameters"])
        reference.compute_cost(AL, Y)
        grads = reference.L_model_backward(AL, Y, caches)
        state["parameters"] = reference.update_parameters(state["parameters"], grads, LEARNING_RATE)

    return step


def torch_step(torch, dtype):
    X, Y, parameters = problem(dtype)
    X, Y = torch.from_numpy(X), torch.from_numpy(Y)
    L = len(LAYERS) - 1
    weights = [torch.from_numpy(parameters[f"W{l}"]).requires_grad_() for l in range(1, L + 1)]
    biases = [torch.from_numpy(parameters[f"b{l}"]).requires_grad_() for l in range(1, L + 1)]

    def step():
        A = X
        for l in range(L):
            Z = weights[l] @ A + biases[l]
            A = torch.relu(Z) if l < L - 1 else Z
        cost = torch.nn.functional.binary_cross_entropy_with_logits(A, Y)
        for p in weights + biases:
            p.grad = None
        cost.backward()
        with torch.no_grad():
            for p in weights + biases:
                p -= LEARNING_RATE * p.grad
        return cost

    return step


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=10, help="timed steps per block (the best of all counts)")
    parser.add_argument("--threads", type=int, help="threads for both numpy's BLAS and torch (default: all cores)")
    parser.add_argument("--keep-openblas-env", action="store_true",
                        help="keep OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE (removed by default)")
    args = parser.parse_args(argv)
    print_machine()
    try:
        import torch
    except ImportError:
        print("benchmark skipped: PyTorch is not installed (it is never a dependency of the kit; "
              "`pip install torch` into .venv to run this comparison)")
        return 0
    if args.threads:
        torch.set_num_threads(args.threads)
    print(f"network {LAYERS}, m = {M}, one full-batch gradient-descent step, "
          f"best of {ROUNDS} x {args.repeats}")
    print(f"numpy {np.__version__}, torch {torch.__version__} ({torch.get_num_threads()} threads), "
          f"BLAS threads {os.environ.get('OPENBLAS_NUM_THREADS', 'default')}, {os.cpu_count()} cores, "
          "OpenBLAS environment "
          f"{'kept' if args.keep_openblas_env else 'cleared (OPENBLAS_CORETYPE, OPENBLAS_L2_SIZE)'}")
    print(f"{'dtype':<8} {'train_step (ms)':>16} {'torch (ms)':>11} {'ratio':>6}   "
          f"{'plain functions (ms)':>20} {'ratio':>6}")
    for dtype in (np.float64, np.float32):
        best = best_times({"ours": numpy_step(dtype), "torch": torch_step(torch, dtype),
                           "plain": plain_step(dtype)}, args.repeats)
        ours, theirs, plain = best["ours"], best["torch"], best["plain"]
        print(f"{np.dtype(dtype).name:<8} {1000 * ours:>16.2f} {1000 * theirs:>11.2f} {ours / theirs:>5.2f}x   "
              f"{1000 * plain:>20.2f} {plain / theirs:>5.2f}x")
    print("ratio = time / torch time (target <= 1.00); plain functions = forward, compute_cost, "
          "L_model_backward, update_parameters")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
