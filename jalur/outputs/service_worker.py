"""A small service worker per language (site/<lang>/sw.js, scope: the folder it is served from), made at build time.

Network first for pages (contacts must never go stale), cache first for theme files and data.
The cache name carries a hash of the theme files, the search index and the sitemap, so a build that
changes any of them replaces the old cache (and the pages saved with it); pages themselves are always
fetched fresh when online.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import jinja2

HOME_MARK = "__JR_SCOPE__"


def write(out: Path, lang: str, env: jinja2.Environment, site_name: str) -> Path:
    """site/<lang>/sw.js. Its scope is the folder it is served from, and what it precaches is relative to
    that, so it works at the public address, under a sub-path (/jr/id/) and from any other address."""
    root = out / lang
    # Theme files, the search index and the sitemaps: what cache-first serves, so what must refresh it.
    files = sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.relative_to(root).parts[0] in ("assets", "search", "sitemap.xml")
        and not p.name.endswith(".map")
        and "previews" not in p.parts
    )
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    # The theme files the language's home page loads (every page loads the same ones), so a page saved
    # earlier renders fully offline; nothing a page does not use is downloaded. Not search: its worker,
    # plugin and index are fetched (and then kept, cache first) only when the reader opens search.
    home = (root / "index.html").read_text(encoding="utf-8")
    refs = re.findall(r'(?:href|src)="(assets/[^"]+)"', home)
    # The offline page links home; the worker puts its own scope there when it serves the page.
    offline_page = env.get_template("sw_offline.html.j2").render(lang=lang, site_name=site_name, home=HOME_MARK)
    script = env.get_template("sw.js.j2").render(
        lang=lang,
        prefix=f"jalur-resmi-{lang}-",
        cache=f"jalur-resmi-{lang}-{digest.hexdigest()[:12]}",
        # "./": the language's home page, so the offline notice's link home always opens something.
        precache=["./", *dict.fromkeys(refs)],
        offline_page=offline_page,
        home_mark=HOME_MARK,
    )
    path = root / "sw.js"
    path.write_text(script, encoding="utf-8")
    return path
