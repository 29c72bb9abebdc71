"""The real site's contacts: every phone link valid and published, no phone-like string in any page
that is not a published contact, and the downloads (vCard, JSON, CSV) equal to data/contacts.yml."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import phonenumbers
import pytest
import vobject

from jalur.core.project import ROOT
from jalur.core.urls import CONTACT_DOWNLOADS as DOWNLOADS
from jalur.core.urls import CONTACT_DOWNLOADS_DIR as DOWNLOAD_DIR
from jalur.models.contacts import CALLABLE_TYPES, DIALLED_TYPES, load_contacts

LANGS = ["id", "en"]
CONTACTS = load_contacts(ROOT / "data/contacts.yml", ROOT, LANGS)
WEB_CHANNELS = [ch for c in CONTACTS for ch in c.channels_for("web")]
HIDDEN_CHANNELS = [ch for c in CONTACTS for ch in c.channels if ch not in c.channels_for("web")]
# The publication rule, stated here on its own (not through the code under test): what the website
# may show, entry and channel; and the national hotlines a phone's address book gets (paper rule).
ON_WEB = ("confirmed", "single-source")
WEB_ENTRIES = [c for c in CONTACTS if c.confidence in ON_WEB]


def web_channels(contact):
    return [ch for ch in contact.channels if ch.confidence in ON_WEB]


VCARD_ENTRIES = [
    c
    for c in CONTACTS
    if c.kind == "national"
    and c.scope in ("national", "worldwide")
    and c.confidence == "confirmed"
    and any(ch.confidence == "confirmed" and ch.type in CALLABLE_TYPES for ch in c.channels)
]

# Phone-like strings in a page's text: international numbers, Indonesian numbers written with a leading
# 0 and separators ("0811-8080-141", "(021) 29681560", "0-800-1000", "021-129") or as a long run of
# digits ("08117892601"). Times ("08.00-16.00") and ISO dates do not match.
PHONE_LIKE = re.compile(
    r"""
      \+\d[\d ().-]{5,}\d                      # +62 812 9007 0027, +962-7-7915-0407, +60 17-668 8032
    | \(0\d{1,4}\)\s?\d[\d -]{3,}\d            # (021) 29681560
    | (?<![\d.,/])0\d{0,4}[ -]\d[\d -]{1,}\d   # 0811-8080-141, 0-800-1000, 021-129, 02 2224 9000
    | (?<![\d.,/])0\d{8,}(?![\d])              # 08117892601
