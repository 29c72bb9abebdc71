"""Offline copies: one zip per language that works from file:// (a phone's files app, an office PC).

Built with Material's built-in offline plugin from the same staged Markdown: file URLs instead of
directory URLs, the search index inlined as a script, and the iframe-worker shim served from the copy
itself (vendored in overrides/, never from a CDN). The language switcher is hidden: the other
language is not in the zip.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import yaml

from jalur.outputs.mkdocs_configs import GENERATED

SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


def write_config(work: Path, lang: str) -> Path:
    """build/mkdocs.<lang>.offline.yml: the language's config plus the offline plugin."""
    config = {
        "INHERIT": f"mkdocs.{lang}.yml",
        "site_dir": str((work / "offline" / lang).resolve()),
        "plugins": ["search", "offline"],
        "extra": {"alternate": [], "polyfills": [SHIM], "offline": True},
    }
    path = work / f"mkdocs.{lang}.offline.yml"
    path.write_text(GENERATED + yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def _unused(rel: str, search_langs: list[str]) -> bool:
    """Files the copy never loads from file://: kept out to keep the download small."""
    if rel.endswith((".map", "sitemap.xml", "sitemap.xml.gz")) or rel == "search/search_index.json":
        return True
    # lunr's language plugins: only the search index's own (jalur/outputs/search.py), with the support
    # file Material's worker loads first; none when the index is plain English.
    if not rel.startswith("assets/javascripts/lunr/"):
        return False
    needed = {f"assets/javascripts/lunr/min/lunr.{lang}.min.js" for lang in search_langs if lang != "en"}
    if needed:
        needed.add("assets/javascripts/lunr/min/lunr.stemmer.support.min.js")
    return rel not in needed


def make_zip(built: Path, dest: Path, lang: str) -> Path:
    """Zip the offline build under one folder, `jalur-resmi-<lang>/`, deterministic order and dates."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    folder = f"jalur-resmi-{lang}"
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    search_langs = index["config"]["lang"]
    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(p for p in built.rglob("*") if p.is_file()):
            rel = path.relative_to(built).as_posix()
            if _unused(rel, search_langs):
                continue
            info = zipfile.ZipInfo(f"{folder}/{rel}", date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    return dest
