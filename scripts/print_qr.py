"""QR codes (segno, as SVG): one per page for printing, and one on every leaflet.

Every content page carries a small QR code to its own public address, shown only on paper:
after staging, `add_to_pages` writes `print_qr` (the inline SVG) and `print_url` into each staged
page's front matter; `overrides/main.html` puts them at the top of the article in an element with the
`hidden` attribute (so browsers never show it on screen and screen readers never reach it), and the
@media print block of `overrides/assets/stylesheets/jalur.css` shows it on paper with the address
under it. No request, no script: a few hundred bytes of gzip per page (measured in tests).
"""
from __future__ import annotations

from pathlib import Path

import segno

from scripts import frontmatter
from scripts.errors import relpath


def svg(url: str) -> str:
    """A QR code for `url` as inline SVG: one path, black on transparent, 4 modules of quiet zone,
    no width or height (the stylesheet sizes it). Error correction L, raised by segno when the
    same symbol size allows more."""
    code = segno.make(url, micro=False)
    return code.svg_inline(scale=1, border=4, omitsize=True, svgclass=None, lineclass=None)


def page_address(site_url: str, lang: str, page_url: str) -> str:
    """The public address of a page: site root + language + the page's directory URL."""
    return f"{site_url}{lang}/{page_url}"


def add_to_pages(work: Path, site_url: str, staged: dict, root: Path) -> None:
    """Give every staged page (build/<lang>/docs/...) its print QR code in its front matter."""
    for lang, pages in staged.items():
        for page in pages:
            path = work / lang / "docs" / page.path
            text = path.read_text(encoding="utf-8")
            parsed = frontmatter.split(text, relpath(path, root))
            url = page_address(site_url, lang, page.url)
            meta = {**parsed.meta, "print_url": url, "print_qr": svg(url)}
            path.write_text(frontmatter.dump(meta, parsed.body), encoding="utf-8")
