"""The publication rule and the contact markers, on a small fixture project (tests/fixtures/contacts)
whose entries cover every confidence level on entries and on channels."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
import vobject

from jalur.build import build
from jalur.core.errors import BuildError
from tests.helpers import make_project

# What the fixture must never show, anywhere: unconfirmed or conflicting channels and entries.
NEVER = [
    "8118080141",
    "0811-8080-141",
    "halotki",
    "conflict-source",  # NAT-01's hidden channels
    "8111129129",
    "08111-129-129",
    "Unconfirmed entry",
    "Entri belum pasti",  # NAT-06 (unconfirmed)
    "tel:110",
    "Conflicting entry",
    "Entri bertentangan",  # NAT-07 (conflicting)
    "68942799",
    "6894 2799",  # MS-01's conflicting phone
    "503609667",
    "360 9667",  # MS-02's conflicting phone
    "8113595000",
    "3595",  # RG-03's unconfirmed WhatsApp
    "Hidden office",
    "Kantor tersembunyi",
    "Sumatera Selatan",  # RG-04 (unconfirmed)
    "example.go.id/f",
    "example.go.id/g",
    "example.go.id/q",
]  # sources of hidden entries
SINGLE_SOURCE = [
    "+622129244800",
    "0857-700-100-48",
    "Single-source test app",
    "Aplikasi uji satu sumber",
    "Test immigration office Palu",
    "Kantor Imigrasi uji Palu",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("contacts"), "contacts")
    result = build(root=root, site_url="https://jalur-resmi.example/")
    result.root = root
    return result


def page(site, lang: str, path: str) -> str:
    html = (site.site_dir / lang / path / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


def downloads(site, lang: str) -> dict[str, str]:
    folder = site.site_dir / lang / "kontak" / "unduh"
    return {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()}


def headings(html: str) -> list[str]:
    """The h2 headings of a page's text, without the Sources heading the build appends."""
    return re.findall(r'<h2 id="(?!jr-sources)[^"]*">([^<]+)', html)


def everything(site) -> list[tuple[str, str]]:
    """Every built HTML page and every download, in both languages."""
    files = [p for p in site.site_dir.rglob("*") if p.suffix in (".html", ".vcf", ".json", ".csv")]
    return [(str(p.relative_to(site.site_dir)), p.read_text(encoding="utf-8")) for p in files]


def test_unconfirmed_and_conflicting_are_never_rendered_anywhere(site):
    for name, text in everything(site):
        for needle in NEVER:
            assert needle not in text, (name, needle)
    for lang in ("id", "en"):
        index = (site.site_dir / lang / "search/search_index.json").read_text(encoding="utf-8")
        assert not [n for n in NEVER if n in index]


def call_button(href: str, number: str) -> str:
    """A web card's call or WhatsApp button: the verb, then the number as published."""
    return (
        rf'<a class="jr-call jr-call--\w+" href="{re.escape(href)}"><span class="jr-call__verb">[^<]+</span> '
        rf'<span class="jr-call__number">{re.escape(number)}</span></a>'
    )


def test_confirmed_channels_are_on_the_web_and_on_paper(site):
    for lang in ("id", "en"):
        web, paper = page(site, lang, "kontak"), page(site, lang, "kontak/cetak")
        assert re.search(call_button("tel:08001000", "0-800-1000"), web)
        assert re.search(call_button("tel:+6281290070027", "+62 812 9007 0027"), web)
        # Paper: plain numbers, no buttons.
        assert '<a href="tel:08001000">0-800-1000</a>' in paper
        assert '<a href="tel:+6281290070027">+62 812 9007 0027</a>' in paper and "jr-call" not in paper
        assert '<a href="tel:129">129</a>' in paper and '<a href="sms:1708">1708</a>' in paper


