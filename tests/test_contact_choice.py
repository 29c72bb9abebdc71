"""The one function that decides which contacts a reader sees (jalur/models/contact_choice.py), on the
fixture contacts, whose entries and channels cover every confidence level:

    NAT-01 confirmed: toll-free confirmed, phone single-source, WhatsApp unconfirmed, email conflicting
    NAT-04 confirmed (worldwide)       NAT-05 single-source (worldwide), app confirmed
    NAT-06 unconfirmed                 NAT-07 conflicting        NAT-08 confirmed, WhatsApp single-source
    MS-01 HK: one phone confirmed, one conflicting    MS-02 SA: only a conflicting phone    MS-03 JO+LB
    RG-01 East Java, confirmed, no channel   RG-02 East Java, address confirmed
    RG-03 Central Sulawesi, single-source, only an unconfirmed WhatsApp   RG-04 unconfirmed
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jalur.core.project import ROOT
from jalur.models.contact_choice import contacts_shown, provinces_on_paper, vcard_contacts
from jalur.models.contacts import load_contacts

CONTACTS = load_contacts(Path(__file__).parent / "fixtures/contacts/data/contacts.yml", ROOT, ["id", "en"])


def shown_ids(**request) -> list[str]:
    return list(contacts_shown(CONTACTS, **request).ids)


def test_named_contacts_keep_their_order_and_the_rest_is_left_out_with_a_reason():
    shown = contacts_shown(CONTACTS, "web", "id", ids=["NAT-08", "NAT-99", "NAT-01", "NAT-06", "NAT-07", "NAT-08"])
    assert shown.ids == ("NAT-08", "NAT-01")
    assert shown.left_out == (("NAT-99", "unknown"), ("NAT-06", "nothing"), ("NAT-07", "nothing"), ("NAT-08", "twice"))


def test_paper_shows_confirmed_entries_and_only_their_confirmed_channels():
    web = contacts_shown(CONTACTS, "web", "id", ids=["NAT-01", "NAT-05", "NAT-08"])
    paper = contacts_shown(CONTACTS, "print", "id", ids=["NAT-01", "NAT-05", "NAT-08"])
    assert web.ids == ("NAT-01", "NAT-05", "NAT-08")
    assert paper.ids == ("NAT-01", "NAT-08")  # NAT-05 rests on one source: web only
    assert paper.left_out == (("NAT-05", "nothing"),)
    nat01 = paper.contacts[0]
    assert [c.type for c in nat01.channels_for("print")] == ["tollfree"]
    assert [c.type for c in nat01.channels_for("web")] == ["tollfree", "phone"]
    # Nothing unconfirmed or conflicting anywhere, in either medium.
    for medium in ("web", "print"):
        for contact in contacts_shown(CONTACTS, medium, "id").contacts:
            assert contact.confidence in (("confirmed", "single-source") if medium == "web" else ("confirmed",))
            for channel in contact.channels_for(medium):
                assert channel.confidence not in ("unconfirmed", "conflicting")


def test_a_destination_without_a_mission_to_show_gets_the_ministry_instead():
    assert shown_ids(medium="web", lang="id", country="HK") == ["MS-01"]
    saudi = contacts_shown(CONTACTS, "web", "id", country="SA")  # only a conflicting phone
    assert saudi.ids == ("NAT-04", "NAT-05") and saudi.fallback_for == "SA"
    assert shown_ids(medium="print", lang="id", country="SA") == ["NAT-04"]  # NAT-05 is web only
    assert shown_ids(medium="print", lang="en", country="JO") == ["MS-03"]


def test_a_mission_listed_without_a_number_brings_the_ministry_channels_along():
    listing = contacts_shown(CONTACTS, "web", "en", kind="mission")
    # MS-02 (Saudi Arabia) has nothing publishable: listed with a note, and the ministry's lines stand in.
    assert "MS-02" in listing.ids and not next(c for c in listing.contacts if c.id == "MS-02").numbers_for("web")
    assert [c.id for c in listing.stand_ins] == ["NAT-04", "NAT-05"]
    # Missions that all have a number bring nothing along.
    assert contacts_shown(CONTACTS, "web", "en", country="HK").stand_ins == ()
    assert contacts_shown(CONTACTS, "web", "en", ids=["NAT-01"]).stand_ins == ()


def test_listings_group_by_country_and_province_and_show_entries_without_a_channel_with_a_note():
    missions = contacts_shown(CONTACTS, "web", "en", kind="mission")
    assert [(g.heading, [c.id for c in g.contacts]) for g in missions.groups] == [
        ("Hong Kong SAR China", ["MS-01"]),
        ("Jordan, Lebanon", ["MS-03"]),
        ("Saudi Arabia", ["MS-02"]),
    ]
    regional = contacts_shown(CONTACTS, "web", "en", kind="regional")
    assert [(g.heading, [c.id for c in g.contacts]) for g in regional.groups] == [
        ("Central Sulawesi (Sulawesi Tengah)", ["RG-03"]),
        ("East Java (Jawa Timur)", ["RG-01", "RG-02"]),
    ]
    # On paper: confirmed entries only; RG-01 has no channel yet and is still listed (go in person).
    assert shown_ids(medium="print", lang="id", kind="regional") == ["RG-01", "RG-02"]
    assert shown_ids(medium="print", lang="id", kind="regional", with_channels=True) == ["RG-02"]
    one = contacts_shown(CONTACTS, "print", "id", kind="regional", province="Jawa Timur", with_channels=True)
    assert [(g.heading, [c.id for c in g.contacts]) for g in one.groups] == [(None, ["RG-02"])]


def test_national_lines_downloads_vcard_and_regional_editions():
    assert shown_ids(medium="web", lang="id", kind="national") == ["NAT-01", "NAT-04", "NAT-05", "NAT-08"]
    assert shown_ids(medium="print", lang="id", kind="national") == ["NAT-01", "NAT-04", "NAT-08"]
    # The downloads: every entry the website may show, missions and offices included.
    assert shown_ids(medium="web", lang="id") == [
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
    # The vCard: the paper rule, and a number to call.
    assert [c.id for c in vcard_contacts(CONTACTS, "id")] == ["NAT-01", "NAT-04", "NAT-08"]
    assert provinces_on_paper(CONTACTS, "id") == ["Jawa Timur"]


@pytest.mark.parametrize(
    "request_, problem",
    [
        ({"medium": "radio"}, "medium must be one of web, print"),
        ({"medium": "web", "ids": ["NAT-01"], "kind": "national"}, "ask for one of"),
        ({"medium": "web", "kind": "embassy"}, "kind must be one of"),
        ({"medium": "web", "country": "XX"}, "unknown country code"),
        ({"medium": "web", "kind": "national", "province": "Jawa Timur"}, "province goes with kind=regional"),
    ],
)
def test_a_request_the_function_cannot_answer_is_refused(request_, problem):
    with pytest.raises(ValueError, match=problem):
        contacts_shown(CONTACTS, lang="id", **request_)
