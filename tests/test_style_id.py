"""docs/style-id.md is kept: no page, glossary entry or checklist text uses a variant the guide
forbids, its term list matches the glossary, and no sentence a reader reads is over 25 words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from jalur.core.project import ROOT, Project
from jalur.devtools import content_report
from jalur.models import frontmatter
from tests.helpers import write

PROJECT = Project(ROOT)
GUIDE = ROOT / "docs" / "style-id.md"
LANGS = ("id", "en")
HEAD = "---\ntitle: t\ndescription: d\nreviewed: 2026-01-01\nsources:\n  - {title: s, url: 'https://x.go.id/'}\n---\n"


@dataclass(frozen=True)
class Rule:
    id: str
    langs: tuple[str, ...]
    pattern: re.Pattern[str]
    use: str
    bad: str
    good: str


def load_rules(guide: Path = GUIDE) -> list[Rule]:
    """The forbidden variants: the fenced `yaml style-id-forbidden` block of the style guide."""
    match = re.search(r"^```yaml style-id-forbidden\n(.*?)^```", guide.read_text(encoding="utf-8"), re.S | re.M)
    assert match, f"{guide}: no ```yaml style-id-forbidden block"
    rules = []
    for item in yaml.safe_load(match.group(1)):
        rules.append(
            Rule(
                id=item["id"],
                langs=tuple(item["langs"]),
                pattern=re.compile(item["pattern"], re.M),
                use=item["use"],
                bad=item["bad"],
                good=item["good"],
            )
        )
    return rules


RULES = load_rules()


def violations(text: str, lang: str, rules: list[Rule] = RULES) -> list[str]:
    """One line per forbidden variant found: the rule, the line number and what to write instead."""
    found = []
    for rule in rules:
        if lang not in rule.langs:
            continue
        for match in rule.pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"{rule.id} (line {line}: {match.group(0).strip()!r}); use {rule.use}")
    return found


def page_violations(path: Path, lang: str) -> list[str]:
    """The forbidden variants in a content page's body (front matter, i.e. source titles, left out)."""
    page = frontmatter.split(path.read_text(encoding="utf-8"), str(path))
    return violations(page.body, lang)


def localized_texts(node: Any, where: str = "", lang: str | None = None) -> list[tuple[str, str, str]]:
    """(place, language, text) for every text under an `id:` or `en:` key of a data file, sources left out."""
    out: list[tuple[str, str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key != "sources":
                out += localized_texts(value, f"{where}.{key}" if where else str(key), key if key in LANGS else lang)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += localized_texts(value, f"{where}[{i}]", lang)
    elif isinstance(node, str) and lang:
        out.append((where, lang, node))
    return out


def content_pages(lang: str) -> list[Path]:
    return sorted((PROJECT.content / lang).rglob("*.md"))


# --- The list itself ---------------------------------------------------------------------------------


def test_every_rule_catches_its_bad_example_and_passes_its_good_one():
    assert len({r.id for r in RULES}) == len(RULES) >= 10
    for rule in RULES:
        assert set(rule.langs) <= set(LANGS), rule.id
        assert rule.pattern.search(rule.bad), f"{rule.id}: the bad example does not match"
        assert not rule.pattern.search(rule.good), f"{rule.id}: the good example matches"


def test_the_guide_forbids_what_issue_15_named():
    ids = {r.id for r in RULES}
    assert {"bp3mi-without-pelindungan", "perorangan", "terlanjur", "kaigofukushishi-perawat-lansia"} <= ids


# --- The pages and data ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_uses_a_forbidden_variant(lang):
    found = {p.relative_to(ROOT).as_posix(): v for p in content_pages(lang) if (v := page_violations(p, lang))}
    assert found == {}


@pytest.mark.parametrize("name", ["glossary.yml", "checklist.yml"])
def test_glossary_and_checklist_use_no_forbidden_variant(name):
    data = yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))
    texts = localized_texts(data)
    assert len(texts) > 20
    found = [f"{where} ({lang}): {v}" for where, lang, text in texts for v in violations(text, lang)]
    assert found == []


