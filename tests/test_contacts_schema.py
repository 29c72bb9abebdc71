"""data/contacts.yml: bad input stops the build with one line naming the file and the field; the
freshness check (command and build warning)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from jalur.build import build
from jalur.core.errors import BuildError
from jalur.devtools import contacts_check as contacts_freshness
from jalur.models.contact_freshness import months_before, stale, stale_warnings
from jalur.models.contacts import load_contacts
from tests.helpers import make_project, tree_digest, write

LANGS = ["id", "en"]


def entry(**changes) -> dict:
    """One valid contact (numbers copied from data/contacts.yml), with `changes` applied."""
    item = {
        "id": "NAT-04",
        "kind": "national",
        "name": {"id": "Hotline uji", "en": "Test hotline"},
        "purpose": {"id": "Bantuan.", "en": "Help."},
        "region": {"scope": "worldwide"},
        "channels": [
            {
                "type": "phone",
                "value": "+62 812 9007 0027",
                "e164": "+6281290070027",
                "confidence": "confirmed",
                "sources": [{"url": "https://example.go.id/a", "date": "2024-08-04"}],
            }
        ],
        "sources": [{"url": "https://example.go.id/a", "date": "2024-08-04"}],
        "checked": dt.date(2026, 11, 22),
        "confidence": "confirmed",
    }
    item.update(changes)
    return item


def channel(**changes) -> dict:
    item = {
        "type": "phone",
        "value": "+62 812 9007 0027",
        "e164": "+6281290070027",
        "confidence": "confirmed",
        "sources": [{"url": "https://example.go.id/a", "date": "2024-08-04"}],
    }
    item.update(changes)
    return item


def load(tmp_path: Path, *items: dict):
    path = tmp_path / "data" / "contacts.yml"
    write(path, yaml.safe_dump({"contacts": list(items)}, allow_unicode=True, sort_keys=False))
    return load_contacts(path, tmp_path, LANGS)


def test_a_valid_entry_loads(tmp_path):
    [contact] = load(tmp_path, entry())
    assert contact.channels[0].e164 == "+6281290070027"
    assert contact.channels[0].href == "tel:+6281290070027"


CASES = {
    # numbers
    "invalid E.164 number": (
        dict(channels=[channel(value="+62 812", e164="+62812")]),
        "contacts[0] (NAT-04).channels[0].e164",
        "not a valid phone number",
    ),
    "E.164 not in E.164 form": (
        dict(channels=[channel(e164="+62 812 9007 0027")]),
        "contacts[0] (NAT-04).channels[0].e164",
        "not in E.164 form",
    ),
    "published value is another number than its E.164": (
        dict(channels=[channel(value="+62 812 9007 0028")]),
        "contacts[0] (NAT-04).channels[0].value",
        "is not the same number as e164",
    ),
    "published phone without E.164": (
        dict(channels=[channel(e164=None)]),
        "contacts[0] (NAT-04).channels[0].e164",
        "E.164 number",
    ),
    "WhatsApp number without E.164": (
        dict(channels=[channel(type="whatsapp", value="0811-8080-141", e164=None)]),
        "contacts[0] (NAT-04).channels[0].e164",
        "E.164 number",
    ),
    "short code declared as a phone": (
        dict(channels=[channel(value="110", e164=None)]),
        "contacts[0] (NAT-04).channels[0].type",
        "looks like a short code",
    ),
    "full number declared as a short code": (
        dict(channels=[channel(type="shortcode", value="0811-8080-141", e164=None)]),
        "contacts[0] (NAT-04).channels[0].value",
        "is not a short code",
    ),
    "short code with an E.164": (
        dict(channels=[channel(type="shortcode", value="129", e164="+62129")]),
        "contacts[0] (NAT-04).channels[0].e164",
        "has no E.164 number",
    ),
    "toll-free number that is not 0800": (
        dict(channels=[channel(type="tollfree", value="0-811-1000", e164=None)]),
        "contacts[0] (NAT-04).channels[0].value",
        "not an Indonesian toll-free number",
    ),
    "unknown channel type": (
        dict(channels=[channel(type="fax")]),
        "contacts[0] (NAT-04).channels[0].type",
        "must be one of",
    ),
    "bad email address": (
        dict(channels=[channel(type="email", value="pwni.bhi at kemlu", e164=None)]),
        "contacts[0] (NAT-04).channels[0].value",
        "not an email address",
    ),
    # regions
    "unknown country code": (
        dict(kind="mission", region={"scope": "country", "country": "XX"}),
        "contacts[0] (NAT-04).region.country",
        "unknown country code 'XX'",
    ),
    "a CLDR pseudo-territory is no country": (
        dict(kind="mission", region={"scope": "country", "country": ["HK", "ZZ"]}),
        "contacts[0] (NAT-04).region.country",
        "unknown country code 'ZZ'",
    ),
    "country scope without a country": (
        dict(kind="mission", region={"scope": "country"}),
        "contacts[0] (NAT-04).region.country",
        "is required",
    ),
    "unknown province": (
        dict(kind="regional", region={"scope": "province", "province": "Jawa Utara"}),
        "contacts[0] (NAT-04).region.province",
        "unknown province 'Jawa Utara'",
    ),
    "regency without its name": (
        dict(kind="regional", region={"scope": "regency", "province": "Jawa Timur"}),
        "contacts[0] (NAT-04).region.regency",
        "missing",
    ),
    "unknown scope": (dict(region={"scope": "city"}), "contacts[0] (NAT-04).region.scope", "must be one of"),
    "a mission must serve a country": (
        dict(kind="mission", region={"scope": "national"}),
        "contacts[0] (NAT-04).region.scope",
        "a mission contact has scope country",
    ),
    "missing region": (dict(region=None), "contacts[0] (NAT-04).region", "is missing"),
    # sources, dates, confidence, names
    "entry without sources": (dict(sources=[]), "contacts[0] (NAT-04).sources", "at least one source is required"),
    "channel without sources": (
        dict(channels=[channel(sources=None)]),
        "contacts[0] (NAT-04).channels[0].sources",
        "at least one source is required",
    ),
    "source that is not a web address": (
        dict(sources=[{"url": "kemlu.go.id", "date": None}]),
        "contacts[0] (NAT-04).sources[0].url",
        "is not a web address",
    ),
    "source with a bad date": (
        dict(sources=[{"url": "https://example.go.id/a", "date": "10 April 2025"}]),
        "contacts[0] (NAT-04).sources[0].date",
        "must be YYYY-MM-DD",
    ),
    "checked is not a date": (dict(checked="November 2026"), "contacts[0] (NAT-04).checked", "must be a date"),
    "unknown confidence": (dict(confidence="likely"), "contacts[0] (NAT-04).confidence", "must be one of confirmed"),
    "channel with unknown confidence": (
        dict(channels=[channel(confidence="probably")]),
        "contacts[0] (NAT-04).channels[0].confidence",
        "must be one of",
    ),
    "name without English": (dict(name={"id": "Hotline uji"}), "contacts[0] (NAT-04).name.en", "missing"),
    "bad id": (dict(id="nat 4"), "contacts[0].id", "must be like NAT-01"),
}


@pytest.mark.parametrize("case", CASES)
def test_schema_error_names_the_file_and_the_field(tmp_path, case):
    changes, field, problem = CASES[case]
    with pytest.raises(BuildError) as err:
        load(tmp_path, entry(**changes))
    message = str(err.value)
    assert message.startswith(f"data/contacts.yml: {field}"), message
    assert problem in message, message
    assert "\n" not in message


def test_duplicate_id_stops(tmp_path):
    with pytest.raises(BuildError) as err:
        load(tmp_path, entry(), entry())
    assert str(err.value) == "data/contacts.yml: contacts[1] (NAT-04).id: duplicate id"


def test_unpublishable_channels_may_keep_numbers_as_printed(tmp_path):
    """A conflicting or unconfirmed number is kept as the source printed it (even a misprint) and is
    not checked, because it is never shown; an E.164 given for it is still checked."""
    [contact] = load(
        tmp_path,
        entry(
            channels=[
                channel(value="010-5394-254", e164=None, confidence="conflicting"),
                channel(value="(02)783-5675/7", e164=None, confidence="unconfirmed"),
            ]
        ),
    )
    assert [c.value for c in contact.channels] == ["010-5394-254", "(02)783-5675/7"]
    with pytest.raises(BuildError, match=r"channels\[0\]\.e164: .*not a valid phone number"):
        load(tmp_path, entry(channels=[channel(value="+62 812", e164="+62812", confidence="unconfirmed")]))


def test_bad_contacts_stop_the_build_and_keep_the_old_site(tmp_path):
    root = make_project(tmp_path, "contacts")
    build(root=root, site_url="https://jalur-resmi.example/")
    before = tree_digest(root / "site")
    path = root / "data/contacts.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('e164: "+85267730466"', 'e164: "+8526773"'), encoding="utf-8"
    )
    with pytest.raises(BuildError) as err:
        build(root=root, site_url="https://jalur-resmi.example/")
    assert str(err.value).startswith("data/contacts.yml: contacts[6] (MS-01).channels[0].e164:")
    assert tree_digest(root / "site") == before


# --- Freshness ----------------------------------------------------------------------------------


def test_months_before_keeps_the_day_or_takes_the_last_of_a_shorter_month():
    assert months_before(dt.date(2026, 11, 22), 12) == dt.date(2025, 11, 22)
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2024, 3, 31), 1) == dt.date(2024, 2, 29)
    assert months_before(dt.date(2026, 1, 15), 13) == dt.date(2024, 12, 15)


def test_stale_lists_published_contacts_checked_before_the_cutoff(tmp_path):
    contacts = load(
        tmp_path,
        entry(id="OLD-1", checked=dt.date(2025, 11, 21)),
        entry(id="EDGE-1", checked=dt.date(2025, 11, 22)),
        entry(id="HIDDEN-1", checked=dt.date(2020, 1, 1), confidence="unconfirmed"),
    )
    today = dt.date(2026, 11, 22)
    assert [c.id for c in stale(contacts, today)] == ["OLD-1"]
    assert [c.id for c in stale(contacts, today, max_age_months=6)] == ["OLD-1", "EDGE-1"]
    [warning] = stale_warnings(contacts, "data/contacts.yml", today)
    assert warning.startswith("data/contacts.yml: OLD-1: last checked 2025-11-21, more than 12 months ago")


def test_freshness_command_exits_non_zero_when_a_contact_is_stale(tmp_path, capsys):
    root = make_project(tmp_path, "contacts")
    path = root / "data/contacts.yml"
    # The sources' own age is checked too (below); 600 months leaves it out of these first checks.
    sources = ["--max-source-age-months", "600"]
    args = ["--file", str(path), "--today", "2026-11-22", *sources]
    assert contacts_freshness.main(args, root=root) == 0
    assert "every published contact was checked" in capsys.readouterr().out
    assert contacts_freshness.main(["--file", str(path), "--today", "2027-11-23", *sources], root=root) == 1
    out = capsys.readouterr().out
    assert "MS-01" in out and "NAT-04" in out
    assert "NAT-06" not in out and "RG-04" not in out  # never published, so never reported
    assert contacts_freshness.main(args + ["--max-age-months", "1"], root=root) == 0
    assert (
        contacts_freshness.main(
            ["--file", str(path), "--today", "2027-01-01", "--max-age-months", "1", *sources], root=root
        )
        == 1
    )
    capsys.readouterr()
    # With the default 24 months, the fixture's old sources are listed (RG-02's newest is from 2019).
    assert contacts_freshness.main(["--file", str(path), "--today", "2026-11-22"], root=root) == 1
    out = capsys.readouterr().out
    assert "whose newest source is older than 24 months" in out
    assert "RG-02        newest source 2019-09-11" in out and "NAT-06" not in out
    path.write_text(path.read_text(encoding="utf-8").replace("kind: mission", "kind: consulate", 1), encoding="utf-8")
    assert contacts_freshness.main(args, root=root) == 2
    assert "data/contacts.yml: contacts[6] (MS-01).kind" in capsys.readouterr().err


def test_the_build_only_warns_about_stale_contacts(tmp_path):
    root = make_project(tmp_path, "contacts")
    path = root / "data/contacts.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("checked: 2026-11-22", "checked: 2020-01-31", 1), encoding="utf-8")
    result = build(root=root, site_url="https://jalur-resmi.example/")
    assert [w for w in result.warnings if "NAT-01: last checked 2020-01-31" in w]
    assert (root / "site/id/kontak/index.html").is_file()
