"""The guides in content/: both languages, front matter, no typed contacts, readable length."""

from __future__ import annotations

import re

import pytest
import yaml

from jalur.core.project import ROOT, Project
from jalur.devtools import content_report
from jalur.models import frontmatter
from tests.helpers import write

PROJECT = Project(ROOT)
ID_PAGES = sorted(p.relative_to(PROJECT.content / "id").as_posix() for p in (PROJECT.content / "id").rglob("*.md"))
# Phone-like: +62…, 08…, or 0 and a long run of digits with separators (what the leaflet hook looks for too).
PHONE = re.compile(r"(\+\d{2}[\d .-]{6,}\d|\b0\d[\d .-]{6,}\d|\b0-800-\d+)")
REQUIRED_TERMS = {
    "P3MI",
    "SIP3MI",
    "SIP2MI",
    "LTSA",
    "OPP",
    "BP3MI",
    "KP2MI",
    "CPMI",
    "TPPO",
    "TPPM",
    "SISKOP2MI",
    "KBRI",
    "KJRI",
    "PIMPASA",
    "TIMPORA",
}


def test_every_page_exists_in_both_languages():
    en = sorted(p.relative_to(PROJECT.content / "en").as_posix() for p in (PROJECT.content / "en").rglob("*.md"))
    assert en == ID_PAGES


@pytest.mark.parametrize("lang", ["id", "en"])
def test_front_matter_is_complete(lang):
    for rel in ID_PAGES:
        path = PROJECT.content / lang / rel
        page = frontmatter.split(path.read_text(encoding="utf-8"), str(path))
        meta = frontmatter.validate(page.meta, str(path))
        assert len(meta["description"]) <= 200, path


def test_no_phone_number_or_email_typed_in_content():
    for path in PROJECT.content.rglob("*.md"):
        page = frontmatter.split(path.read_text(encoding="utf-8"), str(path))
        assert not PHONE.findall(page.body), (path, PHONE.findall(page.body))
        assert not re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", page.body), path


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_guide_ends_with_what_to_do_next(lang):
    for rel in ID_PAGES:
        if rel == "index.md":
            continue
        body = frontmatter.split((PROJECT.content / lang / rel).read_text(encoding="utf-8"), rel).body
        last_section = body.rsplit("\n## ", 1)[-1]
        assert re.search(r"\]\((\.\./)*(cek-perekrut|kontak)/(index|[a-z-]+)\.md", last_section) or rel.startswith(
            ("kontak/", "cek-perekrut/")
        ), f"{lang}/{rel}"


def test_glossary_has_every_required_acronym():
    terms = {t["abbr"] for t in yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))["terms"]}
    assert terms >= REQUIRED_TERMS


def test_no_page_is_flagged_by_the_content_report():
    for lang in ("id", "en"):
        flagged = {row.path: row.flags for row in content_report.report(PROJECT, lang) if row.flags}
        assert flagged == {}


def test_content_report_counts_and_flags(tmp_path):
    head = (
        "---\ntitle: t\ndescription: d\nreviewed: 2026-01-01\nsources:\n  - {title: s, url: 'https://x.go.id/'}\n---\n"
    )
    short = write(
        tmp_path / "a.md",
        head + "# Judul\n\nSatu dua tiga. Empat lima!\n\n- [Tautan](../x.md) enam\n\n<!-- jr:contacts ids=NAT-01 -->\n",
    )
    stats = content_report.page_stats(short, "a.md")
    assert (stats.words, stats.sentences, stats.sources, stats.reviewed) == (8, 4, 1, "2026-01-01")
    assert stats.flags == []
    long_page = write(tmp_path / "b.md", head + ("kata " * 950) + ".\n")
    assert content_report.page_stats(long_page, "b.md").flags == ["over 900 words", "average sentence over 20 words"]
