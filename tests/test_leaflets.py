"""Leaflets, without the site: the data file and its errors, cutting sections out of pages, the paper
rule for contacts, the design checks on a PDF, and a regional contacts card (jalur/outputs/leaflets/)."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from jalur.content import contact_cards
from jalur.core import i18n
from jalur.core.errors import BuildError
from jalur.core.project import ROOT, Project
from jalur.models import leaflets as model
from jalur.models.contact_choice import contacts_shown, provinces_on_paper
from jalur.models.contacts import load_contacts
from jalur.models.sitedata import SiteData
from jalur.outputs.leaflets import pdf, run
from jalur.outputs.leaflets import sections as lc
from jalur.outputs.leaflets.compose import Composer, Gathered
from tests.helpers import write

PROJECT = Project(ROOT)
LANGS = ["id", "en"]
URL = "https://jr.example/"
FIXTURE_CONTACTS = Path(__file__).parent / "fixtures" / "contacts" / "data" / "contacts.yml"


@pytest.fixture(scope="module")
def envs(tmp_path_factory):
    return i18n.environments(PROJECT.templates, PROJECT.locales, LANGS, tmp_path_factory.mktemp("locales"), ROOT)


@pytest.fixture(scope="module")
def data():
    return SiteData(PROJECT, URL)


def load(path: Path, data: SiteData) -> list[model.Leaflet]:
    return model.load_leaflets(path, ROOT, LANGS, "id", data.pages.paths, {c.id for c in data.contacts})


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


# --- data/leaflets.yml -----------------------------------------------------------------------------


def test_the_data_file_loads_and_every_leaflet_has_a_title_in_both_languages(envs, data):
    found = load(ROOT / "data/leaflets.yml", data)
    assert [x.id for x in found] == [
        "cek-perekrut",
        "kenali-tanda",
        "kontak",
        "langkah-resmi",
        "eskalasi",
        "rujukan",
        "rapat-desa",
    ]
    assert {(x.id, x.css_size, x.pages) for x in found} == {
        ("cek-perekrut", "A4", 2),
        ("kenali-tanda", "A5", 2),
        ("kontak", "A4", 2),
        ("langkah-resmi", "A4 landscape", 2),
        ("eskalasi", "A4", 1),
        ("rujukan", "A4", 1),
        ("rapat-desa", "A4", 3),
    }
    titles = {lang: envs[lang].get_template("leaflets/names.html.j2").module.TITLES for lang in LANGS}
    assert titles["id"]["cek-perekrut"] == "Cek perekrut"
    assert titles["id"]["kenali-tanda"] == "Kenali tanda TPPO"
    assert titles["id"]["langkah-resmi"] == "Langkah resmi"
    assert str(titles["id"]["kontak"]).startswith("Siapa yang dihubungi")
    for leaflet in found:
        assert titles["id"][leaflet.id] != titles["en"][leaflet.id]


def base_entry() -> dict:
    return {
        "id": "x",
        "layout": "flow",
        "paper": "A5",
        "pages": 2,
        "page": "kontak/index.md",
        "parts": {"main": [{"contacts": {"ids": ["NAT-01"]}}]},
    }


@pytest.mark.parametrize(
    "change,field,problem",
    [
        ({"layout": "poster"}, "leaflets[0] (x).layout", "must be one of"),
        ({"paper": "B5"}, "leaflets[0] (x).paper", "must be A4, A5 or A6"),
        ({"paper": "A4 sideways"}, "leaflets[0] (x).paper", "must be A4, A5 or A6"),
        ({"pages": 0}, "leaflets[0] (x).pages", "designed page count"),
        ({"page": "kontak/nowhere.md"}, "leaflets[0] (x).page", "no such page"),
        ({"parts": {"cover": []}}, "leaflets[0] (x).parts", "the flow layout has the parts main"),
        (
            {"parts": {"main": [{"page": "kontak/index.md", "colour": "red"}]}},
            "leaflets[0] (x).parts.main[0]",
            "unknown field colour",
        ),
        (
            {"parts": {"main": [{"contacts": {"kind": "mission"}}]}},
            "leaflets[0] (x).parts.main[0].contacts",
            "must be {ids",
        ),
        (
            {"parts": {"main": [{"contacts": {"ids": ["NAT-99"]}}]}},
            "leaflets[0] (x).parts.main[0].contacts.ids",
            "no contact 'NAT-99'",
        ),
        (
            {"parts": {"main": [{"page": "kontak/index.md", "section": {"id": "A"}}]}},
            "leaflets[0] (x).parts.main[0].section",
            "each language",
        ),
        (
            {"parts": {"main": [{"page": "kontak/index.md", "only": ["poem"]}]}},
            "leaflets[0] (x).parts.main[0].only",
            "must be a list of",
        ),
        ({"variant_page": "kontak/daerah.md"}, "leaflets[0] (x).variant_page", "needs `variants: regions`"),
    ],
)
def test_every_mistake_in_the_data_file_names_the_field(tmp_path, data, change, field, problem):
    path = write(tmp_path / "leaflets.yml", yaml.safe_dump({"leaflets": [{**base_entry(), **change}]}))
    with pytest.raises(BuildError) as err:
        load(path, data)
    assert err.value.field == field and problem in err.value.problem


# --- Cutting pages -----------------------------------------------------------------------------------

PAGE = """# Judul

