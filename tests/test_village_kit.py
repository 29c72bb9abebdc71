"""The village kit (issue 14): a box for the local office's numbers on every generic leaflet, the
meeting pack, the escalation card and page, and an edition of the leaflets for each office in
data/offices/ (site/<lang>/cetak/<office-id>/). The offices are fixtures (tests/fixtures/offices/):
made-up offices whose numbers are valid in form and never leave the tests."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from jalur.content.context import MarkerContext
from jalur.content.render_leaflets import render_leaflet_list
from jalur.core import i18n
from jalur.core.errors import BuildError
from jalur.core.project import ROOT, Project
from jalur.core.urls import LEAFLETS_DIR
from jalur.models import leaflets as model
from jalur.models.offices import load_offices, load_regencies
from jalur.models.sitedata import SiteData
from jalur.outputs.leaflets import pdf, run
from jalur.outputs.leaflets.compose import Composer

PROJECT = Project(ROOT)
LANGS = ["id", "en"]
URL = "https://jr.example/"
FIXTURES = Path(__file__).parent / "fixtures" / "offices"
REGENCIES = load_regencies(ROOT / "data/regencies.yml", ROOT)
OFFICES = {o.id: o for o in load_offices(FIXTURES, ROOT, LANGS, REGENCIES)}
WRITE_IN = {"id": "Kantor setempat: tulis nomornya di sini", "en": "Local offices: write their numbers here"}
GENERIC = ["cek-perekrut", "kenali-tanda", "kontak", "langkah-resmi", "eskalasi", "rujukan", "rapat-desa"]


@pytest.fixture(scope="module")
def envs(tmp_path_factory):
    return i18n.environments(PROJECT.templates, PROJECT.locales, LANGS, tmp_path_factory.mktemp("locales"), ROOT)


def site_data(*office_ids: str) -> SiteData:
    data = SiteData(PROJECT, URL)
    data.__dict__["offices"] = [OFFICES[i] for i in office_ids]
    return data


def print_html(data: SiteData, envs, edition: model.Edition) -> str:
    ctx = Composer(data, envs).context(edition)
    return envs[edition.lang].get_template(f"leaflets/{edition.leaflet.layout}.html.j2").render(**ctx, medium="print")


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"], check=True, capture_output=True)
    return " ".join(out.stdout.decode("utf-8").split())


# --- The data: new leaflets, variants, editions ------------------------------------------------------


def test_the_kit_leaflets_load_with_their_designs_and_titles(envs):
    data = SiteData(PROJECT, URL)
    found = {x.id: x for x in data.leaflets}
    assert {(i, found[i].layout, found[i].css_size, found[i].pages) for i in ("eskalasi", "rujukan", "rapat-desa")} == {
        ("eskalasi", "flow", "A4", 1),
        ("rujukan", "flow", "A4", 1),
        ("rapat-desa", "pack", "A4", 3),
    }
    assert found["kontak"].variants == ("regions", "offices")
    assert found["rujukan"].variants == found["rapat-desa"].variants == ("offices",)
    titles = {lang: envs[lang].get_template("leaflets/names.html.j2").module.TITLES for lang in LANGS}
    assert titles["id"]["rapat-desa"] == "Paket rapat desa"
    assert titles["en"]["eskalasi"] == "A suspected case: what to do, step by step"


def test_each_office_that_may_go_on_paper_gets_its_own_editions():
    data = site_data(*OFFICES)
    all_editions = model.editions(data.leaflets, LANGS, [], data.offices)
    office_slugs = sorted({e.slug for e in all_editions if e.office})
    # disnaker-uji rests on one source only: no edition.
    assert office_slugs == [
        "bp3mi-uji/kontak",
        "bp3mi-uji/rapat-desa",
        "bp3mi-uji/rujukan",
        "kanim-uji/kontak",
        "kanim-uji/rapat-desa",
        "kanim-uji/rujukan",
    ]
    pack = next(e for e in all_editions if e.slug == "kanim-uji/rapat-desa" and e.lang == "en")
    assert pack.pdf_name == "jalur-resmi-kanim-uji-rapat-desa-en.pdf"
    # Every generic leaflet is still made once per language.
    assert sorted(e.leaflet.id for e in all_editions if not e.office and not e.region) == sorted(GENERIC * 2)


def test_an_office_may_not_take_a_leaflets_address(tmp_path):
    import dataclasses

    data = site_data()
    data.__dict__["offices"] = [dataclasses.replace(OFFICES["kanim-uji"], id="kontak", rel="data/offices/kontak.yml")]
    with pytest.raises(BuildError, match="data/offices/kontak.yml: id: 'kontak' is already the address of a leaflet"):
        run.check_addresses(model.editions(data.leaflets, LANGS, [], data.offices), data)


def test_a_variant_that_is_not_known_names_the_field(tmp_path):
    from tests.helpers import write

    data = SiteData(PROJECT, URL)
    path = write(
        tmp_path / "leaflets.yml",
        "leaflets:\n  - {id: x, layout: flow, paper: A5, pages: 1, page: kontak/index.md, variants: [towns],"
        " parts: {main: [{contacts: {ids: [NAT-01]}}]}}\n",
    )
    with pytest.raises(BuildError) as err:
        model.load_leaflets(path, ROOT, LANGS, "id", data.pages.paths, {c.id for c in data.contacts})
    assert err.value.field == "leaflets[0] (x).variants" and "regions, offices" in err.value.problem


# --- What goes on paper (composed HTML, no PDF) ---------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_generic_leaflet_has_a_box_for_the_local_offices_numbers(envs, lang):
    data = site_data()
    for edition in model.editions(data.leaflets, [lang], []):
        text = text_of(print_html(data, envs, edition))
        assert WRITE_IN[lang] in text, edition.slug
        assert 'id="jr-office"' not in print_html(data, envs, edition)


def test_an_office_edition_puts_the_office_first_with_only_what_may_be_printed(envs):
    data = site_data(*OFFICES)
    editions = {(e.slug, e.lang): e for e in model.editions(data.leaflets, LANGS, [], data.offices)}
    kontak = text_of(print_html(data, envs, editions[("kanim-uji/kontak", "id")]))
    assert WRITE_IN["id"] not in kontak
    office = kontak.index("Kantor setempat: Kantor Imigrasi Uji (FIXTURE")
    assert office < kontak.index("(021) 5550 1234") < kontak.index("0-800-1000")  # the office before the hotlines
    assert "Dipastikan oleh kantor ini (Kepala Seksi Uji (FIXTURE)) pada 30 November 2026." in kontak
    # Two sources confirm the BP3MI, one source only its WhatsApp number: that stays off paper.
    bp3mi = text_of(print_html(data, envs, editions[("bp3mi-uji/rujukan", "en")]))
    assert "+62 21 5550 9876" in bp3mi and "0812-0000-9999" not in bp3mi
    assert bp3mi.index("Your local office: Test BP3MI (FIXTURE)") < bp3mi.index("Danger right now")
    assert "Compared with its sources: November 30, 2026" in bp3mi


def test_the_meeting_pack_asks_only_what_is_needed(envs):
    data = site_data("kanim-uji")
    editions = {(e.slug, e.lang): e for e in model.editions(data.leaflets, LANGS, [], data.offices)}
    generic = text_of(print_html(data, envs, editions[("rapat-desa", "id")]))
    # The agenda comes from untuk-desa/rapat-desa.md, the rules under the form from the pages.
    for words in ("Pembukaan", "Kepala desa", "Tanya jawab", "Daftar hadir", "Catatan kasus", "Yang tidak dicatat"):
        assert words in generic, words
    sheet = generic[generic.index("Daftar hadir") : generic.index("Catatan kasus")]
    assert "Nama Dusun" in sheet and "Jangan minta NIK atau nomor HP" in sheet
    assert "grup WhatsApp" in generic  # keep names out of WhatsApp groups
    assert "chat.whatsapp.com" not in generic
    office_html = print_html(data, envs, editions[("kanim-uji/rapat-desa", "en")])
    office = text_of(office_html)
    assert "Kabupaten Ponorogo, Kabupaten Pacitan, Kabupaten Trenggalek" in office
    assert "Desa Binaan Imigrasi villages: Desa Uji Satu, Desa Uji Dua." in office
    assert "The office's WhatsApp group for village officers" in office
    # The address is printed whole (it may break only after its slashes).
    assert "https://chat.whatsapp.com/FIXTUREtestGROUP0001" in re.sub(r"<[^>]+>", "", office_html)


def test_the_cetak_list_shows_office_editions_by_province(envs):
    data = site_data(*OFFICES)

    def built(edition: model.Edition) -> model.Built:
        return model.Built(
            edition=edition,
            title=Composer(data, envs).title(edition),
            folder=Path("/nowhere"),
            pages=edition.leaflet.pages,
            bytes=30_000,
            size_mm=(210.0, 297.0),
            qr_url=URL,
            reviewed=OFFICES["kanim-uji"].checked,
            checked=None,
            seconds=0.0,
        )

    made = [built(e) for e in model.editions(data.leaflets, LANGS, [], data.offices)]
    ctx = MarkerContext(
        lang="en", rel="content/en/cetak/index.md", page="cetak/index.md", line=1, env=envs["en"], data=data
    )
    ctx.leaflets = made
    listed = render_leaflet_list({}, ctx)
    assert "\n## Editions for local offices\n" in listed
    central, east = (
        listed.index("\n### Central Sulawesi (Sulawesi Tengah)\n"),
        listed.index("\n### East Java (Jawa Timur)\n"),
    )
    assert listed.index("## Editions for local offices") < central < listed.index("#### Test BP3MI (FIXTURE)") < east
    assert listed.index("#### Test Immigration Office (FIXTURE, not a real office)") > east
    assert 'href="kanim-uji/rapat-desa/jalur-resmi-kanim-uji-rapat-desa-en.pdf"' in listed
    assert '<a href="kanim-uji/">This office\'s editions on one page, to share</a>' in listed  # its page
    assert "Test manpower office" not in listed  # one source only: no edition
    # Without offices there is no such section.
    ctx.leaflets = [b for b in made if b.edition.office is None]
    assert "Editions for local offices" not in render_leaflet_list({}, ctx)


# --- The PDFs of an office edition -------------------------------------------------------------------


@pytest.fixture(scope="module")
def office_built(tmp_path_factory, envs):
    work = tmp_path_factory.mktemp("kit")
    data = site_data("kanim-uji")
    built = run.build_leaflets(data, envs, work, only=["kontak", "rujukan", "rapat-desa"])
    return {(b.edition.slug, b.edition.lang): b for b in built}, work


def decode_qr(pdf_path: Path, page: int, tmp: Path) -> list[str]:
    stem = tmp / f"{pdf_path.stem}-{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "150",
            "-gray",
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf_path),
            str(stem),
        ],
        check=True,
    )
    out = subprocess.run(["zbarimg", "-q", "--raw", f"{stem}.png"], capture_output=True, text=True)
    return sorted(out.stdout.split())


@pytest.mark.pdf
def test_an_office_edition_is_made_in_both_languages_under_the_offices_folder(office_built):
    built, work = office_built
    for lang in LANGS:
        for leaflet, pages in (("kontak", 2), ("rujukan", 1), ("rapat-desa", 3)):
            b = built[(f"kanim-uji/{leaflet}", lang)]
            assert b.folder == work / "leaflets" / lang / "kanim-uji" / leaflet
            assert b.pdf.name == f"jalur-resmi-kanim-uji-{leaflet}-{lang}.pdf"
            assert b.pages == pages and b.bytes <= pdf.MAX_BYTES and b.pdf.stat().st_size <= 150 * 1024
            assert b.preview.is_file() and b.twin.is_file()
            assert b.checked is not None and b.checked <= OFFICES["kanim-uji"].checked
            generic = built[(leaflet, lang)]
            assert WRITE_IN[lang] in pdf_text(generic.pdf)
            assert WRITE_IN[lang] not in pdf_text(b.pdf)


@pytest.mark.pdf
def test_the_office_edition_pdfs_carry_the_office_first(office_built):
    built, _ = office_built
    kontak = pdf_text(built[("kanim-uji/kontak", "id")].pdf)
    assert kontak.index("Kantor Imigrasi Uji") < kontak.index("(021) 5550 1234") < kontak.index("0-800-1000")
    sheet = pdf_text(built[("kanim-uji/rujukan", "en")].pdf)
    assert sheet.index("Test Immigration Office") < sheet.index("Danger right now") < sheet.index("lapor.go.id")
    pack = built[("kanim-uji/rapat-desa", "id")].pdf
    cover, sign_in, case = (pdf_text(pack, n, n) for n in (1, 2, 3))
    assert "Kantor Imigrasi Uji" in cover and "Kabupaten Ponorogo" in cover and "Pembukaan" in cover
    assert "Grup WhatsApp kantor ini untuk perangkat desa" in cover
    assert "Daftar hadir" in sign_in and "NIK" in sign_in
    assert "Catatan kasus" in case and "Yang tidak dicatat" in case


@pytest.mark.pdf
def test_the_meeting_pack_cover_has_both_qr_codes(office_built, tmp_path):
    built, _ = office_built
    for lang in LANGS:
        pack = built[("kanim-uji/rapat-desa", lang)]
        assert decode_qr(pack.pdf, 1, tmp_path) == sorted(
            [f"{URL}{lang}/untuk-desa/rapat-desa/", "https://chat.whatsapp.com/FIXTUREtestGROUP0001"]
        )
        # The generic pack has only the code to the guide.
        assert decode_qr(built[("rapat-desa", lang)].pdf, 1, tmp_path) == [f"{URL}{lang}/untuk-desa/rapat-desa/"]


@pytest.mark.pdf
def test_the_office_editions_twins_link_back_up_the_tree(office_built):
    built, _ = office_built
    twin = built[("kanim-uji/rapat-desa", "en")].twin.read_text(encoding="utf-8")
    assert '<html lang="en">' in twin
    assert "<title>Village meeting pack: Test Immigration Office (FIXTURE, not a real office) – " in twin
    assert '<a href="../../../">' in twin and '<a href="../../">' in twin  # en/ and en/cetak/
    assert '<a href="../">Test Immigration Office (FIXTURE, not a real office)</a>' in twin  # the office's page
    assert 'href="jalur-resmi-kanim-uji-rapat-desa-en.pdf"' in twin
    assert 'hreflang="id" href="../../../../id/cetak/kanim-uji/rapat-desa/"' in twin
    assert "https://chat.whatsapp.com/FIXTUREtestGROUP0001" in twin


@pytest.mark.pdf
def test_each_office_has_a_page_of_its_editions_to_share(office_built):
    built, work = office_built
    for lang, other in (("id", "en"), ("en", "id")):
        page = work / "leaflets" / lang / "kanim-uji" / "index.html"
        html = page.read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in html
        assert OFFICES["kanim-uji"].name[lang] in html and "Kabupaten Pacitan" in html
        links = re.findall(r'href="([^"]+)"', html)
        for leaflet in ("kontak", "rujukan", "rapat-desa"):
            b = built[(f"kanim-uji/{leaflet}", lang)]
            assert f"{leaflet}/{b.pdf.name}" in links and f"{leaflet}/" in links
            assert f"{b.pages}" in text_of(html)
        # Every link to an edition leads to a file made; the other links go up the site's tree
        # (<lang>/cetak/<office-id>/ once published) and to the same page in the other language.
        up = {"../../", "../", f"../../../{other}/cetak/kanim-uji/"}
        for href in set(links) - up:
            target = page.parent / href
            assert (target / "index.html" if href.endswith("/") else target).is_file(), href
        assert up <= set(links)
        assert f'hreflang="{other}" href="../../../{other}/cetak/kanim-uji/"' in html


# --- The real site ------------------------------------------------------------------------------------


def test_the_real_site_lists_no_office_edition_and_every_generic_leaflet_has_the_box(real_site):
    assert not any(b.edition.office for b in real_site.leaflets)
    assert {b.edition.leaflet.id for b in real_site.leaflets} >= set(GENERIC)
    for b in real_site.leaflets:
        path = real_site.site_dir / b.edition.lang / LEAFLETS_DIR / b.edition.slug / b.edition.pdf_name
        assert WRITE_IN[b.edition.lang] in pdf_text(path), b.edition.pdf_name
    page = (real_site.site_dir / "id/untuk-desa/eskalasi/index.html").read_text(encoding="utf-8")
    assert "lapor.go.id" in page  # SP4N-LAPOR! from data/contacts.yml, through its marker


@pytest.mark.pdf
def test_changing_one_office_reprints_only_that_offices_pdfs(tmp_path, envs):
    import dataclasses

    cache = tmp_path / "cache"
    first = site_data("kanim-uji", "bp3mi-uji")
    made = run.build_leaflets(first, envs, tmp_path / "one", cache, only=["rujukan"])
    assert len(made) == 6 and all(b.seconds > 0 for b in made)
    changed = site_data("kanim-uji", "bp3mi-uji")
    office = changed.offices[1]
    changed.__dict__["offices"] = [
        changed.offices[0],
        dataclasses.replace(office, name={k: f"{v} (berubah)" for k, v in office.name.items()}),
    ]
    again = run.build_leaflets(changed, envs, tmp_path / "two", cache, only=["rujukan"])
    reprinted = sorted((b.edition.slug, b.edition.lang) for b in again if b.seconds > 0)
    assert reprinted == [("bp3mi-uji/rujukan", "en"), ("bp3mi-uji/rujukan", "id")]


@pytest.mark.pdf
def test_an_office_edition_takes_at_most_its_budget_cold(tmp_path):
    # The benchmark's own measurement (make bench prints it for 1, 10 and 100 offices), on 4 offices.
    from jalur.devtools import office_bench

    # The budget is checked on the processor time, shared over the build's two worker processes: on
    # a machine with nothing else running that is the wall time (make bench prints both), and it does
    # not grow when the suite's browser and servers share the machine. Each measured twice, the
    # faster kept.
    office_bench.build_editions(tmp_path / "none", tmp_path / "warm", None)  # WeasyPrint warmed up
    ids = office_bench.write_fixture_offices(tmp_path / "offices", 4)
    baseline, run = (
        min(
            (office_bench.build_editions(tmp_path / folder, tmp_path / f"w-{folder}-{i}", None) for i in (1, 2)),
            key=lambda r: r.cpu_seconds,
        )
        for folder in ("none", "offices")
    )
    assert run.offices == 4 and len(baseline.printed) == 6
    assert {p.split("/")[0] for p in run.printed if "/" in p} == set(ids)
    assert len(run.printed) == 6 * 5  # 3 leaflets x 2 languages, generic and for each office
    assert office_bench.per_office_on_cores(run, baseline) <= office_bench.BUDGET_SECONDS
    # And the workers do run side by side: the wall time stays near the processor time per core.
    assert office_bench.per_office(run, baseline) <= 2 * office_bench.BUDGET_SECONDS
