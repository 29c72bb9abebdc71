"""data/offices/: one YAML file per local office (a Kantor Imigrasi, a BP3MI, a Disnaker or an LTSA),
and data/regencies.yml, the places an office may name as its area. See docs/offices.md.

Each office gets its own printed edition (site/<lang>/cetak/<office-id>/): the contacts leaflet with
the office first, a local referral sheet and a meeting pack. What of an office may go on paper follows
the publication rule of data/contacts.yml (jalur/models/contacts.py), with one addition:

- `confirmed_by` (the office itself, or a named role there, with a date) makes the entry and every
  channel in it CONFIRMED: the office has confirmed its own entry;
- without it, the entry and each channel carry `confidence` and `sources` as a contact does, and only
  confirmed ones go on paper. An office whose entry may not go on paper gets no edition.

Each file is read once (jalur/core/yamlfile.load_yaml) and checked field by field; a problem stops
the build with one line naming the file and the field.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from jalur.core.errors import BuildError, relpath
from jalur.core.yamlfile import load_yaml, require_bilingual, require_known_fields, require_list, require_text
from jalur.models.contacts import (
    CHANNEL_TYPES,
    CONFIDENCE,
    DIALLED_TYPES,
    NUMBER_TYPES,
    PROVINCES,
    Channel,
    Source,
    check_dialled,
    check_number,
    parse_sources,
)

KINDS = ("immigration", "bp3mi", "disnaker", "ltsa")
# An office's channels: those of a contact, but no app (an office has none of its own).
OFFICE_CHANNEL_TYPES = tuple(t for t in CHANNEL_TYPES if t != "app")
_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_KEYS = {
    "id",
    "kind",
    "name",
    "province",
    "regencies",
    "hours",
    "channels",
    "whatsapp_group",
    "desa_binaan",
    "confirmed_by",
    "sources",
    "confidence",
    "checked",
}
_CHANNEL_KEYS = {"type", "value", "e164", "label", "confidence", "sources"}
# The invitation link of a WhatsApp group: https://chat.whatsapp.com/<code>
_GROUP_LINK = re.compile(r"^https://chat\.whatsapp\.com/[A-Za-z0-9]{16,32}$")
CONFIRMED_BY_OFFICE = "office"


@dataclass(frozen=True)
class Regencies:
    """data/regencies.yml: each place (kabupaten or kota) with its province."""

    province_of: dict[str, str]


@dataclass(frozen=True)
class Confirmation:
    """Who at the office confirmed its entry, and when. `role` None: the office itself."""

    role: dict[str, str] | None
    date: dt.date


@dataclass(frozen=True)
class WhatsAppGroup:
    url: str
    purpose: dict[str, str]  # what the group is for, printed beside its QR code


@dataclass(frozen=True)
class Office:
    id: str
    rel: str  # data/offices/<id>.yml, for messages
    kind: str
    name: dict[str, str]
    province: str
    regencies: tuple[str, ...]
    hours: dict[str, str] | None
    channels: tuple[Channel, ...]
    whatsapp_group: WhatsAppGroup | None
    desa_binaan: tuple[str, ...]
    confirmed_by: Confirmation | None
    sources: tuple[Source, ...]
    confidence: str  # "confirmed" when the office confirmed its entry
    checked: dt.date

    def on_paper(self) -> bool:
        """The entry may be printed (its edition is made)."""
        return self.confidence == "confirmed"

    def channels_on_paper(self) -> list[Channel]:
        """The channels that may be printed: all of them once the office confirmed its entry."""
        if not self.on_paper():
            return []
        return [c for c in self.channels if c.confidence == "confirmed"]

    def numbers_on_paper(self) -> list[Channel]:
        return [c for c in self.channels_on_paper() if c.type not in ("address", "web", "email")]


def load_regencies(path: Path, root: Path) -> Regencies:
    rel = relpath(path, root)
    raw = load_yaml(path, root)
    groups = require_list(raw, "regencies", rel)
    province_of: dict[str, str] = {}
    for i, group in enumerate(groups):
        field = f"regencies[{i}]"
        if not isinstance(group, dict):
            raise BuildError(rel, field, "must be a mapping with province, names and sources")
        province = require_text(group.get("province"), rel, f"{field}.province")
        if province not in PROVINCES:
            raise BuildError(rel, f"{field}.province", f"unknown province {province!r} (e.g. 'Jawa Timur')")
        names = group.get("names")
        if not isinstance(names, list) or not names:
            raise BuildError(rel, f"{field}.names", "must be a non-empty list of kabupaten and kota")
        for j, name in enumerate(names):
            name = require_text(name, rel, f"{field}.names[{j}]")
            if not re.match(r"^(Kabupaten|Kota) \S", name):
                raise BuildError(rel, f"{field}.names[{j}]", f"write 'Kabupaten ...' or 'Kota ...', not {name!r}")
            if name in province_of:
                raise BuildError(rel, f"{field}.names[{j}]", f"{name!r} is listed twice")
            province_of[name] = province
        sources = group.get("sources")
        if not isinstance(sources, list) or not sources:
            raise BuildError(rel, f"{field}.sources", "name at least one page that lists these places")
        for j, url in enumerate(sources):
            parsed = urlparse(str(url))
            if parsed.scheme not in ("http", "https") or not parsed.netloc:
                raise BuildError(rel, f"{field}.sources[{j}]", f"is not a web address: {url!r}")
    return Regencies(province_of=province_of)


def _date(value, rel: str, field: str) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise BuildError(rel, field, "must be a date YYYY-MM-DD")
    return value


def _confirmation(value, rel: str, langs: list[str], today: dt.date) -> Confirmation | None:
    if value is None:
        return None
    field = "confirmed_by"
    if not isinstance(value, dict) or set(value) != {"who", "date"}:
        raise BuildError(
            rel, field, "must be {who: office, date: YYYY-MM-DD} or {who: {id: role, en: role}, date: ...}"
        )
    who = value["who"]
    role = None if who == CONFIRMED_BY_OFFICE else require_bilingual(who, rel, f"{field}.who", langs)
    date = _date(value["date"], rel, f"{field}.date")
    if date > today:
        raise BuildError(rel, f"{field}.date", f"{date.isoformat()} is in the future")
    return Confirmation(role=role, date=date)


def _channel(item, rel: str, field: str, langs: list[str], confirmed: bool) -> Channel:
    if not isinstance(item, dict):
        raise BuildError(rel, field, "must be a mapping")
    require_known_fields(item, _CHANNEL_KEYS, rel, field)
    kind = item.get("type")
    if kind not in OFFICE_CHANNEL_TYPES:
        raise BuildError(rel, f"{field}.type", f"must be one of {', '.join(OFFICE_CHANNEL_TYPES)}, not {kind!r}")
    value = require_text(str(item.get("value") or ""), rel, f"{field}.value")
    if confirmed:
        # The office confirmed its own entry: every channel in it is confirmed, sources optional.
        if item.get("confidence", "confirmed") != "confirmed":
            raise BuildError(rel, f"{field}.confidence", "the office confirmed its entry: leave confidence out")
        confidence = "confirmed"
        sources = parse_sources(item["sources"], rel, f"{field}.sources") if "sources" in item else ()
    else:
        given = item.get("confidence")
        if given not in CONFIDENCE:
            raise BuildError(rel, f"{field}.confidence", f"must be one of {', '.join(CONFIDENCE)}, not {given!r}")
        confidence = str(given)
        sources = parse_sources(item.get("sources"), rel, f"{field}.sources")
    e164 = item.get("e164")
    if kind in NUMBER_TYPES or (kind == "sms" and e164 is not None):
        if confidence in ("confirmed", "single-source") or e164 is not None:
            e164 = check_number(value, e164, rel, field, ("ID",))
    elif e164 is not None:
        raise BuildError(rel, f"{field}.e164", f"a {kind} channel has no E.164 number")
    published = confidence in ("confirmed", "single-source")
    if kind in DIALLED_TYPES and published:
        check_dialled(kind, value, rel, f"{field}.value")
    if kind == "sms" and published and e164 is None and not re.fullmatch(r"[0-9]{3,6}", value):
        raise BuildError(rel, f"{field}.e164", "an SMS number needs its E.164 form (only short codes have none)")
    if kind == "email" and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", value, re.I):
        raise BuildError(rel, f"{field}.value", f"is not an email address: {value!r}")
    if kind == "web":
        parsed = urlparse(value if "://" in value else f"https://{value}")
        if parsed.scheme not in ("http", "https") or "." not in parsed.netloc:
            raise BuildError(rel, f"{field}.value", f"is not a web address: {value!r}")
    label = item.get("label")
    if label is not None:
        label = require_bilingual(label, rel, f"{field}.label", langs)
    return Channel(type=kind, value=value, e164=e164, label=label, confidence=confidence, sources=sources)


def _group(value, rel: str, langs: list[str], confirmed: bool) -> WhatsAppGroup | None:
    if value is None:
        return None
    field = "whatsapp_group"
    if not isinstance(value, dict) or set(value) != {"url", "purpose"}:
        raise BuildError(rel, field, "must be {url: https://chat.whatsapp.com/..., purpose: {id: ..., en: ...}}")
    url = require_text(value["url"], rel, f"{field}.url")
    if not _GROUP_LINK.match(url):
        raise BuildError(
            rel, f"{field}.url", f"must be a group invitation link https://chat.whatsapp.com/<code>, not {url!r}"
        )
    if not confirmed:
        raise BuildError(
            rel, f"{field}.url", "only the office can give its group's link: it needs confirmed_by (docs/offices.md)"
        )
    return WhatsAppGroup(url=url, purpose=require_bilingual(value["purpose"], rel, f"{field}.purpose", langs))


def _names(value, rel: str, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise BuildError(rel, field, "must be a list")
    names = tuple(require_text(v, rel, f"{field}[{i}]") for i, v in enumerate(value))
    if len(set(names)) != len(names):
        raise BuildError(rel, field, "names a place twice")
    return names


def load_office(path: Path, root: Path, langs: list[str], regencies: Regencies, today: dt.date) -> Office:
    rel = relpath(path, root)
    raw = load_yaml(path, root)
    if not isinstance(raw, dict):
        raise BuildError(rel, None, "must be a mapping of fields (docs/offices.md)")
    require_known_fields(raw, _KEYS, rel, None)
    oid = raw.get("id")
    if not isinstance(oid, str) or not _ID.match(oid):
        raise BuildError(rel, "id", f"must be lowercase letters, digits and hyphens, not {oid!r}")
    if oid != path.stem:
        raise BuildError(rel, "id", f"must be the file's name: {path.stem!r}, not {oid!r}")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise BuildError(rel, "kind", f"must be one of {', '.join(KINDS)}, not {kind!r}")
    name = require_bilingual(raw.get("name"), rel, "name", langs)
    province = require_text(raw.get("province"), rel, "province")
    if province not in PROVINCES:
        raise BuildError(
            rel, "province", f"unknown province {province!r} (write it as in the official list, e.g. 'Jawa Timur')"
        )
    places = _names(raw.get("regencies"), rel, "regencies")
    if not places:
        raise BuildError(rel, "regencies", "name at least one kabupaten or kota the office serves")
    for i, place in enumerate(places):
        if place not in regencies.province_of:
            raise BuildError(rel, f"regencies[{i}]", f"{place!r} is not in data/regencies.yml")
    confirmed_by = _confirmation(raw.get("confirmed_by"), rel, langs, today)
    confirmed = confirmed_by is not None
    if confirmed_by is not None:
        if raw.get("confidence", "confirmed") != "confirmed":
            raise BuildError(rel, "confidence", "the office confirmed its entry (confirmed_by): leave confidence out")
        confidence = "confirmed"
        sources = parse_sources(raw["sources"], rel, "sources") if "sources" in raw else ()
        checked = _date(raw["checked"], rel, "checked") if "checked" in raw else confirmed_by.date
    else:
        given = raw.get("confidence")
        if given not in CONFIDENCE:
            raise BuildError(
                rel,
                "confidence",
                f"must be one of {', '.join(CONFIDENCE)} (or give confirmed_by), not {given!r}",
            )
        confidence = str(given)
        sources = parse_sources(raw.get("sources"), rel, "sources")
        checked = _date(raw.get("checked"), rel, "checked")
    channels = raw.get("channels")
    if channels is None or not isinstance(channels, list):
        raise BuildError(rel, "channels", "must be a list (empty when nothing is known)")
    hours = raw.get("hours")
    return Office(
        id=oid,
        rel=rel,
        kind=kind,
        name=name,
        province=province,
        regencies=places,
        hours=require_bilingual(hours, rel, "hours", langs) if hours is not None else None,
        channels=tuple(_channel(c, rel, f"channels[{i}]", langs, confirmed) for i, c in enumerate(channels)),
        whatsapp_group=_group(raw.get("whatsapp_group"), rel, langs, confirmed),
        desa_binaan=_names(raw.get("desa_binaan"), rel, "desa_binaan"),
        confirmed_by=confirmed_by,
        sources=sources,
        confidence=confidence,
        checked=checked,
    )


def load_offices(
    folder: Path, root: Path, langs: list[str], regencies: Regencies, today: dt.date | None = None
) -> list[Office]:
    """Every data/offices/<id>.yml, sorted by id (other files there, such as README.md, are not offices)."""
    today = today or dt.date.today()
    for path in sorted(folder.glob("*.yaml")):
        raise BuildError(relpath(path, root), None, "an office file ends in .yml")
    offices: list[Office] = []
    seen: set[str] = set()
    for path in sorted(folder.glob("*.yml")):
        office = load_office(path, root, langs, regencies, today)
        if office.id.casefold() in seen:
            raise BuildError(office.rel, "id", f"duplicate id {office.id!r}")
        seen.add(office.id.casefold())
        offices.append(office)
    return offices


def by_province(offices: list[Office]) -> dict[str, list[Office]]:
    """The offices that may be printed, by province (sorted by name), then by their Indonesian name."""
    out: dict[str, list[Office]] = {}
    for office in sorted(offices, key=lambda o: (o.province, o.name["id"].casefold())):
        if office.on_paper():
            out.setdefault(office.province, []).append(office)
    return out
