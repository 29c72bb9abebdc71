"""data/publisher.yml: who publishes the site, and where a reader reports a mistake.

Set in this one place; shown on tentang/ (`<!-- jr:publisher -->`), in every page's footer, on every
leaflet, and as a "report a mistake" link on every page. A preview may be built without a publisher
(the file left empty); a release (`make release`) may not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from jalur.core.errors import BuildError, relpath
from jalur.core.yamlfile import load_yaml, require_bilingual

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.I)


@dataclass(frozen=True)
class Publisher:
    name: dict[str, str]  # the organisation, in each language
    corrections: str  # an email address, or the https:// address of its corrections form

    @property
    def corrections_email(self) -> str | None:
        return self.corrections if _EMAIL.fullmatch(self.corrections) else None


def load_publisher(path: Path, root: Path, langs: list[str]) -> Publisher | None:
    """The publisher, or None when the file is missing or says nothing yet (a preview)."""
    if not path.is_file():
        return None
    rel = relpath(path, root)
    raw = load_yaml(path, root)
    entry = raw.get("publisher") if isinstance(raw, dict) else None
    if not isinstance(entry, dict):
        raise BuildError(rel, "publisher", "must be a mapping with name and corrections")
    name, corrections = entry.get("name"), entry.get("corrections")
    empty_name = not name or (isinstance(name, dict) and not any(str(v or "").strip() for v in name.values()))
    if empty_name and not corrections:
        return None
    names = require_bilingual(name, rel, "publisher.name", langs)
    if not isinstance(corrections, str) or not corrections.strip():
        raise BuildError(rel, "publisher.corrections", "is missing: an email address or an https:// form")
    corrections = corrections.strip()
    parsed = urlparse(corrections)
    if not _EMAIL.fullmatch(corrections) and not (parsed.scheme == "https" and parsed.netloc):
        raise BuildError(
            rel, "publisher.corrections", f"must be an email address or an https:// address, not {corrections!r}"
        )
    return Publisher(name=names, corrections=corrections)
