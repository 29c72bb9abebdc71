"""The leaflets in the real site: every PDF in both languages with its designed pages and paper, the
contacts it should carry and no other number, its QR code, its fonts and its size; the cetak/ list;
the HTML twins; and the print view of every page (its QR code). Reads PDFs with poppler-utils and QR
codes with zbarimg (zbar-tools), both in scripts/apt-packages.txt."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
from babel.dates import format_date

from jalur.core.project import ROOT
from jalur.core.urls import LEAFLETS_DIR, page_url
from jalur.models.contacts import CALLABLE_TYPES, load_contacts
from tests.test_browser import VIEWPORT
from tests.test_contacts_site import PHONE_LIKE, digits, spellings

LANGS = ["id", "en"]
CONTACTS = {c.id: c for c in load_contacts(ROOT / "data/contacts.yml", ROOT, LANGS)}
PRINT_CHANNELS = [ch for c in CONTACTS.values() for ch in c.channels_for("print")]
PRINT_DIGITS = {d for ch in PRINT_CHANNELS if ch.type in CALLABLE_TYPES for d in spellings(ch)}
# Numbers the website may show but paper may not (one source only), and numbers never shown at all.
NOT_ON_PAPER = {
    ch.value
    for c in CONTACTS.values()
    for ch in c.channels
    if ch not in c.channels_for("print")
    and ch.type in CALLABLE_TYPES + ("email",)
    and (ch.type == "email" or len(digits(ch.value)) >= 5)
    and digits(ch.value) not in PRINT_DIGITS
}
PAPER_PTS = {"A4": (595.28, 841.89), "A5": (419.53, 595.28), "A6": (297.64, 419.53)}


def tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        message = f"{name} not found (Debian: see scripts/apt-packages.txt)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def pdf_text(path: Path) -> str:
    """The PDF's text on one line: words joined by single spaces, numbers broken after a hyphen mended."""
    text = run(tool("pdftotext"), "-enc", "UTF-8", str(path), "-")
    return " ".join(re.sub(r"-\n", "-", text).split())


def site_pdf(site, b) -> Path:
    return site.site_dir / b.edition.lang / LEAFLETS_DIR / b.edition.slug / b.edition.pdf_name


@pytest.fixture(scope="module")
def built(real_site):
    assert real_site.leaflets, "the build made no leaflet"
    return real_site.leaflets


def test_every_leaflet_is_in_both_languages_with_its_designed_pages_paper_and_size(real_site, built):
    slugs = {b.edition.slug for b in built}
    assert {"cek-perekrut", "kenali-tanda", "kontak", "langkah-resmi"} <= slugs
    assert sorted((b.edition.slug, b.edition.lang) for b in built) == sorted(
        (slug, lang) for slug in slugs for lang in LANGS
    )
    for b in built:
        path = site_pdf(real_site, b)
        leaflet = b.edition.leaflet
        info = run(tool("pdfinfo"), "-f", "1", "-l", "99", str(path))
        assert f"Pages:           {leaflet.pages}\n" in info, path
        sizes = re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+) pts", info)
        width, height = PAPER_PTS[leaflet.paper]
        expected = (height, width) if leaflet.landscape else (width, height)
        assert len(sizes) == leaflet.pages
        for w, h in sizes:
            assert abs(float(w) - expected[0]) < 1 and abs(float(h) - expected[1]) < 1, (path, w, h)
        assert path.stat().st_size <= 150 * 1024, path
        assert "Tagged:          yes" in info  # structure for screen readers


def test_fonts_are_embedded_from_dejavu(real_site, built):
    for b in built:
        rows = run(tool("pdffonts"), str(site_pdf(real_site, b))).splitlines()[2:]
        assert rows, b.edition.pdf_name
        for row in rows:
            name, emb = row.split()[0], row.split()[-5]
            assert "DejaVu-Sans" in name and emb == "yes", (b.edition.pdf_name, row)


def test_no_text_is_smaller_than_9_pt(real_site, built):
    for b in built:
        xml = run(tool("pdftotext"), "-bbox", str(site_pdf(real_site, b)), "-")
        boxes = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', xml)
        heights = [float(y2) - float(y1) for y1, y2 in boxes]
        # DejaVu Sans: a word's box is 1.164 em high.
        assert min(heights) / 1.164 >= 8.95, (b.edition.pdf_name, min(heights))


