"""The embedded cat/dog image set: simple animal faces drawn procedurally, no download.

Cats have pointed triangular ears on top of the head, almond eyes with slit pupils, a small
pink nose and whiskers; dogs have long floppy ears hanging beside the head, round dark eyes
and a pale muzzle with a big dark nose. Position, size, tilt, fur colour, background, lighting
and pixel noise are random, and each face leaves out or blurs a cue now and then, so the task
is learnable by a fully connected network but not trivial.
"""

import numpy as np
from PIL import Image, ImageDraw

CAT, DOG = 0, 1
SUPERSAMPLE = 2  # faces are drawn at twice the size, then averaged down: smooth edges

# Fur colours shared by both classes, so that colour alone says nothing about the label.
FUR = np.array(
    [
        [230, 140, 60],  # ginger
        [120, 120, 125],  # grey
        [40, 35, 35],  # black
        [235, 230, 220],  # white
        [140, 90, 50],  # brown
        [225, 195, 140],  # cream
        [180, 150, 110],  # tan
    ],
    dtype=float,
)

# The ranges below set the difficulty (500 training images, 400 held-out test images):
# the 05 notebook's network ([n_x, 20, 7, 5, 1], learning rate 0.0075, 1000 iterations, 32 x 32
# images, not yet converged) reaches 0.78 to 0.87 test accuracy over data seeds 0, 1, 2, and
# Coursera's two-layer network ([12288, 7, 1], 2500 iterations, 64 x 64) about 0.97. Wider
# ranges of position, size or tilt make the task much harder for a fully connected network
# (head centres in (0.36, 0.64): about 0.68 for the 05 network).
HEAD_RADIUS = (0.22, 0.27)  # fraction of the image side
HEAD_CENTRE = (0.45, 0.55)  # fraction of the image side, for x and y independently
TILT_DEGREES = 10.0
NOISE_STD = (4.0, 12.0)  # pixel noise, in grey levels
CUE_DROP = 0.15  # chance that a secondary cue (whiskers, muzzle, tongue, ...) is left out
WEAK_CUES = 0.1  # chance of a hard face: small ears that blend in, no secondary cues
CAT_EAR_HEIGHT, CAT_EAR_HEIGHT_WEAK = (0.6, 1.0), (0.2, 0.4)  # times the head radius
DOG_EAR_LENGTH, DOG_EAR_LENGTH_WEAK = (0.7, 1.1), (0.35, 0.55)
DOG_EAR_SHADE, DOG_EAR_SHADE_WEAK = (0.45, 0.95), (0.85, 1.0)  # ear colour / fur colour


def _colour(rgb):
    return tuple(int(v) for v in np.clip(rgb, 0, 255))


def _background(rng, size):
    """(size, size, 3) float: a two-colour gradient in a random direction plus soft blobs."""
    c1, c2 = rng.uniform(20, 235, size=(2, 3))
    angle = rng.uniform(0, 2 * np.pi)
    t = np.linspace(-0.5, 0.5, size)
    ramp = np.cos(angle) * t[None, :] + np.sin(angle) * t[:, None] + 0.5
    image = c1 + ramp[..., None] * (c2 - c1)
    yy, xx = np.mgrid[0:size, 0:size] / size
    for _ in range(rng.integers(0, 4)):
        cx, cy, s = rng.uniform(0, 1), rng.uniform(0, 1), rng.uniform(0.05, 0.25)
        blob = np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * s**2))
        image += blob[..., None] * rng.uniform(-60, 60, size=3)
    return image


def _ellipse(draw, cx, cy, rx, ry, fill):
    draw.ellipse([cx - rx, cy - ry, cx + rx, cy + ry], fill=fill)


def _cat_ears(draw, rng, cx, cy, r, fur, weak):
    """Two pointed triangular ears standing on top of the head (drawn before the head)."""
    height = r * rng.uniform(*(CAT_EAR_HEIGHT_WEAK if weak else CAT_EAR_HEIGHT))
    spread = rng.uniform(0.35, 0.6)
    for side in (-1, 1):
        outer = np.array([cx + side * r * (spread + 0.45), cy - r * 0.45])
        inner = np.array([cx + side * r * (spread - 0.35), cy - r * 0.8])
        tip = np.array([cx + side * r * (spread + 0.25), cy - r * 0.6 - height])
        draw.polygon([tuple(outer), tuple(tip), tuple(inner)], fill=_colour(fur))
        pink = [0.55 * p + 0.45 * tip for p in (outer, inner)] + [0.8 * tip + 0.1 * (outer + inner)]
        draw.polygon([tuple(p) for p in pink], fill=(235, 150, 165))


def _cat_face(draw, rng, cx, cy, r, dark, weak):
    """Almond eyes with slit pupils, a small pink nose and (usually) whiskers."""
    eye_colour = _colour([[120, 200, 60], [230, 200, 40], [90, 170, 210]][rng.integers(3)])
    eye_dx, eye_y = r * rng.uniform(0.35, 0.45), cy - r * rng.uniform(0.05, 0.2)
    for side in (-1, 1):
        ex = cx + side * eye_dx
        _ellipse(draw, ex, eye_y, r * 0.2, r * 0.12, eye_colour)
        _ellipse(draw, ex, eye_y, r * 0.035, r * 0.11, (10, 10, 10))
    nose_y = cy + r * 0.25
    triangle = [
        (cx - r * 0.1, nose_y - r * 0.06),
        (cx + r * 0.1, nose_y - r * 0.06),
        (cx, nose_y + r * 0.06),
    ]
    draw.polygon(triangle, fill=(230, 120, 140))
    if rng.uniform() > CUE_DROP and not weak:
        width = max(1, round(r * 0.03))
        for side in (-1, 1):
            for k in (-1, 0, 1):
                start = (cx + side * r * 0.2, nose_y + r * 0.08 + k * r * 0.06)
                end = (cx + side * r * 1.1, nose_y + k * r * 0.22)
                draw.line([start, end], fill=_colour(dark), width=width)


