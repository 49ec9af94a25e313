"""Our 05 recipes against the plain Coursera recipe, on the real data in ../shared/data.

Run from the repository root: ``.venv/bin/python benchmarks/catdog.py`` (add
``--coursera-iterations N`` to shorten the slow Coursera run on dogs-vs-cats). For each data
set it prints the training time (wall clock and CPU), train and test accuracy of both recipes
side by side and the ratio of their times. ``--seeds N`` and ``--folds`` measure the spread of
the "photos" recipe on dogs-vs-cats instead: N seeds on the test split, and five hold-out folds
of 400 training photos each (trained on the other 1,600), a stand-in for unseen photos.
``--main-path`` measures the notebook's main path on dogs-vs-cats instead: L_layer_model with
the settings the notebook picks for photos (``model_settings``, ``input_columns``), for the
L-layer and the two-layer network of its section 6, side by side with the main path's former
settings (32 x 32 pixels divided by 255, learning rate 0.0075, 1,000 iterations);
``--main-iterations N`` shortens every run to N iterations.
The graded maths comes from the reference library; the data and the
training tools from bpkit, exactly as the notebook uses them. Exits 0, saying so, when the
data is absent. Set OPENBLAS_NUM_THREADS=1 for figures comparable to grading.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "course")]

import argparse  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
from bpkit.data import data_source, load_dataset, preprocess  # noqa: E402
from bpkit.training_tools import (  # noqa: E402
    RECIPES,
    accuracy,
    input_columns,
    model_settings,
    train_photo_recipe,
)

from autograder import reference  # noqa: E402
from benchmarks.machine import print_machine  # noqa: E402

SHARED_DATA = ROOT.parent / "shared" / "data"
DATASETS = {"dogs-vs-cats": SHARED_DATA / "dogs-vs-cats", "catvnoncat": SHARED_DATA / "catvnoncat"}
COURSERA = RECIPES["catvnoncat"]  # 64 x 64, [n_x, 20, 7, 5, 1], 2500 iterations, lr 0.0075
# The settings the 05 notebook's main path trained photos with before: the drawn faces' network
# on 32 x 32 pixels divided by 255 (about 0.56 test accuracy, its cost hardly below ln 2).
FORMER_MAIN_PATH = {"size": 32, "hidden": [20, 7, 5], "method": "full batch", "learning_rate": 0.0075,
                    "iterations": 1000, "standardise": False}


def full_batch(data, recipe, iterations):
    """Coursera's way: pixels / 255, full-batch L_layer_model. (seconds, train acc, test acc)."""
    train_x, test_x = preprocess(data.train_x), preprocess(data.test_x)
    dims = [train_x.shape[0], *recipe["hidden"], 1]
    start, cpu = time.perf_counter(), time.process_time()
    parameters, _ = reference.L_layer_model(
        train_x, data.train_y, dims, recipe["learning_rate"], iterations
    )
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return (
        seconds,
        cpu,
        accuracy(reference.predict(train_x, parameters), data.train_y),
        accuracy(reference.predict(test_x, parameters), data.test_y),
    )


def mini_batch(data, recipe, seed=0):
    """The notebook's "photos" recipe. (seconds, cpu seconds, train acc, test acc)."""
    train_x, test_x = preprocess(data.train_x), preprocess(data.test_x)
    dims = [train_x.shape[0], *recipe["hidden"], 1]
    start, cpu = time.perf_counter(), time.process_time()
    run = train_photo_recipe(
        train_x, data.train_y, test_x, data.train_x.shape[1:], dims, recipe,
        forward=reference.L_model_forward, backward=reference.L_model_backward,
        update=reference.update_parameters, cost=reference.compute_cost,
        predict=reference.predict, seed=seed,
    )
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return (
        seconds,
        cpu,
        accuracy(reference.predict(run.train_x, run.parameters), data.train_y),
        accuracy(reference.predict(run.test_x, run.parameters), data.test_y),
    )


