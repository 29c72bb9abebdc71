"""A release needs a real address and a named publisher; the publisher is shown everywhere a reader
may want to report a mistake (data/publisher.yml, jalur/models/release.py, jalur/models/publisher.py)."""

from __future__ import annotations

import os
import re
import subprocess
from urllib.parse import unquote

import pytest

from jalur.build import build
from jalur.core.errors import BuildError
from jalur.core.project import ROOT
from jalur.models.release import address_problem
from tests.helpers import make_project, write

PUBLISHER = """publisher:
  name: {id: "Lembaga Uji", en: "Test Organisation"}
  corrections: koreksi@lembaga-uji.or.id
"""


@pytest.mark.parametrize(
    "url",
    [
        "https://jalur-resmi.example/",
        "https://preview.test/",
        "https://site.invalid/",
        "https://localhost/",
        "https://127.0.0.1/",
        "https://[::1]/",
        "http://jalurresmi.or.id/",
        "https://router.local/",
        "https://intranet/",
    ],
)
def test_a_placeholder_reserved_or_local_address_is_not_a_release_address(url):
    assert address_problem(url)


def test_a_public_https_address_is_one():
    assert address_problem("https://jalurresmi.or.id/") is None
    assert address_problem("https://www.example.org/jr/") is None


def test_release_refuses_the_placeholder_address_and_a_missing_publisher(tmp_path, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    root = make_project(tmp_path)
    with pytest.raises(BuildError) as err:
        build(root=root, release=True)
    assert str(err.value).startswith("mkdocs.yml: site_url: 'https://jalur-resmi.example/' is a reserved name")
    with pytest.raises(BuildError) as err:
        build(root=root, site_url="https://jalurresmi.or.id/", release=True)
    assert str(err.value).startswith("data/publisher.yml: publisher: no publisher is named")
    assert not (root / "site").exists()


def test_make_release_asks_for_site_url():
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    done = subprocess.run(["make", "-s", "release"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode != 0
    assert "make release: set SITE_URL=https://... (the site's public address)" in done.stderr


def test_a_half_filled_publisher_file_names_the_field(tmp_path):
    root = make_project(tmp_path)
    write(root / "data/publisher.yml", 'publisher:\n  name: {id: "Lembaga", en: "Org"}\n  corrections: "ask us"\n')
    with pytest.raises(BuildError, match=r"data/publisher.yml: publisher.corrections: must be an email address"):
        build(root=root, site_url="https://jalurresmi.or.id/", release=True)


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("release"))
    write(root / "data/publisher.yml", PUBLISHER)
    page = root / "content/id/bagian/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- jr:publisher -->\n", encoding="utf-8")
    return build(root=root, site_url="https://jalurresmi.or.id/", release=True)


def test_every_page_of_a_release_can_report_a_mistake_and_names_the_publisher(released):
    for lang, footer, label in (
        ("id", "Diterbitkan oleh Lembaga Uji", "Laporkan kesalahan di halaman ini"),
        ("en", "Published by Test Organisation", "Report a mistake on this page"),
    ):
        for page in released.pages[lang]:
            html = (released.site_dir / lang / page.url / "index.html").read_text(encoding="utf-8")
            link = re.search(r'<a href="(mailto:[^"]+)">' + re.escape(label) + "</a>", html)
            assert link, (lang, page.path)
            href = unquote(link.group(1).replace("&amp;", "&"))
            assert href.startswith("mailto:koreksi@lembaga-uji.or.id?subject=" + page.title)
            assert href.endswith(f"&body=https://jalurresmi.or.id/{lang}/{page.url}")
            assert footer in html[html.index("<footer") :], (lang, page.path)
    about = (released.site_dir / "id/bagian/index.html").read_text(encoding="utf-8")
    assert "Jalur Resmi diterbitkan oleh Lembaga Uji." in about
    assert '<a href="mailto:koreksi@lembaga-uji.or.id">koreksi@lembaga-uji.or.id</a>' in about
    assert released.warnings == []


def test_a_preview_says_it_is_one_and_shows_no_report_link(mini_site):
    assert any("data/publisher.yml: no publisher is named: this is a preview" in w for w in mini_site.warnings)
    for page in mini_site.pages["id"]:
        html = (mini_site.site_dir / "id" / page.url / "index.html").read_text(encoding="utf-8")
        assert "jr-report" not in html and "Diterbitkan oleh" not in html
