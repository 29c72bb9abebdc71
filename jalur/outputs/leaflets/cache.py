"""The leaflet cache (.cache/leaflets/): a PDF and its preview made earlier from exactly the same
input, keyed by a hash of its HTML (with its CSS inline), the design, the fonts and the WeasyPrint
version. A cached PDF passed the design checks when it was made."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from jalur.models.leaflets import Edition
from jalur.outputs.leaflets.pdf import FONT_DIR, FONT_FILES, PREVIEW_WIDTH


@dataclass(frozen=True)
class CachedPdf:
    pdf: bytes
    pages: int
    size_mm: tuple[float, float]
    preview: bytes


def cache_key(html: str, edition: Edition) -> str:
    """Everything a leaflet's PDF depends on."""
    from importlib.metadata import version  # not `import weasyprint`: that alone takes about a second

    fonts = [f"{name}:{(FONT_DIR / name).stat().st_size}" for name in FONT_FILES]
    parts = [
        html,
        version("weasyprint"),
        str(edition.leaflet.pages),
        edition.leaflet.css_size,
        str(PREVIEW_WIDTH),
        *fonts,
    ]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


class PdfCache:
    """A folder of <key>.pdf, <key>.png and <key>.json; None as the folder: no cache."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    def get(self, key: str) -> CachedPdf | None:
        if self.folder is None or not (self.folder / f"{key}.json").is_file():
            return None
        meta = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        width, height = meta["size"]
        return CachedPdf(
            pdf=(self.folder / f"{key}.pdf").read_bytes(),
            pages=meta["pages"],
            size_mm=(width, height),
            preview=(self.folder / f"{key}.png").read_bytes(),
        )

    def put(self, key: str, entry: CachedPdf) -> None:
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / f"{key}.pdf").write_bytes(entry.pdf)
        (self.folder / f"{key}.png").write_bytes(entry.preview)
        (self.folder / f"{key}.json").write_text(
            json.dumps({"pages": entry.pages, "size": list(entry.size_mm)}), encoding="utf-8"
        )