def test_each_leaflet_carries_its_contacts_and_no_number_that_is_not_confirmed(real_site, built):
    for b in built:
        text = pdf_text(site_pdf(real_site, b))
        solid = re.sub(r"\s", "", text)  # a long address may wrap anywhere
        assert b.contacts, b.edition.pdf_name
        for cid in b.contacts:
            contact = CONTACTS[cid]
            assert contact.confidence == "confirmed", cid
            for channel in contact.channels_for("print"):
                assert re.sub(r"\s", "", channel.value) in solid, (b.edition.pdf_name, cid, channel.value)
        unknown = [m for m in PHONE_LIKE.findall(text) if digits(m) not in PRINT_DIGITS]
        assert unknown == [], b.edition.pdf_name
        assert [v for v in NOT_ON_PAPER if re.sub(r"\s", "", v) in solid] == [], b.edition.pdf_name
    # The ones a reader most needs, by leaflet.
    must = {
        "kontak": ["NAT-01", "NAT-04", "NAT-07", "NAT-08"],
        "kenali-tanda": ["NAT-04", "NAT-08"],
        "cek-perekrut": ["NAT-01", "NAT-04", "NAT-08"],
        "langkah-resmi": ["NAT-01", "NAT-04"],
    }
    for b in built:
        assert set(must.get(b.edition.leaflet.id, [])) <= set(b.contacts), b.edition.pdf_name


def test_each_footer_gives_the_reviewed_and_checked_dates_in_its_language(real_site, built):
    labels = {"id": ("Ditinjau", "Sumber kontak dicocokkan"), "en": ("Reviewed", "Contact sources compared")}
    for b in built:
        text = pdf_text(site_pdf(real_site, b))
        reviewed, checked = labels[b.edition.lang]
        assert f"{reviewed}: {format_date(b.reviewed, 'long', locale=b.edition.lang)}" in text
        assert b.checked == min(CONTACTS[cid].checked for cid in b.contacts)
        assert f"{checked}: {format_date(b.checked, 'long', locale=b.edition.lang)}" in text


def test_the_contacts_a_leaflet_records_are_exactly_the_ones_it_prints(real_site, built):
    """The "contacts checked" date is taken from b.contacts: no number of any other contact may be on
    the page, or its date could be missing from the footer."""
    for b in built:
        text = pdf_text(site_pdf(real_site, b))
        printed = {ch.value for cid in b.contacts for ch in CONTACTS[cid].channels_for("print")}
        for contact in CONTACTS.values():
            if contact.id in b.contacts:
                continue
            for channel in contact.channels_for("print"):
                if channel.type in CALLABLE_TYPES and channel.value not in printed:
                    pattern = rf"(?<![\d-]){re.escape(channel.value)}(?![\d-])"
                    assert not re.search(pattern, text), (b.edition.pdf_name, contact.id, channel.value)


def decode_qr(png: Path) -> list[str]:
    result = subprocess.run([tool("zbarimg"), "-q", "--raw", str(png)], capture_output=True, text=True)
    return result.stdout.split()


def test_no_leaflet_sends_the_reader_to_a_page_by_name(real_site, built):
    """A cross-reference paper cannot follow ("Lihat Biaya.", "Caranya ada di Di luar negeri.") is left out."""
    link_texts = {
        lang: {
            m.group(1)
            for path in (ROOT / "content" / lang).rglob("*.md")
            for m in re.finditer(r"\[([^\]]+)\]\((?![a-z]+:)[^)]+\)", path.read_text(encoding="utf-8"))
        }
        for lang in LANGS
    }
    assert "Biaya" in link_texts["id"] and "Costs" in link_texts["en"]
    for b in built:
        text = pdf_text(site_pdf(real_site, b))
        for name in link_texts[b.edition.lang]:
            pointer = rf"(?:Lihat|Baca|See|Read|ada di|is on|are on|:)\s+{re.escape(name)}\."
            assert not re.search(pointer, text), (b.edition.pdf_name, name)