def test_single_source_is_on_the_web_only_with_a_visible_caution(site):
    web_id, web_en = page(site, "id", "kontak"), page(site, "en", "kontak")
    button = call_button("tel:+622129244800", "+622129244800")
    assert re.search(button + r'[^<]*<span class="jr-caution">\(baru satu sumber\)</span>', web_id)
    assert re.search(button + r'[^<]*<span class="jr-caution">\(one source only\)</span>', web_en)
    # A single-source entry carries a caution for the whole card.
    card = web_en[web_en.index("Single-source test app") :]
    card = card[: card.index('class="jr-contact__sources"')]
    assert "only one published source was found" in card
    national = page(site, "en", "kontak/nasional")
    assert "0857-700-100-48</span></a>" in national and "one source only" in national
    for lang in ("id", "en"):
        paper = page(site, lang, "kontak/cetak")
        assert not [s for s in SINGLE_SOURCE if s in paper]
        assert "jr-caution" not in paper


def test_the_downloads_follow_the_rule_too(site):
    for lang in ("id", "en"):
        files = downloads(site, lang)
        assert set(files) == {"hotline-nasional.vcf", "kontak.json", "kontak.csv"}
        vcard = files["hotline-nasional.vcf"]
        # The vCard follows the paper rule: no single-source number, no single-source entry.
        assert not [s for s in SINGLE_SOURCE if s.replace("-", "") in vcard.replace("-", "")]
        tels = sorted(t.value for card in vobject.readComponents(vcard) for t in card.contents.get("tel", []))
        assert tels == sorted(["08001000", "+6281290070027", "129", "1708"])
        data = json.loads(files["kontak.json"])
        assert [c["id"] for c in data["contacts"]] == [
            "NAT-01",
            "NAT-04",
            "NAT-05",
            "NAT-08",
            "MS-01",
            "MS-02",
            "MS-03",
            "RG-01",
            "RG-02",
            "RG-03",
        ]
        nat01 = data["contacts"][0]
        assert [(c["value"], c["confidence"]) for c in nat01["channels"]] == [
            ("0-800-1000", "confirmed"),
            ("+622129244800", "single-source"),
        ]
        rows = list(csv.DictReader(io.StringIO(files["kontak.csv"])))
        assert sorted({r["id"] for r in rows}) == sorted(c["id"] for c in data["contacts"])
        assert "notes" not in files["kontak.json"]


def test_ids_marker_keeps_the_order_and_links_every_number(site):
    html = page(site, "id", "kontak")
    first = html[: html.index('id="hong-kong"')]
    assert (
        first.index("Kontak nasional campuran")
        < first.index("Hotline Kemlu uji")
        < first.index("Aplikasi uji satu sumber")
    )
    assert 'Dicocokkan dengan sumbernya: <time datetime="2026-11-22">22 November 2026</time>' in html
    assert 'Compared with its sources: <time datetime="2026-11-22">November 22, 2026</time>' in page(
        site, "en", "kontak"
    )
    # Every source of a shown channel is linked, with its date (Babel), inside the card's "Sources".
    sources = re.findall(r'<details class="jr-contact__sources">.*?</details>', html, re.S)
    assert sources and all("<summary>Sumber</summary>" in d for d in sources)
    assert any(
        '<li><a href="https://example.go.id/b" rel="noopener noreferrer">example.go.id</a> (April 2025)</li>' in d
        for d in sources
    )
    assert '<a href="https://example.go.id/a" rel="noopener noreferrer">example.go.id</a> (10 April 2025)' in html
    assert 'Sumber terbaru: <time datetime="2025-04">April 2025</time>' in html


def test_country_marker_falls_back_to_the_ministry_when_no_mission_number_is_published(site):
    html = page(site, "en", "kontak")
    saudi = html[html.index('id="arab-saudi"') : html.index('id="unduh"')]
    assert "No verified number is published yet for the Indonesian mission in Saudi Arabia" in saudi
    assert "Test Foreign Ministry hotline" in saudi and "Test consulate Jeddah" not in saudi
    hong_kong = html[html.index('id="hong-kong"') : html.index('id="arab-saudi"')]
    assert re.search(call_button("tel:+85267730466", "+852 6773 0466"), hong_kong)


