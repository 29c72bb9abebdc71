"""Privacy and security that need no server, written into every built page after MkDocs:

- a Content-Security-Policy `<meta>`: everything from the site's own origin only; scripts from our own
  files plus the sha256 hashes of the page's inline scripts (computed here, from the page as built;
  never 'unsafe-inline' for scripts); no plugins, no <base> elsewhere, forms only to the site itself;
- `<meta name="referrer" content="no-referrer">`: a link to another site (wa.me, a ministry) does
  not tell it which page the reader was on;
- `rel="noopener noreferrer"` on every link to another site.

The offline copies are not touched: from file:// a browser treats every file as its own origin.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from jalur.core.errors import BuildError

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_CHARSET = re.compile(r"<meta charset=\"utf-8\">", re.I)
_LINK = re.compile(r"<a\s(?P<attrs>[^>]*?)>", re.I | re.S)
_HREF = re.compile(r"""\bhref=(["'])(?P<href>[^"']*)\1""", re.I)
_REL = re.compile(r"""\brel=(["'])(?P<rel>[^"']*)\1""", re.I)
# Inline scripts a browser does not run (data for Material's bundle) need no hash.
_DATA_TYPES = ("application/json", "application/ld+json")

POLICY = (
    "default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


def script_hashes(html: str) -> list[str]:
    """'sha256-…' of every inline script the browser runs, in page order, without repeats."""
    out: list[str] = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc=", attrs, re.I) or any(t in attrs for t in _DATA_TYPES):
            continue
        digest = base64.b64encode(hashlib.sha256(match.group("body").encode("utf-8")).digest()).decode()
        token = f"'sha256-{digest}'"
        if token not in out:
            out.append(token)
    return out


def policy(html: str, hashes: list[str] | None = None) -> str:
    """The page's policy: scripts from the site itself, and the inline scripts with these hashes
    (by default, the page's own)."""
    return POLICY.format(scripts=" ".join(["'self'", *(script_hashes(html) if hashes is None else hashes)]))


def _outbound(html: str, site_url: str) -> str:
    """rel="noopener noreferrer" on every link to another site (the site's own absolute links stay)."""

    def fix(match: re.Match) -> str:
        attrs = match.group("attrs")
        href = _HREF.search(attrs)
        if not href or not re.match(r"https?://", href.group("href")) or href.group("href").startswith(site_url):
            return match.group(0)
        rel = _REL.search(attrs)
        words = rel.group("rel").split() if rel else []
        words += [w for w in ("noopener", "noreferrer") if w not in words]
        value = f'rel="{" ".join(words)}"'
        attrs = _REL.sub(value, attrs, count=1) if rel else f"{attrs} {value}"
        return f"<a {attrs}>"

    return _LINK.sub(fix, html)


def harden(html: str, site_url: str, where: str) -> str:
    """One page with its policy, its referrer policy and its outbound links marked."""
    if not _CHARSET.search(html):
        raise BuildError(where, "<head>", 'has no <meta charset="utf-8"> to put the security policy after')
    html = _outbound(html, site_url)
    head = (
        f'<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="{policy(html)}">\n'
        '<meta name="referrer" content="no-referrer">'
    )
    return _CHARSET.sub(head, html, count=1)


def harden_site(out: Path, site_url: str) -> list[str]:
    """Every HTML page of the built site (both languages, the root pages, the leaflets' twins).
    Returns the hashes of all their inline scripts, for the HTTP policy (outputs/deploy.py)."""
    every: set[str] = set()
    for path in sorted(out.rglob("*.html")):
        rel = path.relative_to(out).as_posix()
        html = harden(path.read_text(encoding="utf-8"), site_url, f"site/{rel}")
        every.update(script_hashes(html))
        path.write_text(html, encoding="utf-8")
    return sorted(every)
