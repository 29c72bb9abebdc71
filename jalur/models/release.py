"""What a release needs that a preview does not: a real public address and a named publisher.

`make release` (python -m jalur build --release) stops with one clear message when either is missing,
so that no QR code, share link or printed address points at a placeholder, and every reader can
report a mistake to someone.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlparse

from jalur.core.errors import BuildError
from jalur.models.publisher import Publisher

# Names that can never be a public site (RFC 2606, RFC 6761, and the names of a local network).
RESERVED = ("example", "test", "invalid", "localhost", "local", "internal", "lan", "home.arpa")


def address_problem(url: str) -> str | None:
    """Why `url` cannot be the address of a release, or None when it can."""
    parsed = urlparse(url)
    host = (parsed.hostname or "").rstrip(".").lower()
    if parsed.scheme != "https":
        return "must be an https:// address"
    if not host or "." not in host and host != "localhost":
        return "has no public host name"
    try:
        ipaddress.ip_address(host)
        return "is an IP address, not the site's public name"
    except ValueError:
        pass
    for name in RESERVED:
        if host == name or host.endswith("." + name):
            return f"is a reserved name (.{name}), a placeholder or a local address"
    return None


def check_release(site_url: str, source: str, publisher: Publisher | None, publisher_file: str) -> None:
    problem = address_problem(site_url)
    if problem:
        raise BuildError(
            source, "site_url", f"{site_url!r} {problem}: set SITE_URL to the site's public address for a release"
        )
    if publisher is None:
        raise BuildError(
            publisher_file,
            "publisher",
            "no publisher is named: a release needs the publisher's name and an address for corrections",
        )
