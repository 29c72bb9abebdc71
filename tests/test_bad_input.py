"""Bad input stops the build with one message naming the file and the field, and publishes nothing:
the previous site/ stays exactly as it was."""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts.build import build
from scripts.errors import BuildError
from tests.helpers import make_project, tree_digest, write



@pytest.fixture
def built(tmp_path):
    """A fixture project with a first, successful build in site/."""
    root = make_project(tmp_path)
    build(root=root, site_url="https://jalur-resmi.example/")
    return root


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


CASES = {
    "malformed data YAML": (
        lambda r: write(r / "data/glossary.yml", "terms:\n  - abbr: P3MI\n    id: {expansion: [oops\n"),
        "data/glossary.yml: line", "malformed YAML"),
    "missing front-matter field": (
        lambda r: replace_in(r / "content/id/bagian/index.md", "description: Bagian yang belum diterjemahkan.\n", ""),
        "content/id/bagian/index.md: description:", "missing"),
    "empty front-matter field": (
        lambda r: replace_in(r / "content/en/index.md", "title: Test home", "title: ''"),
        "content/en/index.md: title:", "missing or empty"),
    "unknown marker": (
        lambda r: replace_in(r / "content/id/bagian/index.md", "<!-- jr:glossary -->", "<!-- jr:weather city=Jakarta -->"),
        "content/id/bagian/index.md: line 14:", "unknown marker 'jr:weather'"),
    "malformed marker": (
        lambda r: replace_in(r / "content/id/bagian/index.md", "<!-- jr:glossary -->", "Lihat <!-- jr:glossary --> di sini"),
        "content/id/bagian/index.md: line 14:", "malformed marker"),
    "translation without a source twin": (
        lambda r: write(r / "content/en/extra.md", "---\ntitle: Extra\n---\n"),
        "content/en/extra.md:", "has no Bahasa Indonesia twin"),
    "untranslated catalog string": (
        lambda r: replace_in(r / "locales/en/LC_MESSAGES/messages.po",
                             'msgid "Last reviewed"\nmsgstr "Last reviewed"', 'msgid "Last reviewed"\nmsgstr ""'),
        "locales/en/LC_MESSAGES/messages.po: msgid 'Last reviewed':", "has no translation"),
    "catalog missing a template string": (
        lambda r: replace_in(r / "templates/page_meta.md.j2", '_("Sources")', '_("Sources of facts")'),
        "templates/page_meta.md.j2:", "not in the catalog"),
    "page not in the navigation": (
        lambda r: write(r / "content/id/baru.md", "---\ntitle: Baru\ndescription: d\nreviewed: 2026-01-01\n"
                        "sources:\n  - {title: s, url: 'https://example.go.id/'}\n---\n# Baru\n"),
        "content/id/baru.md: nav:", "not listed in data/nav.yml"),
    "broken link": (
        lambda r: replace_in(r / "content/id/bagian/index.md", "(../index.md)", "(../tidak-ada.md)"),
        "mkdocs --strict", "tidak-ada.md"),
    "unknown contact id": (
        lambda r: replace_in(r / "content/id/index.md", "ids=NAT-01", "ids=NAT-99"),
        "content/id/index.md: line 14: jr:contacts ids:", "no contact 'NAT-99'"),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_stops_the_build_and_keeps_the_old_site(built, case):
    breaks, where, problem = CASES[case]
    before = tree_digest(built / "site")
    breaks(built)
    with pytest.raises(BuildError) as err:
        build(root=built, site_url="https://jalur-resmi.example/")
    message = str(err.value)
    assert where in message and problem in message, message
    assert "\n" not in message
    assert tree_digest(built / "site") == before


def test_command_line_prints_one_clear_line_and_exits_non_zero(built, monkeypatch, capsys):
    from scripts import build as build_module
    replace_in(built / "content/en/index.md", "title: Test home", "title: ''")
    monkeypatch.setattr(build_module, "ROOT", built)
    assert build_module.main(["--site-url", "https://jalur-resmi.example/"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "Build stopped: content/en/index.md: title: is missing or empty"
    assert err[1] == "Nothing was published; site/ is unchanged."
