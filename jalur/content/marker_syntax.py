"""How a marker is written: an HTML comment alone on a line, `<!-- jr:NAME key=value key=value -->`.
Staging replaces markers (jalur/content/markers.py); leaflets read them in page sections."""

from __future__ import annotations

import re

MARKER = re.compile(r"^<!--\s*jr:(?P<name>[a-z][a-z0-9-]*)(?P<args>(?:\s+[a-z][a-z0-9_-]*=[^\s>]+)*)\s*-->\s*$")
ANY_MARKER = re.compile(r"<!--\s*jr:")
FENCE = re.compile(r"^\s*(```|~~~)")


def parse(line: str) -> tuple[str, dict[str, str]] | None:
    """(name, arguments) of a marker line, or None when the line is not a well-formed marker."""
    match = MARKER.match(line.strip())
    if not match:
        return None
    return match.group("name"), dict(pair.split("=", 1) for pair in match.group("args").split())