def test_each_qr_code_opens_the_matching_page(real_site, built, tmp_path):
    for b in built:
        expected = f"{real_site.site_url}{b.edition.lang}/{page_url(b.edition.page)}"
        assert b.qr_url == expected
        stem = tmp_path / b.edition.slug
        run(
            tool("pdftoppm"),
            "-r",
            "150",
            "-gray",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(site_pdf(real_site, b)),
            str(stem),
        )
        assert decode_qr(stem.with_suffix(".png")) == [expected], b.edition.pdf_name
        assert expected in re.sub(r"\s", "", pdf_text(site_pdf(real_site, b)))  # the address is printed too


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_the_cetak_page_lists_every_leaflet_with_preview_language_paper_size_and_twin(real_site, built):
    names = {"id": "Bahasa Indonesia", "en": "English"}
    for lang in LANGS:
        page = real_site.site_dir / lang / "cetak" / "index.html"
        html = page.read_text(encoding="utf-8")
        parser = Links()
        parser.feed(html)
        hrefs = {(page.parent / a["href"]).resolve() for t, a in parser.tags if t == "a" and "href" in a}
        images = {(page.parent / a["src"]).resolve(): a for t, a in parser.tags if t == "img"}
        for b in built:
            pdf = site_pdf(real_site, b).resolve()
            twin = pdf.parent / "index.html"
            assert pdf in hrefs and pdf.parent in hrefs, (lang, b.edition.pdf_name)
            assert twin.is_file()
            preview = (pdf.parent / "preview.png").resolve()
            assert preview in images and preview.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
            assert images[preview]["loading"] == "lazy" and images[preview]["width"] == "120"
            assert f"{max(1, round(b.bytes / 1024))} KB" in html
            assert b.bytes == pdf.stat().st_size
        for code, name in names.items():
            assert f'<strong lang="{code}">{name}</strong>' in html
        assert ("Kertas: A4 melintang" if lang == "id" else "Paper: A4 landscape") in html


def test_the_html_twins_are_accessible_pages_with_the_same_content(real_site, built, browser):
    axe = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    # bypass_csp: axe-core is injected by the test; the site's own policy (rightly) refuses it.
    ctx = browser.new_context(viewport=VIEWPORT, bypass_csp=True)
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for b in built:
        url = f"{real_site.base}{b.edition.lang}/{LEAFLETS_DIR}/{b.edition.slug}/"
        response = page.goto(url)
        assert response.status == 200
        assert page.get_attribute("html", "lang") == b.edition.lang
        assert page.locator("h1").all_inner_texts() == [b.title]
        assert page.locator("main").count() == 1
        twin_text = " ".join(page.locator("main").inner_text().split())
        for cid in b.contacts:
            for channel in CONTACTS[cid].channels_for("print"):
                assert channel.value in twin_text, (url, channel.value)
        pdf_href = page.get_attribute("a[href$='.pdf']", "href")
        assert page.request.get(urljoin(url, pdf_href)).status == 200
        if axe.is_file():
            page.add_script_tag(path=str(axe))
            result = page.evaluate(
                "() => axe.run(document, {runOnly: {type: 'tag', values: "
                "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
            )
            assert [v["id"] for v in result["violations"]] == [], url
        elif os.environ.get("CI"):
            pytest.fail("axe-core not installed (make test runs `npm ci`)")
    ctx.close()
    assert errors == []


# --- Every page on paper ------------------------------------------------------------------------------

QR_BLOCK = re.compile(
    r'<div class="jr-print-qr" hidden aria-hidden="true" data-url="([^"]+)">'
    r"<svg [^>]*>.*?</svg></div>",
    re.S,
)


def test_every_page_carries_a_small_hidden_qr_code_for_print(real_site):
    for lang in LANGS:
        for staged in real_site.pages[lang]:
            html = (real_site.site_dir / lang / staged.url / "index.html").read_text(encoding="utf-8")
            blocks = QR_BLOCK.findall(html)
            assert blocks == [f"{real_site.site_url}{lang}/{staged.url}"], (lang, staged.url)
    # What it costs a reader who never prints: measured on the first-visit budget page.
    html = (real_site.site_dir / "id/berangkat-resmi/biaya/index.html").read_text(encoding="utf-8")
    without = QR_BLOCK.sub("", html)
    cost = len(gzip.compress(html.encode(), 9)) - len(gzip.compress(without.encode(), 9))
    assert 0 < cost <= 600, cost