def notebook_main_path(folder, settings, hidden, iterations):
    """L_layer_model as the notebook's main path runs it on ``folder`` with ``settings`` and the
    hidden layers ``hidden``. (seconds, cpu seconds, train acc, test acc, last cost)."""
    data = load_dataset(folder, size=settings["size"])
    to_columns = input_columns(settings, data.train_x)
    train_x, test_x = to_columns(data.train_x), to_columns(data.test_x)
    dims = [train_x.shape[0], *hidden, 1]
    start, cpu = time.perf_counter(), time.process_time()
    parameters, costs = reference.L_layer_model(train_x, data.train_y, dims, settings["learning_rate"], iterations)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return (seconds, cpu, accuracy(reference.predict(train_x, parameters), data.train_y),
            accuracy(reference.predict(test_x, parameters), data.test_y), costs[-1])


def main_path(folder, iterations=None):
    """The notebook's main path on photos, now and before: one row per (settings, network)."""
    now = model_settings("photos")
    rows = []
    for name, settings in (("now", now), ("before", FORMER_MAIN_PATH)):
        for network, hidden in (("L-layer", settings["hidden"]), ("2-layer", [7])):
            result = notebook_main_path(folder, settings, hidden, iterations or settings["iterations"])
            rows.append((name, network, settings, *result))
            print(f"{name:<7}{network:<9}{settings['size']:>3} px  standardise {str(settings['standardise']):<5}  "
                  f"lr {settings['learning_rate']:<7g}{iterations or settings['iterations']:>6} it  "
                  f"{result[0]:7.1f} s ({result[1]:.1f} s CPU)  last cost {result[4]:.3f}  "
                  f"train {result[2]:.3f}  test {result[3]:.3f}", flush=True)
    print()
    for network in ("L-layer", "2-layer"):
        new, old = (next(r for r in rows if r[0] == when and r[1] == network) for when in ("now", "before"))
        print(f"{network}: test accuracy now / before = {new[6]:.3f} / {old[6]:.3f}; "
              f"training time now / before = {new[3] / max(old[3], 1e-9):.2f} "
              f"(CPU time {new[4] / max(old[4], 1e-9):.2f})")
    return 0


def holdout_folds(labels, n_folds=5, seed=0):
    """n_folds disjoint, class-balanced index sets covering labels (1, m) (400 each for 2,000)."""
    rng = np.random.default_rng(seed)
    folds = [[] for _ in range(n_folds)]
    for label in np.unique(labels):
        members = rng.permutation(np.flatnonzero(labels[0] == label))
        for fold, part in zip(folds, np.array_split(members, n_folds), strict=True):
            fold.extend(part.tolist())
    return [np.sort(np.array(fold)) for fold in folds]


def holdout(data, fold):
    """Train on every training photo outside ``fold``, test on the photos of ``fold``."""
    keep = np.setdiff1d(np.arange(data.train_y.shape[1]), fold)
    return data._replace(train_x=data.train_x[keep], train_y=data.train_y[:, keep],
                         test_x=data.train_x[fold], test_y=data.train_y[:, fold])


def spread(folder, n_seeds, folds):
    """The photos recipe over seeds (test split) and hold-out folds: one line each, then the
    mean, range and standard deviation."""
    # No time budget here: on a busy machine the wall clock would cut training short.
    recipe = dict(RECIPES["photos"], time_budget=None)
    data = load_dataset(folder, size=recipe["size"])
    runs = [(f"test split, seed {seed}", data, seed) for seed in range(n_seeds)]
    if folds:
        runs += [(f"fold {k + 1} of 5 (400 held out)", holdout(data, fold), k)
                 for k, fold in enumerate(holdout_folds(data.train_y))]
    results = {}
    for name, split, seed in runs:
        seconds, cpu, train, test = mini_batch(split, recipe, seed)
        results.setdefault(name.split(",")[0].split(" ")[0], []).append((test, cpu))
        print(f"{name:<30} train {train:.3f}  test {test:.3f}  {seconds:5.1f} s ({cpu:.1f} s CPU)",
              flush=True)
    print()
    for kind, values in results.items():
        tests, cpus = np.array([v[0] for v in values]), np.array([v[1] for v in values])
        print(f"{kind:<5}: {len(tests)} runs, test accuracy mean {tests.mean():.3f}, range "
              f"{tests.min():.3f} to {tests.max():.3f}, sd {tests.std():.3f}; CPU max {cpus.max():.1f} s")
    return 0