""",
    re.X,
)


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def spellings(channel) -> set[str]:
    """The digit strings under which a published number may appear in a page."""
    out = {digits(channel.value)}
    if channel.e164:
        number = phonenumbers.parse(channel.e164)
        out |= {digits(channel.e164), "0" + str(number.national_number)}
    return out


ALLOWED_DIGITS = {d for ch in WEB_CHANNELS if ch.type in CALLABLE_TYPES for d in spellings(ch)}


class PageText(HTMLParser):
    """The text a reader sees (and attribute text such as title=), and the phone links; not the
    addresses of ordinary links, scripts or styles, which may hold long digit runs."""

    SKIP = {"script", "style"}
    TEXT_ATTRS = {"title", "alt", "aria-label", "content", "placeholder", "value"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.links: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skip += 1
        for name, value in attrs:
            if value is None:
                continue
            if name == "href" and value.startswith(("tel:", "sms:", "https://wa.me/")):
                self.links.append(value)
            elif name in self.TEXT_ATTRS:
                self.text.append(value)

    def handle_endtag(self, tag):
        if tag in self.SKIP and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def parse(html: str) -> PageText:
    parser = PageText()
    parser.feed(html)
    return parser


def unknown_numbers(html: str) -> list[str]:
    """Phone-like strings in the page's text that are not a published contact's number."""
    return [m for chunk in parse(html).text for m in PHONE_LIKE.findall(chunk) if digits(m) not in ALLOWED_DIGITS]


def bad_links(html: str) -> list[str]:
    """tel:, sms: and wa.me links that are malformed or not a published channel."""
    published = {ch.href for ch in WEB_CHANNELS if ch.href}
    bad = []
    for link in parse(html).links:
        if link.startswith("https://wa.me/?"):
            # A share link (WhatsApp picks the recipient): no number, and none in the shared text.
            shared = " ".join(v for values in parse_qs(urlsplit(link).query).values() for v in values)
            if PHONE_LIKE.search(shared):
                bad.append(link)
            continue
        if link.startswith("https://wa.me/"):
            number = "+" + link.removeprefix("https://wa.me/")
            ok = re.fullmatch(r"\+\d+", number) and phonenumbers.is_valid_number(phonenumbers.parse(number))
        else:
            target = link.split(":", 1)[1]
            if target.startswith("+"):
                parsed = phonenumbers.parse(target)
                ok = (
                    phonenumbers.is_valid_number(parsed)
                    and phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == target
                )
            else:  # a short code or toll-free number, digits only, declared as such
                ok = re.fullmatch(r"\d{3,12}", target) and any(
                    ch.type in DIALLED_TYPES + ("sms",) and ch.dialled == target for ch in WEB_CHANNELS
                )
        if not ok or link not in published:
            bad.append(link)
    return bad


def built_pages(site) -> list[Path]:
    return sorted(p for lang in LANGS for p in (site.site_dir / lang).rglob("*.html"))


# --- The checks themselves are checked ----------------------------------------------------------


def test_the_scanner_finds_unpublished_numbers_and_ignores_source_addresses():
    sample = (
        '<p>Hubungi <a href="tel:+6281290070027">+62 812 9007 0027</a> atau 0811-3595-000.</p>'
        '<p>Jam 08.00-16.00 WIB, 2026-11-22. <a href="https://example.com/berita/20210305/19/1364133">'
        '[1]</a> Telepon (021) 3925230 <span title="+82-10-9876-5432">x</span></p>'
        '<a href="tel:110">110</a> <a href="tel:+628113595000">x</a> <a href="https://wa.me/62811">y</a>'
        '<a href="https://wa.me/?text=Cek%20dulu%3A%20https%3A%2F%2Fjalur-resmi.example%2F">share</a>'
        '<a href="https://wa.me/?text=Hubungi%200811-3595-000">share</a>'
    )
    assert unknown_numbers(sample) == ["0811-3595-000", "(021) 3925230", "+82-10-9876-5432"]
    assert bad_links(sample) == [
        "tel:+628113595000",
        "https://wa.me/62811",
        "https://wa.me/?text=Hubungi%200811-3595-000",
    ]


def test_the_scanner_would_catch_every_hidden_number_of_the_data():
    hidden = [
        ch.value
        for ch in HIDDEN_CHANNELS
        if ch.type in CALLABLE_TYPES and len(digits(ch.value)) >= 7 and digits(ch.value) not in ALLOWED_DIGITS
    ]
    assert len(hidden) > 20
    assert [value for value in hidden if not PHONE_LIKE.search(value)] == []


# --- The built site ------------------------------------------------------------------------------


def test_every_phone_link_is_valid_and_published(real_site):
    problems = {
        str(p.relative_to(real_site.site_dir)): bad_links(p.read_text(encoding="utf-8")) for p in built_pages(real_site)
    }
    assert {k: v for k, v in problems.items() if v} == {}


def test_every_phone_like_string_belongs_to_a_published_contact(real_site):
    problems = {
        str(p.relative_to(real_site.site_dir)): unknown_numbers(p.read_text(encoding="utf-8"))
        for p in built_pages(real_site)
    }
    assert {k: v for k, v in problems.items() if v} == {}


def test_no_hidden_number_appears_in_any_page_or_download(real_site):
    needles = {
        ch.value
        for ch in HIDDEN_CHANNELS
        if ch.type in CALLABLE_TYPES + ("email",)
        and digits(ch.value) not in ALLOWED_DIGITS
        and (ch.type == "email" or len(digits(ch.value)) > 6)
    }
    needles |= {ch.e164 for ch in HIDDEN_CHANNELS if ch.e164 and digits(ch.e164) not in ALLOWED_DIGITS}
    files = built_pages(real_site) + [
        real_site.site_dir / lang / DOWNLOAD_DIR / name for lang in LANGS for name in DOWNLOADS.values()
    ]
    for path in files:
        text = path.read_text(encoding="utf-8")
        found = [n for n in needles if n in text]
        assert not found, (path, found)


def test_every_published_channel_is_on_a_contacts_page(real_site):
    for lang in LANGS:
        pages = [
            parse((real_site.site_dir / lang / "kontak" / name / "index.html").read_text(encoding="utf-8"))
            for name in ("nasional", "perwakilan", "daerah")
        ]
        text = " ".join(chunk for page in pages for chunk in page.text)
        links = {link for page in pages for link in page.links}
        for channel in WEB_CHANNELS:
            assert channel.value in text, (lang, channel.value)
            if channel.type in CALLABLE_TYPES:
                assert channel.href in links, (lang, channel.href)


def test_the_kontak_pages_exist_in_both_languages_with_their_downloads(real_site):
    for lang in LANGS:
        html = (real_site.site_dir / lang / "kontak" / "index.html").read_text(encoding="utf-8")
        for _key, name in DOWNLOADS.items():
            assert f'href="unduh/{name}"' in html
            assert (real_site.site_dir / lang / DOWNLOAD_DIR / name).is_file()
    for lang, title in (("en", "Help contacts"), ("id", "Kontak bantuan")):
        html = (real_site.site_dir / lang / "kontak/index.html").read_text(encoding="utf-8")
        assert re.search(rf"<h1[^>]*>{title}<", html), lang


# --- Downloads ---------------------------------------------------------------------------------


def read_download(site, lang: str, key: str) -> str:
    """The file's text exactly as written (CRLF line ends kept)."""
    return (site.site_dir / lang / DOWNLOAD_DIR / DOWNLOADS[key]).read_bytes().decode("utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_vcard_parses_and_holds_exactly_the_published_national_numbers(real_site, lang):
    text = read_download(real_site, lang, "vcard")
    cards = list(vobject.readComponents(text))
    assert [card.fn.value for card in cards] == [c.name[lang] for c in VCARD_ENTRIES]
    got = sorted(tel.value for card in cards for tel in card.contents.get("tel", []))
    # National hotlines, on the paper rule: confirmed entries and confirmed channels only.
    want = sorted(
        ch.dialled
        for c in VCARD_ENTRIES
        for ch in c.channels
        if ch.confidence == "confirmed" and ch.type in CALLABLE_TYPES
    )
    assert got == want and len(got) >= 10
    assert "+6281290070027" in got and "08001000" in got and "110" in got
    for card in cards:
        assert card.version.value == "3.0"
        for tel in card.contents.get("tel", []):
            if tel.value.startswith("+"):
                assert phonenumbers.is_valid_number(phonenumbers.parse(tel.value))
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))