def _dog_ears(draw, rng, cx, cy, r, fur, weak):
    """Two long floppy ears hanging down the sides of the head (drawn over the head)."""
    colour = _colour(fur * rng.uniform(*(DOG_EAR_SHADE_WEAK if weak else DOG_EAR_SHADE)))
    length = r * rng.uniform(*(DOG_EAR_LENGTH_WEAK if weak else DOG_EAR_LENGTH))
    for side in (-1, 1):
        ex = cx + side * r * rng.uniform(0.8, 1.0)
        _ellipse(draw, ex, cy - r * 0.2 + length * 0.4, r * 0.28, length, colour)


def _dog_face(draw, rng, cx, cy, r, fur, weak):
    """Round dark eyes with a highlight, a pale muzzle, a big dark nose, sometimes a tongue."""
    eye_dx, eye_y = r * rng.uniform(0.3, 0.4), cy - r * rng.uniform(0.1, 0.25)
    for side in (-1, 1):
        ex = cx + side * eye_dx
        _ellipse(draw, ex, eye_y, r * 0.13, r * 0.13, (45, 25, 15))
        _ellipse(draw, ex + r * 0.04, eye_y - r * 0.04, r * 0.035, r * 0.035, (240, 240, 240))
    muzzle_y = cy + r * 0.42
    if rng.uniform() > CUE_DROP and not weak:
        _ellipse(draw, cx, muzzle_y, r * 0.45, r * 0.33, _colour(0.35 * fur + 0.65 * 235))
    _ellipse(draw, cx, muzzle_y - r * 0.13, r * 0.17, r * 0.12, (20, 15, 15))
    mouth = [(cx, muzzle_y - r * 0.05), (cx, muzzle_y + r * 0.15)]
    draw.line(mouth, fill=(20, 15, 15), width=max(1, round(r * 0.04)))
    if rng.uniform() < 0.4:
        _ellipse(draw, cx, muzzle_y + r * 0.3, r * 0.11, r * 0.15, (225, 90, 110))


def _face(rng, label, size):
    """An RGBA layer (size, size) holding one tilted face on a transparent background."""
    big = size * SUPERSAMPLE
    layer = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    cx, cy = rng.uniform(*HEAD_CENTRE, size=2) * big
    r = rng.uniform(*HEAD_RADIUS) * big
    fur = FUR[rng.integers(len(FUR))] + rng.normal(0, 15, size=3)
    dark = fur * 0.3 if fur.mean() > 110 else np.full(3, 200.0)
    width = r * rng.uniform(0.95, 1.15)
    weak = rng.uniform() < WEAK_CUES
    if label == CAT:
        _cat_ears(draw, rng, cx, cy, r, fur, weak)
        _ellipse(draw, cx, cy, width, r, _colour(fur))
        _cat_face(draw, rng, cx, cy, r, dark, weak)
    else:
        _ellipse(draw, cx, cy, width, r, _colour(fur))
        _dog_ears(draw, rng, cx, cy, r, fur, weak)
        _dog_face(draw, rng, cx, cy, r, fur, weak)
    angle = rng.uniform(-TILT_DEGREES, TILT_DEGREES)
    small = layer.reduce(SUPERSAMPLE)  # rotating the small layer is 4 times cheaper
    return small.rotate(angle, resample=Image.BILINEAR, center=(cx / SUPERSAMPLE, cy / SUPERSAMPLE))


def make_catdog_images(n, size=64, seed=0):
    """n procedurally drawn animal faces, half cats and half dogs, deterministic for a seed.

    Returns (images, labels): images uint8 (n, size, size, 3) and labels int (n,) with
    1 = dog and 0 = cat (n // 2 cats, the rest dogs, in random order).
    """
    if n < 0 or size < 8:
        raise ValueError(f"need n >= 0 and size >= 8, got n={n}, size={size}")
    rng = np.random.default_rng(seed)
    labels = rng.permutation(np.repeat([CAT, DOG], [n // 2, n - n // 2]))
    images = np.empty((n, size, size, 3), dtype=np.uint8)
    for i, label in enumerate(labels):
        background = Image.fromarray(np.clip(_background(rng, size), 0, 255).astype(np.uint8))
        picture = Image.alpha_composite(background.convert("RGBA"), _face(rng, label, size))
        pixels = np.asarray(picture.convert("RGB"), dtype=float)
        contrast, brightness = rng.uniform(0.7, 1.15), rng.uniform(-30, 30)
        noise = rng.normal(0, rng.uniform(*NOISE_STD), size=pixels.shape)
        pixels = (pixels - 128) * contrast + 128 + brightness + noise
        images[i] = np.clip(pixels, 0, 255).astype(np.uint8)
    return images, labels.astype(int)
