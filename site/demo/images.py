"""Illustration cards drawn locally with Pillow, so the demo never downloads a photo.

Portraits of fictional people are initials on a coloured card (a real face would suggest a real
person); collectives, households and models get a simple sea-and-island illustration.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from core.text import fold

SIZE = 800
PALETTE = [
    ((14, 94, 111), (233, 196, 106)),
    ((38, 70, 83), (244, 162, 97)),
    ((42, 157, 143), (255, 255, 255)),
    ((120, 53, 15), (253, 230, 138)),
    ((30, 64, 175), (219, 234, 254)),
    ((21, 128, 61), (220, 252, 231)),
]
FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/Library/Fonts/Arial Bold.ttf",
    "C:/Windows/Fonts/arialbd.ttf",
]


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    # Pillow's bundled font; it may lack Vietnamese glyphs, so callers fall back to ASCII.
    return ImageFont.load_default(size=size)


def _colours(seed: str):
    digest = int(hashlib.sha256(seed.encode()).hexdigest(), 16)
    return PALETTE[digest % len(PALETTE)]


def initials(name: str) -> str:
    """ "Võ Văn Biển" → "VB": first letters of the first and last word."""
    words = [w for w in name.replace("“", " ").replace("”", " ").split() if w[:1].isalpha()]
    if not words:
        return "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


def _text_centered(draw: ImageDraw.ImageDraw, text: str, font, fill, y: int | None = None) -> None:
    box = draw.textbbox((0, 0), text, font=font)
    width, height = box[2] - box[0], box[3] - box[1]
    top = (SIZE - height) // 2 - box[1] if y is None else y
    draw.text(((SIZE - width) // 2 - box[0], top), text, font=font, fill=fill)


def portrait_card(name: str) -> bytes:
    """A square PNG with the person's initials, in colours derived from the name."""
    background, foreground = _colours(name)
    image = PILImage.new("RGB", (SIZE, SIZE), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse((120, 120, SIZE - 120, SIZE - 120), outline=foreground, width=14)
    font = _font(260)
    text = initials(name)
    try:
        _text_centered(draw, text, font, foreground)
    except UnicodeEncodeError:  # a bitmap fallback font without "Đ"
        _text_centered(draw, fold(text).upper(), font, foreground)
    _text_centered(draw, "ẢNH MINH HỌA", _font(36), foreground, y=SIZE - 90)
    return _png(image)


def scene_card(title: str) -> bytes:
    """A square PNG of sun, sea and island, for collectives, households and models."""
    background, foreground = _colours(title)
    image = PILImage.new("RGB", (SIZE, SIZE), (214, 236, 246))
    draw = ImageDraw.Draw(image)
    draw.ellipse((560, 90, 700, 230), fill=(250, 204, 21))
    draw.polygon([(80, 520), (300, 300), (460, 430), (560, 360), (760, 520)], fill=background)
    for i, y in enumerate(range(520, SIZE, 40)):
        draw.rectangle((0, y, SIZE, y + 40), fill=(14, 116 + i * 6, 160 + i * 8))
    _text_centered(draw, "ẢNH MINH HỌA", _font(36), foreground, y=SIZE - 90)
    return _png(image)


def _png(image: PILImage.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
