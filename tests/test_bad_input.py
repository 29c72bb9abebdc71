"""Bad input stops the build with one message naming the file and the field, and publishes nothing:
the previous site/ stays exactly as it was. Input that staging can check stops the build there,
before MkDocs runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import jalur.build
from jalur.build import build
from jalur.cli import build_command
from jalur.core.errors import BuildError
from tests.helpers import make_project, replace_in, tree_digest, write

URL = "https://jalur-resmi.example/"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """The fixture project with a first, successful build in site/ (built once for every case)."""
    root = make_project(tmp_path_factory.mktemp("bad-input"))
    build(root=root, site_url=URL)
    return root


@pytest.fixture
def built(pristine, tmp_path):
    """A copy of that project and its site, for one case to break."""
    root = tmp_path / "project"
    shutil.copytree(pristine, root)
    return root


@pytest.fixture
def no_mkdocs(monkeypatch):
    """Fail the test if the build gets as far as MkDocs."""

    def refuse(*args, **kwargs):
        raise AssertionError("the build ran MkDocs: this bad input should have stopped it in staging")

    monkeypatch.setattr(jalur.build, "run_mkdocs", refuse)


def duplicate_first_contact(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text + text.split("contacts:\n", 1)[1], encoding="utf-8")


CASES = {
    "malformed data YAML": (
        lambda r: write(r / "data/glossary.yml", "terms:\n  - abbr: P3MI\n    id: {expansion: [oops\n"),
        "data/glossary.yml: line",
        "malformed YAML",
    ),
    "missing front-matter field": (
        lambda r: replace_in(r / "content/id/bagian/index.md", "description: Bagian yang belum diterjemahkan.\n", ""),
        "content/id/bagian/index.md: description:",
        "missing",
    ),
    "empty front-matter field": (
        lambda r: replace_in(r / "content/en/index.md", "title: Test home", "title: ''"),
        "content/en/index.md: title:",
        "missing or empty",
    ),
    "unknown marker": (
        lambda r: replace_in(
            r / "content/id/bagian/index.md", "<!-- jr:glossary -->", "<!-- jr:weather city=Jakarta -->"
        ),
        "content/id/bagian/index.md: line 14:",
        "unknown marker 'jr:weather'",
    ),
    "malformed marker": (
        lambda r: replace_in(
            r / "content/id/bagian/index.md", "<!-- jr:glossary -->", "Lihat <!-- jr:glossary --> di sini"
        ),
        "content/id/bagian/index.md: line 14:",
        "malformed marker",
    ),
    "translation without a source twin": (
        lambda r: write(r / "content/en/extra.md", "---\ntitle: Extra\n---\n"),
        "content/en/extra.md:",
        "has no Bahasa Indonesia twin",
    ),
    "untranslated catalog string": (
        lambda r: replace_in(
            r / "locales/en/LC_MESSAGES/messages.po",
            'msgid "Last reviewed"\nmsgstr "Last reviewed"',
            'msgid "Last reviewed"\nmsgstr ""',
        ),
        "locales/en/LC_MESSAGES/messages.po: msgid 'Last reviewed':",
        "has no translation",
    ),
    "catalog missing a template string": (
        lambda r: replace_in(r / "templates/page_meta.md.j2", '_("Sources")', '_("Sources of facts")'),
        "templates/page_meta.md.j2:",
        "not in the catalog",
    ),
    "page not in the navigation": (
        lambda r: write(
            r / "content/id/baru.md",
            "---\ntitle: Baru\ndescription: d\nreviewed: 2026-01-01\n"
            "sources:\n  - {title: s, url: 'https://example.go.id/'}\n---\n# Baru\n",
        ),
        "content/id/baru.md: nav:",
        "not listed in data/nav.yml",
    ),
    "unknown contact id": (
        lambda r: replace_in(r / "content/id/index.md", "ids=NAT-01", "ids=NAT-99"),
        "content/id/index.md: line 14: jr:contacts ids:",
        "no contact 'NAT-99'",
    ),
    "unknown contact id in the call buttons": (
        lambda r: replace_in(
            r / "content/id/index.md", "<!-- jr:contacts ids=NAT-01 -->", "<!-- jr:call-buttons ids=NAT-99 -->"
        ),
        "content/id/index.md: line 14: jr:call-buttons ids:",
        "no contact 'NAT-99'",
    ),
    "call buttons asked for a listing": (
        lambda r: replace_in(
            r / "content/id/index.md", "<!-- jr:contacts ids=NAT-01 -->", "<!-- jr:call-buttons kind=national -->"
        ),
        "content/id/index.md: line 14: jr:call-buttons:",
        "takes only ids=A,B",
    ),
    "missing data file": (lambda r: (r / "data/nav.yml").unlink(), "data/nav.yml:", "file not found"),
    "invalid phone number": (
        lambda r: replace_in(r / "data/contacts.yml", 'e164: "+622129244800"', 'e164: "+6221292"'),
        "data/contacts.yml: contacts[0] (NAT-01).channels[1].e164:",
        "not a valid phone number",
    ),
    "duplicate contact id": (
        lambda r: duplicate_first_contact(r / "data/contacts.yml"),
        "data/contacts.yml: contacts[1] (NAT-01).id:",
        "duplicate id",
    ),
    "phone number typed into prose": (
        lambda r: replace_in(r / "content/id/bagian/index.md", "Isi bagian", "Telepon 0812-9007-0027. Isi bagian"),
        "content/id/bagian/index.md: line 12:",
        "'0812-9007-0027' is a phone number or email address typed",
    ),
    "email typed into a translation": (
        lambda r: replace_in(
            r / "content/en/index.md", "This page mentions", "Write to help@example.go.id. This page mentions"
        ),
        "content/en/index.md: line 12:",
        "'help@example.go.id' is a phone number or email address typed",
    ),
    "phone link typed into prose": (
        lambda r: replace_in(
            r / "content/id/index.md", "Lihat [bagian]", "Lihat [telepon](tel:+6281290070027) [bagian]"
        ),
        "content/id/index.md: line 12:",
        "'tel:+6281290070027'",
    ),
    "site address that is not a web address": (
        lambda r: replace_in(r / "mkdocs.yml", '"https://jalur-resmi.example/"', '"jalur-resmi.example"'),
        "mkdocs.yml: site_url:",
        "must be an http:// or https:// address",
    ),
}

# Cases only MkDocs can find: a link to a page that does not exist. The message names the content file.
MKDOCS_CASES = {
    "broken link": (
        lambda r: replace_in(r / "content/id/bagian/index.md", "(../index.md)", "(../tidak-ada.md)"),
        "content/id/bagian/index.md: link:",
        "tidak-ada.md",
    ),
    "broken link in a translation": (
        lambda r: replace_in(r / "content/en/index.md", "(bagian/index.md)", "(bagian/hilang.md)"),
        "content/en/index.md: link:",
        "hilang.md",
    ),
}


def check_stops(root: Path, breaks, where: str, problem: str) -> None:
    before = tree_digest(root / "site")
    breaks(root)
    with pytest.raises(BuildError) as err:
        build(root=root, site_url=None if "site_url" in where else URL)
    message = str(err.value)
    assert where in message and problem in message, message
    assert "\n" not in message
    assert tree_digest(root / "site") == before


@pytest.mark.parametrize("case", CASES)
def test_bad_input_stops_the_build_in_staging_and_keeps_the_old_site(built, no_mkdocs, monkeypatch, case):
    monkeypatch.delenv("SITE_URL", raising=False)
    check_stops(built, *CASES[case])


@pytest.mark.parametrize("case", MKDOCS_CASES)
def test_what_only_mkdocs_finds_stops_the_build_naming_the_content_file(built, case):
    check_stops(built, *MKDOCS_CASES[case])


def test_command_line_prints_one_clear_line_and_exits_non_zero(built, capsys):
    replace_in(built / "content/en/index.md", "title: Test home", "title: ''")
    assert build_command(["--site-url", URL], root=built) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "Build stopped: content/en/index.md: title: is missing or empty"
    assert err[1] == "Nothing was published; site/ is unchanged."
