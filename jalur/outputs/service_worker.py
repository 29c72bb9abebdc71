"""A small service worker per language (site/<lang>/sw.js, scope <site path><lang>/), made at build time.

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

from jalur.core.urls import language_path


def write(out: Path, lang: str, env: jinja2.Environment, site_name: str, site_url: str) -> Path:
    """site/<lang>/sw.js. Its scope and precached paths are absolute paths on the host, so they carry
    the site's own path: /id/ at a domain's root, /jr/id/ under a sub-path."""
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
    # earlier renders fully offline; nothing a page does not use is downloaded.
    home = (root / "index.html").read_text(encoding="utf-8")
    refs = re.findall(r'(?:href|src)="(assets/[^"]+)"', home) + re.findall(r'"search": "(assets/[^"]+)"', home)
    scope = language_path(site_url, lang)
    precache = [f"{scope}{ref}" for ref in dict.fromkeys(refs)]
    offline_page = env.get_template("sw_offline.html.j2").render(lang=lang, site_name=site_name, home=scope)
    script = env.get_template("sw.js.j2").render(
        prefix=f"jalur-resmi-{lang}-",
        cache=f"jalur-resmi-{lang}-{digest.hexdigest()[:12]}",
        scope=scope,
        precache=precache,
        offline_page=offline_page,
    )
    path = root / "sw.js"
    path.write_text(script, encoding="utf-8")
    return path