def test_printing_a_page_shows_its_qr_code_and_no_site_chrome(real_site, browser, tmp_path):
    ctx = browser.new_context(viewport={"width": 1000, "height": 1400})
    page = ctx.new_page()
    url = f"{real_site.base}id/berangkat-resmi/biaya/"
    page.goto(url)
    qr = page.locator(".jr-print-qr")
    assert not qr.is_visible()
    page.emulate_media(media="print")
    assert qr.is_visible()
    assert not page.locator(".md-header").is_visible() and not page.locator(".md-sidebar--primary").is_visible()
    after = page.evaluate("getComputedStyle(document.querySelector('.jr-print-qr'), '::after').content")
    assert after == f'"{url}"'
    qr.screenshot(path=str(tmp_path / "qr.png"))
    assert decode_qr(tmp_path / "qr.png") == [url]
    source_link = page.locator(".jr-sources a").first
    after_link = page.evaluate("a => getComputedStyle(a, '::after').content", source_link.element_handle())
    assert after_link.startswith('" (http')
    page.pdf(path=str(tmp_path / "page.pdf"), prefer_css_page_size=True)
    assert "(A4)" in run(tool("pdfinfo"), str(tmp_path / "page.pdf"))
    ctx.close()


def test_the_printed_checklist_marks_every_danger_answer_in_black_and_white(real_site):
    """Without reading the rule: each STOP answer carries a white-on-black mark, each WARNING a boxed one."""
    from jalur.models.checklist import load_checklist

    checklist = load_checklist(ROOT / "data/checklist.yml", ROOT, LANGS)
    expected = {
        sev: sum(1 for q in checklist.questions for s in q.answers.values() if s == sev) for sev in ("stop", "warning")
    }
    assert expected["stop"] > 0 and expected["warning"] > 0
    for lang in LANGS:
        twin = (real_site.site_dir / lang / LEAFLETS_DIR / "cek-perekrut" / "index.html").read_text(encoding="utf-8")
        for sev, count in expected.items():
            assert twin.count(f'class="jr-answer jr-answer--{sev}"') == count, (lang, sev)
            assert twin.count(f'class="jr-mark jr-mark--{sev}"') == count, (lang, sev)
    css = (ROOT / "templates/leaflets/print.css").read_text(encoding="utf-8")
    assert ".jr-mark--stop { background: #000; color: #fff; }" in css


def test_the_trifold_does_not_repeat_step_13_as_a_heading(real_site, built):
    headings = {"id": "13. Berangkat lewat pintu resmi", "en": "13. Leave through an official checkpoint"}
    for b in built:
        if b.edition.slug == "langkah-resmi":
            text = pdf_text(site_pdf(real_site, b))
            assert headings[b.edition.lang] not in text, b.edition.pdf_name
            assert re.search(r"\b13\. ", text), b.edition.pdf_name  # the step itself is still there


def test_the_contacts_leaflet_groups_every_national_line_emergency_first(real_site, built):
    from jalur.models.contact_choice import contacts_shown

    headings = {
        "id": ["Dalam keadaan darurat", "Di Indonesia", "Dari luar negeri"],
        "en": ["In an emergency", "In Indonesia", "From abroad"],
    }
    for b in built:
        if b.edition.slug != "kontak":
            continue
        text = pdf_text(site_pdf(real_site, b))
        places = [text.find(h) for h in headings[b.edition.lang]]
        assert all(p >= 0 for p in places) and places == sorted(places), (b.edition.pdf_name, places)
        national = contacts_shown(list(CONTACTS.values()), "print", b.edition.lang, kind="national", with_channels=True)
        assert set(national.ids) <= set(b.contacts), b.edition.pdf_name  # nothing left out by the grouping
        police = CONTACTS["NAT-08"].numbers_for("print")[0].value
        assert places[0] < text.find(police) < places[1]  # the emergency number under its heading