def test_a_page_with_a_forbidden_variant_fails(tmp_path):
    page = write(
        tmp_path / "id" / "a.md",
        HEAD + "# Judul\n\nTanyakan ke BP3MI (balai pelayanan pekerja migran di provinsi).\n\n"
        "Majikan harus badan hukum, bukan perorangan. Jika Anda terlanjur berangkat, minta tolong.\n\n"
        "- Jepang untuk calon perawat lansia (*kaigofukushishi*).\n",
    )
    found = page_violations(page, "id")
    assert [v.split(" ", 1)[0] for v in found] == [
        "bp3mi-without-pelindungan",
        "perorangan",
        "terlanjur",
        "kaigofukushishi-perawat-lansia",
    ]
    assert "(line 3: 'BP3MI (')" in found[0] and "(line 5: 'perorangan')" in found[1]
    # The same file passes once it is fixed, and a variant in front matter (a source title) is ignored.
    fixed = write(
        tmp_path / "id" / "b.md",
        HEAD.replace("title: s", "title: 'perorangan'") + "Tanyakan ke BP3MI (Balai Pelayanan Pelindungan Pekerja "
        "Migran Indonesia, kantor layanan di provinsi).\n\nBukan perseorangan. Jika Anda telanjur berangkat.\n",
    )
    assert page_violations(fixed, "id") == []
    # A rule for one language does not fire on the other: read as English, only the English BP3MI rule does.
    assert [v.split(" ", 1)[0] for v in page_violations(page, "en")] == ["bp3mi-en-without-protection"]


def test_the_term_list_matches_the_glossary():
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split("## Term list", 1)[1].split("\n## ", 1)[0]
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in section.splitlines()
        if line.startswith("| ") and not line.startswith("| Term")
    ]
    glossary = {
        t["abbr"]: t["id"]["expansion"]
        for t in yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))["terms"]
    }
    checked = 0
    for term, full, first, explanation in rows:
        assert explanation, term
        if term in glossary:
            assert full == glossary[term], term
            assert first.startswith(term + " ("), term
            checked += 1
    assert checked >= 20


# --- The 25-word flag of the content report ----------------------------------------------------------


def test_content_report_flags_a_sentence_over_25_words(tmp_path):
    words = " ".join(f"kata{i}" for i in range(1, 26))
    ok = write(tmp_path / "a.md", HEAD + f"{words}. Pendek sekali.\n\n- *Daftar:* {words.split(' ', 1)[1]}.\n")
    stats = content_report.page_stats(ok, "a.md")
    assert stats.long_sentences == [] and stats.all_flags == []
    long = write(
        tmp_path / "b.md",
        HEAD + f'Ia berkata: "{words}." Kalimat berikutnya pendek.\n\n{words} tambahan! Pendek.\n\n| sel | {words} |\n',
    )
    stats = content_report.page_stats(long, "b.md")
    # The quoted sentence ends at its closing quote; the table cell is its own block of 25 words.
    assert [len(s.split()) for s in stats.long_sentences] == [27, 26]
    assert stats.long_sentences[0].startswith("Ia berkata") and stats.long_sentences[0].endswith("kata25")
    assert stats.long_sentences[1].endswith("kata25 tambahan")
    assert stats.flags == [] and stats.all_flags == ["2 sentences over 25 words"]
    one = write(tmp_path / "c.md", HEAD + f"{words} satu. Pendek.\n")
    assert content_report.page_stats(one, "c.md").sentence_flags == ["1 sentence over 25 words"]


def test_content_report_lists_each_long_sentence(tmp_path, capsys, monkeypatch):
    long = write(tmp_path / "content" / "id" / "a.md", HEAD + " ".join(["kata"] * 30) + ".\n")
    stats = content_report.page_stats(long, "content/id/a.md")
    monkeypatch.setattr(content_report, "report", lambda project, lang: [stats])
    assert content_report.main(["--lang", "id", "--check"]) == 1
    out = capsys.readouterr().out
    assert "1 sentence over 25 words" in out and "    30 words: kata kata" in out
    assert out.rstrip().endswith("1 page(s) flagged")


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_has_a_sentence_over_25_words(lang):
    long = {row.path: row.long_sentences for row in content_report.report(PROJECT, lang) if row.long_sentences}
    assert long == {}
