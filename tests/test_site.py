"""The real site as built from this repository: structure, page furniture, privacy, config policy."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import yaml
from mkdocs.utils.yaml import get_yaml_loader

from jalur.core.project import ROOT

# Tags and attributes that make a browser fetch something.
FETCHING = re.compile(
    r'<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\bsrc="([^"]+)"'
    r'|<link\b[^>]*\bhref="([^"]+)"[^>]*>',
    re.I,
)


def built_pages(site, lang):
    return [site.site_dir / lang / page.url / "index.html" for page in site.pages[lang]]


def test_same_relative_paths_in_every_language(real_site):
    assert [p.path for p in real_site.pages["id"]] == [p.path for p in real_site.pages["en"]]
    for lang in ("id", "en"):
        for file in built_pages(real_site, lang):
            assert file.is_file(), file


def test_every_page_has_description_sources_and_last_reviewed(real_site):
    for lang, label in (("id", "Terakhir ditinjau"), ("en", "Last reviewed")):
        for file in built_pages(real_site, lang):
            html = file.read_text(encoding="utf-8")
            assert re.search(r'<meta name="description" content="[^"]{20,}">', html), file
            assert re.search(label + r': <time datetime="\d{4}-\d{2}-\d{2}">', html), file
            assert 'class="jr-sources"' in html and re.search(
                r'<ol class="jr-sources">\s*<li id="jr-source-1"><a href="https?://', html
            ), file


def test_nothing_is_fetched_from_another_host(real_site):
    """Scripts, styles, images, frames and <link>s (icons, alternates) all point at the site's own host."""
    host = urlparse(real_site.site_url).netloc
    for file in real_site.site_dir.rglob("*.html"):
        html = file.read_text(encoding="utf-8")
        for src, href in FETCHING.findall(html):
            assert urlparse(src or href).netloc in ("", host), (file, src or href)
        assert "fonts.googleapis.com" not in html and "unpkg.com" not in html, file


def test_untranslated_pages_carry_the_notice(real_site):
    for page in real_site.pages["en"]:
        html = (real_site.site_dir / "en" / page.url / "index.html").read_text(encoding="utf-8")
        assert ("jr-untranslated" in html) == (not page.translated), page.path


def load_config(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=get_yaml_loader())


def test_base_config_stays_portable_and_strict():
    config = load_config(ROOT / "mkdocs.yml")
    assert config["strict"] is True
    assert set(config["validation"]) == {"omitted_files", "absolute_links", "unrecognized_links", "anchors"}
    assert "hooks" not in config
    assert config["plugins"] == ["search"]  # Material's built-in only
    assert config["theme"]["font"] is False  # system fonts: no font host


def test_generated_configs_only_inherit_and_set_plain_keys(real_site, tmp_path):
    # The real_site fixture wrote its generated configs beside its staging folder.
    work = real_site.site_dir.parent / "work"
    for lang in ("id", "en"):
        config = yaml.safe_load((work / f"mkdocs.{lang}.yml").read_text(encoding="utf-8"))
        assert set(config) == {"INHERIT", "docs_dir", "site_dir", "site_url", "theme", "extra", "nav"}
        assert config["theme"]["language"] == lang
        assert config["site_url"] == f"{real_site.site_url}{lang}/"
        assert config["extra"]["alternate"] is True
        assert [a["lang"] for a in config["extra"]["languages"]] == ["id", "en"]