def ours(folder, coursera_iterations):
    recipe = RECIPES[data_source(folder)]
    data = load_dataset(folder, size=recipe["size"])
    if recipe["method"] == "full batch":
        return full_batch(data, recipe, recipe["iterations"]), data
    return mini_batch(data, recipe), data


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--coursera-iterations", type=int, default=COURSERA["iterations"])
    parser.add_argument("--seeds", type=int, default=0,
                        help="spread of the photos recipe: this many seeds on the test split")
    parser.add_argument("--folds", action="store_true",
                        help="spread of the photos recipe: five hold-out folds of the training photos")
    parser.add_argument("--main-path", action="store_true",
                        help="the notebook's main path on dogs-vs-cats, its settings now and before")
    parser.add_argument("--main-iterations", type=int, default=None,
                        help="with --main-path: this many iterations for every run")
    args = parser.parse_args(argv)
    print_machine()
    if args.main_path:
        folder = DATASETS["dogs-vs-cats"]
        if not folder.is_dir():
            print(f"benchmark skipped: the real data is absent ({folder} does not exist)")
            return 0
        return main_path(folder, args.main_iterations)
    if args.seeds or args.folds:
        folder = DATASETS["dogs-vs-cats"]
        if not folder.is_dir():
            print(f"benchmark skipped: the real data is absent ({folder} does not exist)")
            return 0
        return spread(folder, args.seeds, args.folds)
    present = {name: folder for name, folder in DATASETS.items() if folder.is_dir()}
    if not present:
        print(f"benchmark skipped: the real data is absent ({SHARED_DATA} holds neither "
              "dogs-vs-cats/ nor catvnoncat/)")
        return 0
    for name in DATASETS:
        if name not in present:
            print(f"{name}: skipped, {DATASETS[name]} does not exist")
    header = (f"{'data set':<14}{'recipe':<12}{'time (s)':>10}{'CPU (s)':>9}{'train acc':>11}"
              f"{'test acc':>10}")
    rows = []
    for name, folder in present.items():
        ours_result, data = ours(folder, args.coursera_iterations)
        recipe = RECIPES[data_source(folder)]
        rows.append((name, "ours", *ours_result))
        if recipe == COURSERA and args.coursera_iterations == COURSERA["iterations"]:
            coursera = ours_result  # our recipe for this data is Coursera's
        else:
            if recipe["size"] != COURSERA["size"]:
                data = load_dataset(folder, size=COURSERA["size"])
            coursera = full_batch(data, COURSERA, args.coursera_iterations)
        rows.append((name, "Coursera", *coursera))
        baseline = max(data.test_y.mean(), 1 - data.test_y.mean())
        print(f"{name}: {data.train_y.shape[1]} training / {data.test_y.shape[1]} test images, "
              f"majority baseline test accuracy {baseline:.3f}", flush=True)
    print()
    print(header)
    for name, recipe, seconds, cpu, train, test in rows:
        print(f"{name:<14}{recipe:<12}{seconds:>10.1f}{cpu:>9.1f}{train:>11.3f}{test:>10.3f}")
    print()
    for i in range(0, len(rows), 2):
        ours_row, coursera_row = rows[i], rows[i + 1]
        print(f"{ours_row[0]}: training time ours / Coursera = "
              f"{ours_row[2] / coursera_row[2]:.2f}; test accuracy {ours_row[5]:.3f} vs "
              f"{coursera_row[5]:.3f}")
    if args.coursera_iterations != COURSERA["iterations"]:
        print(f"(Coursera recipe shortened to {args.coursera_iterations} iterations)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
