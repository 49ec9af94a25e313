"""Reading one image file into a fixed-size RGB array (Pillow)."""

import numpy as np
from PIL import Image

WHITE = (255, 255, 255)


def to_rgb(image):
    """A Pillow image in RGB mode: grayscale is expanded, transparency is laid on white."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        canvas = Image.new("RGBA", rgba.size, WHITE + (255,))
        return Image.alpha_composite(canvas, rgba).convert("RGB")
    return image.convert("RGB")


def resize_array(pixels, size):
    """uint8 (h, w, 3) -> uint8 (size, size, 3), squashed to a square (bilinear)."""
    if pixels.shape[:2] == (size, size):
        return pixels
    image = Image.fromarray(pixels).resize((size, size), Image.BILINEAR)
    return np.asarray(image, dtype=np.uint8)


def read_image(path, size):
    """uint8 (size, size, 3): the image at ``path`` as RGB, squashed to size x size.

    Raises OSError (or a subclass) when the file is not a readable image.
    """
    with Image.open(path) as image:
        image.draft("RGB", (size, size))  # JPEG: decode at a reduced scale, much faster
        rgb = to_rgb(image)
        rgb = rgb.resize((size, size), Image.BILINEAR, reducing_gap=2.0)
        return np.asarray(rgb, dtype=np.uint8)