def test_missions_by_country_with_babel_country_names(site):
    html_id, html_en = page(site, "id", "kontak/perwakilan"), page(site, "en", "kontak/perwakilan")
    assert headings(html_id) == ["Arab Saudi", "Hong Kong DAK Tiongkok", "Yordania, Lebanon"]
    assert headings(html_en) == ["Hong Kong SAR China", "Jordan, Lebanon", "Saudi Arabia"]
    # A mission with no number is listed with a plain note that points to the ministry's hotline instead.
    jeddah = html_en[html_en.index("Test consulate Jeddah") :]
    jeddah = jeddah[: jeddah.index("</div>")]
    assert "No verified number is published yet for this office" in jeddah
    instead = jeddah[jeddah.index("jr-channels--instead") :]
    assert re.search(
        call_button("tel:+6281290070027", "+62 812 9007 0027") + " – Test Foreign Ministry hotline", instead
    )
    assert re.findall(r'href="tel:([^"]+)"', jeddah) == ["+6281290070027"]  # no number of its own
    assert re.search(call_button("tel:+962779150407", "+962-7-7915-0407"), html_en)


def test_regional_offices_by_province_with_a_go_in_person_note(site):
    html_id, html_en = page(site, "id", "kontak/daerah"), page(site, "en", "kontak/daerah")
    assert headings(html_id) == ["Jawa Timur", "Sulawesi Tengah"]
    assert headings(html_en) == ["Central Sulawesi (Sulawesi Tengah)", "East Java (Jawa Timur)"]
    # The province-wide office first; no number and no address: go in person.
    east_java = html_en[html_en.index("East Java (Jawa Timur)") :]
    assert east_java.index("Test BP3MI East Java") < east_java.index("Test immigration office Ponorogo")
    bp3mi = east_java[east_java.index("Test BP3MI East Java") : east_java.index("Test immigration office Ponorogo")]
    assert "No phone number or address for this office has been confirmed. Go to the office in person." in bp3mi
    ponorogo = east_java[east_java.index("Test immigration office Ponorogo") :]
    assert "Jalan Juanda" in ponorogo and "Go to the office in person, at the address above." in ponorogo
    palu = html_en[html_en.index("Test immigration office Palu") :]
    assert "Go to the office in person" in palu[: palu.index("</div>")]
    assert "Datanglah langsung ke kantornya, di alamat di atas." in html_id


def test_print_listings_hold_confirmed_entries_only(site):
    paper = page(site, "en", "kontak/cetak")
    assert "Test consulate Hong Kong" in paper and "Test BP3MI East Java" in paper
    assert "Single-source test app" not in paper and "Test immigration office Palu" not in paper


def test_download_links_on_the_page_reach_the_files(site):
    for lang in ("id", "en"):
        html = page(site, lang, "kontak")
        hrefs = re.findall(r'<a href="(unduh/[^"]+)" download=', html)
        assert hrefs == ["unduh/hotline-nasional.vcf", "unduh/kontak.json", "unduh/kontak.csv"]
        for href in hrefs:
            assert (site.site_dir / lang / "kontak" / href).is_file()


MARKER_ERRORS = {
    "nothing publishable": ("ids=NAT-06", "contact 'NAT-06' has nothing publishable"),
    "nothing printable": ("ids=NAT-05 medium=print", "contact 'NAT-05' has nothing printable"),
    "unknown kind": ("kind=embassy", "must be one of national, mission, regional"),
    "unknown medium": ("kind=national medium=radio", "must be web or print"),
    "two selectors": ("ids=NAT-01 kind=national", "takes exactly one of"),
    "unknown argument": ("ids=NAT-01 style=big", "takes exactly one of"),
    "unknown country": ("country=XX", "unknown country code 'XX'"),
    "a contact named twice": ("ids=NAT-01,NAT-01", "is named twice"),
}


@pytest.mark.parametrize("case", MARKER_ERRORS)
def test_bad_contact_markers_stop_the_build(tmp_path, case):
    args, problem = MARKER_ERRORS[case]
    root = make_project(tmp_path, "contacts")
    path = root / "content/id/kontak/nasional.md"
    path.write_text(path.read_text(encoding="utf-8").replace("kind=national", args), encoding="utf-8")
    with pytest.raises(BuildError) as err:
        build(root=root, site_url="https://jalur-resmi.example/")
    assert str(err.value).startswith("content/id/kontak/nasional.md: line 12: jr:contacts"), str(err.value)
    assert problem in str(err.value)
