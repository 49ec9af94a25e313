"""Loading a folder of cat and dog images in one of the Kaggle "Dogs vs. Cats" layouts.

Either ``cats/`` and ``dogs/`` sub-folders (any file names inside), or files named
``cat.N.jpg`` and ``dog.N.jpg`` side by side. Labels: 1 = dog, 0 = cat.
"""

import logging
import warnings
from pathlib import Path
from typing import NamedTuple

import numpy as np
from PIL import Image

from .images import read_image

logger = logging.getLogger(__name__)

CLASSES = ("cat", "dog")  # label 0, label 1
SUBFOLDERS = {"cats": 0, "cat": 0, "dogs": 1, "dog": 1}


class FolderImages(NamedTuple):
    """What ``load_image_folder`` found.

    images: uint8 (m, size, size, 3); labels: int (m,), 1 = dog, 0 = cat;
    skipped: how many files were left out (unreadable, not an image, or not named cat/dog).
    Unreadable files are also reported in a warning that gives their count.
    """

    images: np.ndarray
    labels: np.ndarray
    skipped: int


def _labelled_files(folder):
    """[(path, label)] in a stable order, and how many files carry no cat/dog label."""
    files, unlabelled = [], 0
    subfolders = {
        p: SUBFOLDERS[p.name.lower()]
        for p in folder.iterdir()
        if p.is_dir() and p.name.lower() in SUBFOLDERS
    }
    if subfolders:
        for sub, label in sorted(subfolders.items()):
            files += [
                (p, label)
                for p in sorted(sub.iterdir())
                if p.is_file() and not p.name.startswith(".")
            ]
        return files, unlabelled
    for p in sorted(folder.iterdir()):
        if not p.is_file() or p.name.startswith("."):
            continue
        prefix = p.name.split(".", 1)[0].lower()
        if prefix in SUBFOLDERS:
            files.append((p, SUBFOLDERS[prefix]))
        else:
            unlabelled += 1
    return files, unlabelled


def _balanced_subset(files, limit, rng):
    """At most ``limit`` files, half of each class where possible, drawn at random."""
    by_class = [[f for f in files if f[1] == label] for label in (0, 1)]
    take = [min(len(by_class[0]), limit // 2), min(len(by_class[1]), limit - limit // 2)]
    spare = limit - sum(take)  # one class may be short: fill up from the other
    for label in (0, 1):
        extra = min(spare, len(by_class[label]) - take[label])
        take[label] += extra
        spare -= extra
    chosen = []
    for label in (0, 1):
        picks = rng.choice(len(by_class[label]), size=take[label], replace=False)
        chosen += [by_class[label][i] for i in sorted(picks)]
    return chosen


def load_image_folder(path, size=64, limit=None, seed=0):
    """Read every cat and dog image of a Kaggle-style folder, resized to size x size RGB.

    path: a folder with ``cats/`` and ``dogs/`` sub-folders, or with ``cat.N.jpg`` and
    ``dog.N.jpg`` files. limit: read only this many files, a class-balanced random subset
    (seeded by ``seed``). Unreadable and non-image files are skipped and counted (their names
    are logged at INFO level). The images come back shuffled with ``seed``.
    Returns FolderImages(images uint8 (m, size, size, 3), labels int (m,), skipped).
    Raises ValueError when the folder is missing, holds no images, or only one class.
    """
    folder = Path(path)
    if not folder.is_dir():
        raise ValueError(f"{folder} is not a folder")
    rng = np.random.default_rng(seed)
    files, skipped = _labelled_files(folder)
    if limit is not None and limit < len(files):
        files = _balanced_subset(files, limit, rng)
    images, labels, unreadable = [], [], []
    for file, label in files:
        try:
            images.append(read_image(file, size))
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
            skipped += 1
            unreadable.append(file.name)
            logger.info("skipped %s: %s", file, error)
            continue
        labels.append(label)
    if not images:
        unreadable_note = f" ({len(unreadable)} file(s) skipped as not readable images)" if unreadable else ""
        raise ValueError(
            f"no cat or dog images found in {folder}{unreadable_note}: expected cats/ and dogs/ "
            "sub-folders or files named cat.N.jpg and dog.N.jpg"
        )
    present = sorted(set(labels))
    if len(present) < 2:
        only = CLASSES[present[0]]
        raise ValueError(
            f"{folder} holds only {only} images ({len(labels)} of them): both cats and dogs "
            "are needed"
        )
    if skipped:
        logger.info("%s: %d file(s) skipped", folder, skipped)
    if unreadable:
        shown = ", ".join(unreadable[:3]) + (", ..." if len(unreadable) > 3 else "")
        warnings.warn(
            f"{folder}: skipped {len(unreadable)} file(s) that are not readable images "
            f"({shown}); {skipped - len(unreadable)} more had no cat/dog label",
            stacklevel=2,
        )
    order = rng.permutation(len(images))
    return FolderImages(np.stack(images)[order], np.array(labels, dtype=int)[order], skipped)
