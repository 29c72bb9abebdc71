"""Which contacts a reader is shown: one function, `contacts_shown`, for every page, leaflet, the
checklist and the downloads. It applies the publication rule (Contact.channels_for) and these rules:

- medium "web" (pages, JSON and CSV) shows confirmed and single-source entries and channels; "print"
  (leaflets, the printed checklist, the vCard, which shows no caution either) shows confirmed only;
- a contact named by id must have something to show in the medium, else it is left out and the caller
  learns why (`Shown.left_out`): a page stops the build, paper simply goes without it;
- listings (kind=...) also show entries that have no channel to show yet, with a plain note (go to
  the office in person, use the ministry's hotline), unless the caller asks for `with_channels` only
  (a leaflet's list of hotlines, a regional edition, the vCard);
- a destination with no mission that may be shown gets the Foreign Ministry's channels instead
  (MISSION_FALLBACK_IDS), and says so; a mission shown without a number to call brings the same
  channels along (`Shown.stand_ins`), for its card to point to.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from jalur.models.contacts import COUNTRIES, MEDIA, Contact, country_name, province_name

LISTINGS = ("national", "mission", "regional")
# Shown when a destination has no published mission contact: the Foreign Ministry's protection
# hotline and the Safe Travel app, which lists every mission's current number.
MISSION_FALLBACK_IDS = ("NAT-04", "NAT-05")


@dataclass(frozen=True)
class Group:
    heading: str | None  # a country or a province, in the reader's language
    contacts: tuple[Contact, ...]


@dataclass(frozen=True)
class Shown:
    """What a reader is shown for one request: the groups in order, and why named ids were left out."""

    medium: str
    groups: tuple[Group, ...]
    fallback_for: str | None = None  # a country code: no mission there may be shown, so these stand in
    left_out: tuple[tuple[str, str], ...] = field(default=())  # (id, "unknown" | "twice" | "nothing")
    # The ministry's channels, when a mission shown has no number to call: its card points to them.
    stand_ins: tuple[Contact, ...] = field(default=())

    @property
    def contacts(self) -> tuple[Contact, ...]:
        return tuple(c for g in self.groups for c in g.contacts)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.contacts)


def left_out_problem(cid: str, why: str, medium: str) -> str:
    """What to tell the maintainer about a named contact that `contacts_shown` left out."""
    return {
        "unknown": f"no contact {cid!r} in data/contacts.yml",
        "twice": f"contact {cid!r} is named twice",
        "nothing": f"contact {cid!r} has nothing publishable (unconfirmed or conflicting)"
        if medium == "web"
        else f"contact {cid!r} has nothing printable (only confirmed channels go on paper)",
    }[why]


def _has_channels(contact: Contact, medium: str) -> bool:
    return bool(contact.channels_for(medium))


def contacts_shown(
    contacts: list[Contact],
    medium: str,
    lang: str,
    *,
    ids: tuple[str, ...] | list[str] = (),
    country: str | None = None,
    kind: str | None = None,
    province: str | None = None,
    with_channels: bool = False,
) -> Shown:
    """The contacts a reader sees in `medium` ("web" or "print"), for at most one request:

    ids=[...]       the named contacts, in that order (a situation: "I am abroad", "I was asked to pay")
    country=XX      the missions in one destination, else the ministry's channels (fallback_for=XX)
    kind=national   every national line; kind=mission: by country; kind=regional: by province
                    (province=...: that province's offices only, without a heading)
    nothing         every contact the medium allows (the downloads)
    `lang` orders and names the headings; `with_channels`: listings leave out entries that have no
    channel to show in `medium` (named contacts and destinations always need one)."""
    shown = _chosen(contacts, medium, lang, tuple(ids), country, kind, province, with_channels)
    if any(c.kind == "mission" and not c.numbers_for(medium) for c in shown.contacts):
        return replace(shown, stand_ins=_named(contacts, medium, MISSION_FALLBACK_IDS).contacts)
    return shown


def _chosen(
    contacts: list[Contact],
    medium: str,
    lang: str,
    ids: tuple[str, ...],
    country: str | None,
    kind: str | None,
    province: str | None,
    with_channels: bool,
) -> Shown:
    if medium not in MEDIA:
        raise ValueError(f"medium must be one of {', '.join(MEDIA)}, not {medium!r}")
    if sum(bool(x) for x in (ids, country, kind)) > 1:
        raise ValueError("ask for one of ids, country or kind")
    if province is not None and kind != "regional":
        raise ValueError("province goes with kind=regional")
    if ids:
        return _named(contacts, medium, ids)
    if country:
        return _destination(contacts, medium, country)

    listable = [c for c in contacts if c.listed(medium) and (not with_channels or _has_channels(c, medium))]
    if kind == "national":
        chosen = tuple(c for c in listable if c.kind == "national" and c.scope in ("national", "worldwide"))
        return Shown(medium, (Group(None, chosen),) if chosen else ())
    if kind == "mission":
        return Shown(medium, _missions_by_country(listable, lang))
    if kind == "regional":
        return Shown(medium, _regional_by_province(listable, lang, province))
    if kind is not None:
        raise ValueError(f"kind must be one of {', '.join(LISTINGS)}, not {kind!r}")
    return Shown(medium, (Group(None, tuple(listable)),) if listable else ())


def _named(contacts: list[Contact], medium: str, ids: tuple[str, ...]) -> Shown:
    everyone = {c.id: c for c in contacts}
    chosen: list[Contact] = []
    left_out: list[tuple[str, str]] = []
    for cid in ids:
        if cid not in everyone:
            left_out.append((cid, "unknown"))
        elif any(c.id == cid for c in chosen):
            left_out.append((cid, "twice"))
        elif not _has_channels(everyone[cid], medium):
            left_out.append((cid, "nothing"))
        else:
            chosen.append(everyone[cid])
    groups = (Group(None, tuple(chosen)),) if chosen else ()
    return Shown(medium, groups, left_out=tuple(left_out))


def _destination(contacts: list[Contact], medium: str, country: str) -> Shown:
    if country not in COUNTRIES:
        raise ValueError(f"unknown country code {country!r}")
    missions = [c for c in contacts if c.kind == "mission" and country in c.countries and _has_channels(c, medium)]
    if missions:
        return Shown(medium, (Group(None, tuple(missions)),))
    fallback = _named(contacts, medium, MISSION_FALLBACK_IDS).contacts
    return Shown(medium, (Group(None, fallback),) if fallback else (), fallback_for=country)


def _missions_by_country(contacts: list[Contact], lang: str) -> tuple[Group, ...]:
    """The missions abroad (and other lines that serve one destination), a heading per country.

    An entry that serves several countries gets one heading naming them all; headings are sorted by
    the country names in the page's language; missions come before a destination's own lines."""
    groups: dict[tuple[str, ...], list[Contact]] = {}
    for contact in contacts:
        if contact.scope == "country" and contact.kind != "regional":
            groups.setdefault(contact.countries, []).append(contact)
    out = []
    for codes, members in groups.items():
        members.sort(key=lambda c: c.kind != "mission")
        out.append(Group(", ".join(country_name(code, lang) for code in codes), tuple(members)))
    return tuple(sorted(out, key=lambda g: (g.heading or "").casefold()))


def _regional_by_province(contacts: list[Contact], lang: str, province: str | None) -> tuple[Group, ...]:
    """The regional offices, a heading per province (none when one province was asked for); the
    province-wide office first, then by name."""
    groups: dict[str, list[Contact]] = {}
    for contact in contacts:
        if contact.kind == "regional" and province in (None, contact.province):
            groups.setdefault(contact.province or "", []).append(contact)
    out = []
    for name, members in groups.items():
        members.sort(key=lambda c: (c.scope != "province", c.name[lang].casefold()))
        out.append(Group(None if province else province_name(name, lang), tuple(members)))
    return tuple(sorted(out, key=lambda g: (g.heading or "").casefold()))


def provinces_on_paper(contacts: list[Contact], lang: str) -> list[str]:
    """Provinces with at least one regional office that has a channel to print, sorted by name."""
    shown = contacts_shown(contacts, "print", lang, kind="regional", with_channels=True)
    return sorted({c.province for c in shown.contacts if c.province})


def vcard_contacts(contacts: list[Contact], lang: str) -> tuple[Contact, ...]:
    """The national hotlines for a phone's address book. A vCard shows no caution, so it follows the
    paper rule; and an address-book entry needs a number to call."""
    return tuple(
        c
        for c in contacts_shown(contacts, "print", lang, kind="national", with_channels=True).contacts
        if c.numbers_for("print")
    )