Pembuka satu.

Pembuka dua, dengan [tautan](../kontak/index.md#unduh) dan [situs](https://example.go.id/a).

## Sebelum berangkat { #sebelum }

- satu
- dua

- tiga, setelah baris kosong
  lanjutan

<!-- jr:share-list -->

!!! warning "Hati-hati"
    Isi peringatan.

    Paragraf kedua peringatan.

### Rincian

Teks rincian.

## Tabel

| | A | B |
|---|---|---|
| **Tanda** | a1 | b1 |
| **Lain** | a2 | b2 |

## 13. Berangkat

Akhir.
"""


def test_a_section_is_cut_out_by_its_heading_and_split_into_blocks():
    intro = lc.section(PAGE, None, "x.md", "f")
    assert [b.kind for b in lc.blocks(intro.lines)] == ["paragraph", "paragraph"]
    part = lc.section(PAGE, "Sebelum berangkat", "x.md", "f")
    kinds = [b.kind for b in lc.blocks(part.lines)]
    assert kinds == ["list", "marker", "admonition", "heading", "paragraph"]
    first_list = lc.blocks(part.lines)[0].text
    assert "tiga, setelah baris kosong" in first_list and "lanjutan" in first_list
    assert "Paragraf kedua" in lc.blocks(part.lines)[2].text
    assert lc.section(PAGE, "13. Berangkat", "x.md", "f").lines[1] == "Akhir."
    with pytest.raises(BuildError) as err:
        lc.section(PAGE, "Sesudah berangkat", "content/id/x.md", "leaflets[0].section")
    assert err.value.field == "leaflets[0].section"
    assert "no heading 'Sesudah berangkat'" in err.value.problem and "Sebelum berangkat" in err.value.problem
    with pytest.raises(BuildError, match="appears 2 times"):
        lc.section(PAGE + "\n## Tabel\n", "Tabel", "x.md", "f")


def test_table_rows_are_picked_by_their_label():
    header, rows = lc.table_rows(lc.section(PAGE, "Tabel", "x.md", "f").lines, ["Tanda"], "x.md", "f")
    assert header == ["A", "B"] and rows == [("Tanda", ["a1", "b1"])]
    with pytest.raises(BuildError, match="no table row 'Apa'"):
        lc.table_rows(lc.section(PAGE, "Tabel", "x.md", "f").lines, ["Apa"], "x.md", "f")


def test_links_become_site_addresses_and_headings_stay_headings():
    text = lc.absolute_links(
        "Baca aturan [Biaya](biaya.md), bagian [atas](#x), unduhan [Kontak](../kontak/index.md#unduh) dan situs "
        "[KP2MI](https://kp2mi.go.id/) sebelum Anda membayar.",
        "berangkat-resmi/index.md",
        "en",
        "https://jr.example/",
    )
    assert "(https://jr.example/en/berangkat-resmi/biaya/){: .jr-in }" in text
    assert "(https://jr.example/en/berangkat-resmi/#x){: .jr-in }" in text
    assert "(https://jr.example/en/kontak/#unduh){: .jr-in }" in text
    assert "(https://kp2mi.go.id/) sebelum" in text
    assert 'class="jr-in"' in lc.to_html(text)
    assert lc.inline_html("13. Berangkat *resmi*") == "13. Berangkat <em>resmi</em>"
    assert lc.demote("<h2>a</h2><h3>b</h3>", 3) == "<h3>a</h3><h4>b</h4>"


def test_markers_on_paper_contacts_are_printed_share_buttons_left_out_others_refused(tmp_path, envs):
    root = tmp_path / "p"
    shutil.copytree(ROOT / "data", root / "data")
    write(
        root / "content/id/a.md",
        "---\ntitle: a\ndescription: d\nreviewed: 2026-01-02\nsources:\n"
        "  - {title: s, url: 'https://x.go.id/'}\n---\n\n## Bantuan\n\n- satu\n\n<!-- jr:share-list -->\n\n"
        "<!-- jr:contacts ids=NAT-16,NAT-08 -->\n\n## Istilah\n\n<!-- jr:glossary -->\n",
    )
    composer = Composer(SiteData(Project(root), URL), envs)
    item = model.Item(field="f", page="a.md", section={"id": "Bantuan", "en": "Help"})
    gathered = Gathered()
    html = composer.item_html(item, "en", gathered)
    # The English page does not exist: the Indonesian text, marked as such.
    assert 'lang="id"' in html and "Not translated yet." in html
    assert "share" not in html.lower() and "satu" in html
    # NAT-16 rests on one source only: left off paper; 110 (NAT-08) is printed.
    assert list(gathered.contacts) == ["NAT-08"] and ">110<" in html
    assert str(gathered.reviewed) == "[datetime.date(2026, 1, 2)]"
    with pytest.raises(BuildError, match="jr:glossary cannot go on paper"):
        composer.item_html(dataclasses.replace(item, section={"id": "Istilah", "en": "Terms"}), "id", gathered)


def test_only_confirmed_contacts_and_channels_reach_paper(envs, data):
    composer = Composer(data, envs)
    everyone = [c.id for c in data.contacts]
    gathered = Gathered()
    html = composer.contacts_html("id", contacts_shown(data.contacts, "print", "id", ids=everyone), gathered)
    for contact in data.contacts:
        printable = contact.channels_for("print")
        assert (contact.name["id"] in html) == bool(printable), contact.id
        for channel in contact.channels:
            if channel not in printable and channel.type in ("phone", "whatsapp", "tollfree", "shortcode"):
                assert f">{channel.value}<" not in html, (contact.id, channel.value)
    assert "jr-caution" not in html and "satu sumber" not in html
    # What the leaflet records as printed is exactly what it printed.
    assert sorted(gathered.contacts) == sorted(c.id for c in data.contacts if c.channels_for("print"))


# --- Regional cards ----------------------------------------------------------------------------------


def test_regions_with_a_printable_contact():
    fixture = load_contacts(FIXTURE_CONTACTS, ROOT, LANGS)
    assert provinces_on_paper(fixture, "id") == ["Jawa Timur"]
    # Today no regional office in data/contacts.yml has a confirmed channel: no regional card yet.
    assert provinces_on_paper(SiteData(PROJECT).contacts, "id") == []


@pytest.mark.pdf
def test_a_regional_card_is_made_for_each_province_with_confirmed_local_contacts(tmp_path, envs):
    data = SiteData(PROJECT, URL)
    office = next(c for c in load_contacts(FIXTURE_CONTACTS, ROOT, LANGS) if c.id == "RG-02")
    data.__dict__["contacts"] = [*data.contacts, dataclasses.replace(office, id="RG-TEST")]
    built = run.build_leaflets(data, envs, tmp_path, only=["kontak"])
    assert sorted((b.edition.slug, b.edition.lang) for b in built) == [
        ("kontak", "en"),
        ("kontak", "id"),
        ("kontak-jawa-timur", "en"),
        ("kontak-jawa-timur", "id"),
    ]
    for b in built:
        text = " ".join(pdf_text(b.pdf).split())
        assert b.pages == 2 and b.pdf.stat().st_size <= pdf.MAX_BYTES
        regional = b.edition.slug == "kontak-jawa-timur"
        assert ("Jalan Juanda" in text) == regional
        assert ("RG-TEST" in b.contacts) == regional
    card = next(b for b in built if b.edition.slug == "kontak-jawa-timur" and b.edition.lang == "en")
    assert card.qr_url == "https://jr.example/en/kontak/daerah/"
    assert card.title == "Who to call: help numbers: East Java (Jawa Timur)"
    assert "Offices in East Java (Jawa Timur)" in " ".join(pdf_text(card.pdf).split())


# --- The design checks ---------------------------------------------------------------------------------


def edition(pages: int, paper: str = "A5", landscape: bool = False) -> model.Edition:
    leaflet = model.Leaflet(
        id="t",
        layout="flow",
        paper=paper,
        landscape=landscape,
        pages=pages,
        page="index.md",
        variants=(),
        variant_page=None,
        parts={},
    )
    return model.Edition(leaflet, "id")


def html_doc(body: str, size: str = "A5") -> str:
    return f'<html lang="id"><head><style>@page {{ size: {size} }}</style></head><body>{body}</body></html>'


@pytest.mark.pdf
def test_a_leaflet_that_outgrows_its_design_stops_the_build():
    pdf.render_pdf(html_doc("<p>Satu halaman.</p>"), edition(1), "data/leaflets.yml")
    with pytest.raises(BuildError, match=r"comes out at 3 page\(s\), designed for 2"):
        pdf.render_pdf(html_doc("<p style='break-after: page'>a</p>" * 3), edition(2), "data/leaflets.yml")
    with pytest.raises(BuildError, match="designed for A4"):
        pdf.render_pdf(html_doc("<p>a</p>"), edition(1, "A4"), "data/leaflets.yml")
    # A tri-fold panel that needs more than its page: split over two pages, which the page count alone
    # would not notice here.
    panels = (
        '<div class="jr-panel" id="jr-panel-a" style="height: 50mm">a</div>'
        '<div class="jr-panel" id="jr-panel-b">' + "<p>b</p>" * 18 + "</div>"
    )
    with pytest.raises(BuildError, match="panel jr-panel-b does not fit on its page"):
        pdf.render_pdf(html_doc(panels), edition(2), "data/leaflets.yml")


@pytest.mark.pdf
def test_contact_cards_in_two_columns_stay_on_one_page():
    # WeasyPrint would start the second column below the end of the first, pages later.
    card = '<div class="jr-contact" style="break-inside: avoid"><p>Kartu</p><p>a</p><p>b</p></div>'
    group = (
        '<div class="jr-contacts jr-contacts--columns">'
        + "".join(f'<div class="jr-contacts__column">{card * n}</div>' for n in (20, 20))
        + "</div>"
    )
    with pytest.raises(BuildError, match=r"contact cards in two columns \(group #1\) do not fit on one page"):
        pdf.render_pdf(html_doc("<style>.jr-contacts--columns { display: flex }</style>" + group), edition(3), "x")


def test_two_columns_keep_the_order_and_come_out_about_even():
    contacts = contacts_shown(SiteData(PROJECT, URL).contacts, "print", "id", kind="national").contacts
    assert len(contacts) >= 6
    left, right = contact_cards.two_columns(contacts, "id", purpose=True)
    assert left + right == contacts  # down the first column, then the second: the data's order
    lines = [sum(contact_cards.card_lines(c, "id", True) for c in column) for column in (left, right)]
    longest = max(contact_cards.card_lines(c, "id", True) for c in contacts)
    assert abs(lines[0] - lines[1]) <= longest
    assert contact_cards.two_columns(contacts[:1], "id", purpose=True) == (contacts[:1],)
    # Without the "what for" line the cards weigh less, and the split is made on that.
    assert sum(contact_cards.card_lines(c, "id", False) for c in contacts) < sum(lines)


@pytest.mark.pdf
def test_a_leaflet_loads_nothing_but_its_fonts(monkeypatch):
    with pytest.raises(BuildError, match="tried to load https://example.com/logo.png"):
        pdf.render_pdf(html_doc('<img src="https://example.com/logo.png" alt="">'), edition(1), "x")
    with pytest.raises(BuildError, match="tried to load file:///etc/hostname"):
        pdf.render_pdf(html_doc('<img src="file:///etc/hostname" alt="">'), edition(1), "x")
    monkeypatch.setattr(pdf, "MAX_BYTES", 500)
    with pytest.raises(BuildError, match="more than 500"):
        pdf.render_pdf(html_doc("<p>a</p>"), edition(1), "x")


def test_a_project_without_leaflets_builds_none(tmp_path, envs):
    assert run.build_leaflets(SiteData(Project(tmp_path)), envs, tmp_path) == []


@pytest.mark.pdf
def test_a_design_error_in_a_worker_process_arrives_as_one_build_error(tmp_path):
    """PDFs are printed in worker processes; a leaflet that outgrows its design stops the build with
    the same one-line message as when it is printed here."""
    jobs = [
        run.PrintJob(edition(1), html_doc("<p>a</p>"), tmp_path / "one"),
        run.PrintJob(edition(1), html_doc("<p style='break-after: page'>a</p>" * 2), tmp_path / "two"),
    ]
    with pytest.raises(BuildError) as err:
        run.print_all(jobs, workers=2)
    assert str(err.value) == (
        "data/leaflets.yml: leaflet t (id): comes out at 2 page(s), designed for 1: "
        "shorten the chosen sections, or change the design (docs/printing.md)"
    )


@pytest.mark.parametrize(
    "text, paper",
    [
        # A sentence that only points to another page is left out; the rest of the line stays.
        (
            "- Tidak boleh dibebani biaya (Pasal 30). Lihat [Biaya](biaya.md).",
            "- Tidak boleh dibebani biaya (Pasal 30).",
        ),
        ("Lalu lapor diri. Caranya ada di [Di luar negeri](di-luar-negeri.md).", "Lalu lapor diri."),
        ("The full list of rights is on [Your rights](hak.md).", ""),
        # "...: [Contacts]." keeps what it says before the colon; a bare label goes with its link.
        (
            "- Save the help numbers before you leave: [Contacts](../kontak/index.md).",
            "- Save the help numbers before you leave.",
        ),
        ("- All help lines: [Contacts](../kontak/index.md).", ""),
        # A link inside a sentence that says more stays (paper shows its text); web addresses stay.
        (
            "Pakai [daftar cek](../cek-perekrut/index.md) sebelum membayar apa pun kepada siapa pun.",
            "Pakai [daftar cek](../cek-perekrut/index.md) sebelum membayar apa pun kepada siapa pun.",
        ),
        (
            "Buka [siskop2mi.bp2mi.go.id](https://siskop2mi.bp2mi.go.id).",
            "Buka [siskop2mi.bp2mi.go.id](https://siskop2mi.bp2mi.go.id).",
        ),
    ],
)
def test_paper_leaves_out_sentences_that_only_point_to_another_page(text, paper):
    assert lc.drop_cross_references(text) == paper


def test_a_printed_address_breaks_only_after_a_slash():
    # Never at a hyphen: a reader would take "kenali-" at the end of a line for hyphenation.
    from jalur.core.i18n import address_lines

    assert address_lines("https://jr.example/en/kenali-tppo/tanda/") == (
        '<span class="jr-nobreak">https://jr.example/</span><wbr><span class="jr-nobreak">en/</span><wbr>'
        '<span class="jr-nobreak">kenali-tppo/</span><wbr><span class="jr-nobreak">tanda/</span>'
    )
    assert address_lines("https://x.example") == '<span class="jr-nobreak">https://x.example</span>'
    assert address_lines("https://x.example/a<b") == (
        '<span class="jr-nobreak">https://x.example/</span><wbr><span class="jr-nobreak">a&lt;b</span>'
    )