def test_json_matches_the_data(real_site):
    for lang in LANGS:
        data = json.loads(read_download(real_site, lang, "json"))
        assert [c["id"] for c in data["contacts"]] == [c.id for c in WEB_ENTRIES]
        assert len(WEB_ENTRIES) >= 20
        for record, contact in zip(data["contacts"], WEB_ENTRIES, strict=True):
            assert record["name"] == contact.name and record["purpose"] == contact.purpose
            assert record["hours"] == contact.hours
            assert record["confidence"] == contact.confidence
            assert record["checked"] == contact.checked.isoformat()
            assert record["region"]["countries"] == list(contact.countries)
            assert record["region"]["province"] == contact.province
            assert record["sources"] == [{"url": s.url, "date": s.date} for s in contact.sources]
            assert [(c["type"], c["value"], c["e164"], c["link"], c["confidence"]) for c in record["channels"]] == [
                (ch.type, ch.value, ch.e164, ch.href, ch.confidence) for ch in web_channels(contact)
            ]
            assert "notes" not in record


def test_csv_matches_the_data(real_site):
    for lang in LANGS:
        rows = list(csv.DictReader(io.StringIO(read_download(real_site, lang, "csv"), newline="")))
        expected = []
        for contact in WEB_ENTRIES:
            for ch in web_channels(contact) or [None]:
                expected.append(
                    (
                        contact.id,
                        contact.name["id"],
                        contact.name["en"],
                        contact.confidence,
                        contact.checked.isoformat(),
                        " ".join(contact.countries),
                        contact.province or "",
                        ch.type if ch else "",
                        ch.value if ch else "",
                        (ch.e164 or "") if ch else "",
                        (ch.href or "") if ch else "",
                        ch.confidence if ch else "",
                        " ".join(s.url for s in ch.sources) if ch else "",
                    )
                )
        got = [
            (
                r["id"],
                r["name_id"],
                r["name_en"],
                r["confidence"],
                r["checked"],
                r["countries"],
                r["province"],
                r["channel_type"],
                r["channel_value"],
                r["channel_e164"],
                r["channel_link"],
                r["channel_confidence"],
                r["channel_sources"],
            )
            for r in rows
        ]
        assert got == expected
