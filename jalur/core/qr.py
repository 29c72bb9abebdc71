"""QR codes (segno, as SVG): one per page for printing, and one on every leaflet.

Every content page carries a small QR code to its own public address, shown only on paper:
staging (jalur/content/stage.py) writes `print_qr` (the inline SVG) and `print_url` into each staged
page's front matter; `overrides/main.html` puts them at the top of the article in an element with the
`hidden` attribute (so browsers never show it on screen and screen readers never reach it), and the
@media print block of `overrides/assets/stylesheets/jalur.css` shows it on paper with the address
under it. No request, no script: a few hundred bytes of gzip per page (measured in tests).
"""

from __future__ import annotations

import segno


def svg(url: str) -> str:
    """A QR code for `url` as inline SVG: one path, black on transparent, 4 modules of quiet zone,
    no width or height (the stylesheet sizes it). Error correction L, raised by segno when the
    same symbol size allows more."""
    code = segno.make(url, micro=False)
    return code.svg_inline(scale=1, border=4, omitsize=True, svgclass=None, lineclass=None)
