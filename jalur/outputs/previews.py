"""Link-preview images (Open Graph) for every page, drawn at build time with Pillow and a local font.

WhatsApp and other apps show the image when someone shares a link. No network is used: the font comes
from Debian's fonts-dejavu-core (scripts/apt-packages.txt). Black on white between two dark bands, in
greyscale, so the card reads well when an app shows it small.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from jalur.core.errors import BuildError

WIDTH, HEIGHT = 1200, 630
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)
BAND = 35  # grey level of the top and bottom bands; white text on it is far above 7:1
# Greyscale ("L") keeps antialiased text at about a third of the cost and size of a colour image.


def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    for folder in FONT_DIRS:
        path = folder / name
        if path.is_file():
            return ImageFont.truetype(str(path), size)
    raise BuildError(
        f"{FONT_DIRS[0]}/{name}",
        None,
        "font not found: install the Debian package fonts-dejavu-core (see scripts/apt-packages.txt)",
    )


class PreviewPainter:
    """Loads the fonts once and draws one card per page."""

    def __init__(self, site_name: str, host: str):
        self.site_name, self.host = site_name, host
        self.title_font = _font("DejaVuSans-Bold.ttf", 60)
        self.text_font = _font("DejaVuSans.ttf", 32)
        self.band_font = _font("DejaVuSans-Bold.ttf", 36)

    def draw(self, title: str, description: str, dest: Path) -> None:
        image = Image.new("L", (WIDTH, HEIGHT), 255)
        draw = ImageDraw.Draw(image)
        draw.rectangle((0, 0, WIDTH, 96), fill=BAND)
        draw.text((60, 26), self.site_name, font=self.band_font, fill=255)
        y = 150
        for line in textwrap.wrap(title, width=30)[:3]:
            draw.text((60, y), line, font=self.title_font, fill=0)
            y += 76
        y += 20
        for line in textwrap.wrap(description, width=58)[:3]:
            draw.text((60, y), line, font=self.text_font, fill=40)
            y += 44
        draw.rectangle((0, HEIGHT - 8, WIDTH, HEIGHT), fill=BAND)
        draw.text((60, HEIGHT - 60), self.host, font=self.text_font, fill=40)
        dest.parent.mkdir(parents=True, exist_ok=True)
        image.save(dest, compress_level=6)
