"""A leaflet's PDF (WeasyPrint) and the preview of its first page (pdftoppm, poppler-utils).

WeasyPrint runs in a sandbox: it may read our two font files and nothing else, no network, no other
file. Every PDF is checked against its design: the designed page count and paper size, no panel and no
two-column group of contact cards split across pages, at most MAX_BYTES, fonts from Debian's
fonts-dejavu-core (embedded, subset).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from jalur.core.errors import BuildError
from jalur.models.leaflets import Edition

MAX_BYTES = 150 * 1024
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_PACKAGE = "fonts-dejavu-core"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
PREVIEW_WIDTH = 240  # px; the cetak/ page shows it at half that (sharp on phones)


def _fetcher_class():
    from weasyprint.urls import URLFetcher

    class FontsOnly(URLFetcher):
        """WeasyPrint may read our font files and nothing else: no network, no other file."""

        refused: list[str]

        def fetch(self, url, headers=None):
            allowed = {(FONT_DIR / name).as_uri() for name in FONT_FILES}
            if url.split("?")[0] not in allowed:
                self.refused.append(url)
                raise ValueError(f"leaflets may not load {url}")
            return super().fetch(url, headers)

    return FontsOnly


def check_fonts() -> None:
    for name in FONT_FILES:
        if not (FONT_DIR / name).is_file():
            raise BuildError(
                str(FONT_DIR / name),
                None,
                f"font not found: install the Debian package {FONT_PACKAGE} (see scripts/apt-packages.txt)",
            )


def _split_over_pages(document, class_name: str) -> list[str]:
    """The elements of this class that WeasyPrint split over more than one page: their ids, or their
    position among the elements of the class ("#2") when they have none."""
    seen: dict[str, set[int]] = {}
    order: dict[int, str] = {}

    def walk(box, number):
        element = getattr(box, "element", None)
        if element is not None and class_name in (element.get("class") or "").split():
            key = element.get("id") or order.setdefault(id(element), f"#{len(order) + 1}")
            seen.setdefault(key, set()).add(number)
        for child in getattr(box, "children", None) or []:
            walk(child, number)

    for number, page in enumerate(document.pages):
        walk(page._page_box, number)
    return [key for key, pages in seen.items() if len(pages) > 1]


def warm_up() -> None:
    """Lay out and write one small document with both fonts, so that WeasyPrint's first-document
    costs (Pango and fontconfig set-up, the user-agent style sheet; about a second here) are paid
    once, before the worker processes fork, rather than once in every worker."""
    from weasyprint import HTML

    faces = "".join(
        f'@font-face {{ font-family: "DejaVu Sans"; font-weight: {w}; src: url("{name}"); }}'
        for w, name in zip(("normal", "bold"), FONT_FILES, strict=True)
    )
    html = f'<style>{faces} p {{ font-family: "DejaVu Sans" }}</style><p>Jalur <b>Resmi</b></p>'
    fetcher = _fetcher_class()()
    fetcher.refused = []
    HTML(string=html, base_url=FONT_DIR.as_uri() + "/", url_fetcher=fetcher).render().write_pdf()


def render_pdf(html: str, edition: Edition, rel: str) -> tuple[bytes, int, tuple[float, float]]:
    """WeasyPrint: lay out, check against the design, write the PDF (tagged, fonts subset).
    Returns the PDF, its page count and its page size in mm."""
    from weasyprint import HTML

    fetcher = _fetcher_class()()
    fetcher.refused = []
    leaflet = edition.leaflet
    where = f"leaflet {edition.slug} ({edition.lang})"
    try:
        document = HTML(string=html, base_url=FONT_DIR.as_uri() + "/", url_fetcher=fetcher).render()
    except Exception as exc:  # WeasyPrint's own errors have no common base class
        raise BuildError(
            f"templates/leaflets/{leaflet.layout}.html.j2",
            where,
            f"WeasyPrint cannot lay it out: {type(exc).__name__}: {exc}",
        ) from None
    if fetcher.refused:
        raise BuildError(rel, where, f"tried to load {fetcher.refused[0]}: leaflets load only their fonts")
    # WeasyPrint cannot break two columns side by side across pages (the second would start below the
    # first, and the leaflet grow): a group of cards in two columns (compact: true) must fit on one page.
    # Checked first, as it is then the cause of a wrong page count.
    split = _split_over_pages(document, "jr-contacts--columns")
    if split:
        raise BuildError(
            rel,
            where,
            f"the contact cards in two columns (group {split[0]}) do not fit on one page: "
            "leave out `compact`, or split the group",
        )
    if len(document.pages) != leaflet.pages:
        raise BuildError(
            rel,
            where,
            f"comes out at {len(document.pages)} page(s), designed for {leaflet.pages}: "
            "shorten the chosen sections, or change the design (docs/printing.md)",
        )
    width, height = (round(v * 25.4 / 96, 1) for v in (document.pages[0].width, document.pages[0].height))
    if any(abs(a - b) > 0.5 for a, b in zip((width, height), leaflet.size_mm, strict=True)):
        raise BuildError(rel, where, f"page size {(width, height)} mm, designed for {leaflet.css_size}")
    split = _split_over_pages(document, "jr-panel")
    if split:
        raise BuildError(rel, where, f"panel {split[0]} does not fit on its page: shorten what goes into it")
    pdf = document.write_pdf(pdf_tags=True)
    if len(pdf) > MAX_BYTES:
        raise BuildError(rel, where, f"the PDF is {len(pdf):,} bytes, more than {MAX_BYTES:,}")
    return pdf, len(document.pages), (width, height)


def render_preview(pdf: Path, dest: Path) -> tuple[int, int]:
    """Page 1 as a small greyscale PNG (pdftoppm from poppler-utils), 16 grey levels."""
    from PIL import Image

    tool = shutil.which("pdftoppm")
    if not tool:
        raise BuildError(
            "pdftoppm", None, "not found: install the Debian package poppler-utils (see scripts/apt-packages.txt)"
        )
    stem = dest.with_suffix("")
    done = subprocess.run(
        [
            tool,
            "-png",
            "-gray",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            "-scale-to-x",
            str(PREVIEW_WIDTH),
            "-scale-to-y",
            "-1",
            str(pdf),
            str(stem),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    if done.returncode != 0:
        raise BuildError(pdf.name, "preview", f"pdftoppm failed: {done.stderr.strip() or done.returncode}")
    with Image.open(dest) as image:
        small = image.convert("L").quantize(16)
        small.save(dest, optimize=True)
        return image.size
