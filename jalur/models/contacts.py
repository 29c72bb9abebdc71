"""data/contacts.yml: help and reporting contacts, with sources, a checked date and a confidence level.

Publication rule (safety-critical, tested):
- confirmed: on the website and on printed leaflets;
- single-source: on the website only, with a visible caution;
- unconfirmed or conflicting: never rendered anywhere.
It applies to each channel and to the entry as a whole (the lower of the two wins): see
Contact.channels_for. Which contacts a reader is shown, for a page, a leaflet, the checklist or a
download, is decided in one place: jalur/models/contact_choice.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import phonenumbers
from babel import Locale

from jalur.core.errors import BuildError, relpath
from jalur.core.yamlfile import load_yaml, require_bilingual, require_list, require_text

KINDS = ("national", "mission", "regional")
SCOPES = ("national", "worldwide", "country", "province", "regency")
CHANNEL_TYPES = ("phone", "tollfree", "shortcode", "whatsapp", "sms", "email", "web", "app", "address")
NUMBER_TYPES = ("phone", "whatsapp")  # must carry a valid E.164 number
DIALLED_TYPES = ("tollfree", "shortcode")  # dialled as printed, inside Indonesia only
CALLABLE_TYPES = NUMBER_TYPES + DIALLED_TYPES + ("sms",)
CONFIDENCE = ("confirmed", "single-source", "unconfirmed", "conflicting")
WEB = ("confirmed", "single-source")
PRINT = ("confirmed",)
MEDIA = {"web": WEB, "print": PRINT}
_ID = re.compile(r"^[A-Z0-9]+(-[A-Z0-9]+)*$")
# Indonesia's 38 provinces as written in Indonesian (region.province must be one of them), with the
# English name shown beside it on English pages.
PROVINCES = {
    "Aceh": "Aceh",
    "Sumatera Utara": "North Sumatra",
    "Sumatera Barat": "West Sumatra",
    "Riau": "Riau",
    "Kepulauan Riau": "Riau Islands",
    "Jambi": "Jambi",
    "Sumatera Selatan": "South Sumatra",
    "Kepulauan Bangka Belitung": "Bangka Belitung Islands",
    "Bengkulu": "Bengkulu",
    "Lampung": "Lampung",
    "DKI Jakarta": "Jakarta",
    "Jawa Barat": "West Java",
    "Banten": "Banten",
    "Jawa Tengah": "Central Java",
    "DI Yogyakarta": "Yogyakarta",
    "Jawa Timur": "East Java",
    "Bali": "Bali",
    "Nusa Tenggara Barat": "West Nusa Tenggara",
    "Nusa Tenggara Timur": "East Nusa Tenggara",
    "Kalimantan Barat": "West Kalimantan",
    "Kalimantan Tengah": "Central Kalimantan",
    "Kalimantan Selatan": "South Kalimantan",
    "Kalimantan Timur": "East Kalimantan",
    "Kalimantan Utara": "North Kalimantan",
    "Sulawesi Utara": "North Sulawesi",
    "Gorontalo": "Gorontalo",
    "Sulawesi Tengah": "Central Sulawesi",
    "Sulawesi Barat": "West Sulawesi",
    "Sulawesi Selatan": "South Sulawesi",
    "Sulawesi Tenggara": "Southeast Sulawesi",
    "Maluku": "Maluku",
    "Maluku Utara": "North Maluku",
    "Papua": "Papua",
    "Papua Barat": "West Papua",
    "Papua Barat Daya": "Southwest Papua",
    "Papua Tengah": "Central Papua",
    "Papua Pegunungan": "Highland Papua",
    "Papua Selatan": "South Papua",
}
# The scopes each kind of contact may have.
KIND_SCOPES = {
    "national": ("national", "worldwide", "country"),
    "mission": ("country",),
    "regional": ("province", "regency"),
}


def _known_countries() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes that are real places: named by CLDR and with a telephone plan."""
    names = Locale("en").territories
    return frozenset(code for code in phonenumbers.SUPPORTED_REGIONS if code in names)


COUNTRIES = _known_countries()


@dataclass(frozen=True)
class Source:
    url: str
    date: str | None


@dataclass(frozen=True)
class Channel:
    type: str
    value: str
    e164: str | None
    label: dict[str, str] | None
    confidence: str
    sources: tuple[Source, ...]

    @property
    def dialled(self) -> str | None:
        """What a phone dials or messages: E.164 where there is one, else the short number's digits."""
        if self.type not in CALLABLE_TYPES:
            return None
        return self.e164 or re.sub(r"\D", "", self.value)

    @property
    def href(self) -> str | None:
        """The link a phone opens: tel: in E.164, wa.me, mailto:, or the web address."""
        if self.type == "phone":
            return f"tel:{self.e164}"
        if self.type == "sms":
            return f"sms:{self.dialled}"
        if self.type == "whatsapp":
            return f"https://wa.me/{(self.e164 or '').lstrip('+')}"
        if self.type in DIALLED_TYPES:
            return f"tel:{self.dialled}"
        if self.type == "email":
            return f"mailto:{self.value}"
        if self.type in ("web", "app") and _looks_like_web(self.value):
            return self.value if "://" in self.value else f"https://{self.value}"
        return None


@dataclass(frozen=True)
class Contact:
    id: str
    kind: str
    name: dict[str, str]
    purpose: dict[str, str]
    scope: str
    countries: tuple[str, ...]  # ISO 3166 alpha-2 codes: a mission's country (or several)
    city: str | None
    province: str | None
    regency: str | None
    hours: dict[str, str] | None
    channels: tuple[Channel, ...]
    sources: tuple[Source, ...]
    checked: dt.date
    confidence: str
    notes: dict[str, str] | None

    def listed(self, medium: str = "web") -> bool:
        """The entry itself (name, purpose, region, sources) may appear on the website or on paper."""
        return self.confidence in MEDIA[medium]

    def channels_for(self, medium: str) -> list[Channel]:
        """The channels that may appear on the website ("web") or on paper ("print")."""
        allowed = MEDIA[medium]
        if self.confidence not in allowed:
            return []
        return [c for c in self.channels if c.confidence in allowed]

    def numbers_for(self, medium: str) -> list[Channel]:
        """The published channels a phone can call or message."""
        return [c for c in self.channels_for(medium) if c.type in CALLABLE_TYPES]

    def sources_for(self, medium: str) -> list[Source]:
        """The entry's sources and those of the channels shown, without repeats."""
        seen, out = set(), []
        for source in (*self.sources, *(s for c in self.channels_for(medium) for s in c.sources)):
            if source.url not in seen:
                seen.add(source.url)
                out.append(source)
        return out

    def newest_source(self, medium: str = "web") -> str | None:
        """The date of the newest source of what is shown (YYYY, YYYY-MM or YYYY-MM-DD, as the source
        gives it), or None when no source shown is dated."""
        dates = [s.date for s in self.sources_for(medium) if s.date]
        return max(dates, key=source_period_end) if dates else None

    def needs_caution(self) -> bool:
        """A caution for the whole card: the entry, or everything it shows, rests on one source.
        (A single-source channel beside confirmed ones is marked on its own line instead.)"""
        shown = self.channels_for("web")
        return self.confidence == "single-source" or bool(shown) and all(c.confidence == "single-source" for c in shown)


def source_period_end(value: str) -> dt.date:
    """The last day a source's date can mean: 2024 -> 31 December 2024, 2024-08 -> 31 August 2024."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    year, month = parts[0], parts[1] if len(parts) == 2 else 12
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _looks_like_web(value: str) -> bool:
    return bool(re.match(r"^(https?://)?[a-z0-9.-]+\.[a-z]{2,}(/\S*)?$", value, re.I))


def parse_sources(value, rel: str, field: str) -> tuple[Source, ...]:
    if not isinstance(value, list) or not value:
        raise BuildError(rel, field, "at least one source is required")
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            raise BuildError(rel, f"{field}[{i}]", "must have a url and a date")
        url = require_text(item.get("url"), rel, f"{field}[{i}].url")
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise BuildError(rel, f"{field}[{i}].url", f"is not a web address: {url!r}")
        date = item.get("date")
        if date is not None:
            date = str(date)
            if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date):
                raise BuildError(rel, f"{field}[{i}].date", f"must be YYYY-MM-DD, YYYY-MM, YYYY or null, not {date!r}")
        out.append(Source(url=url, date=date))
    return tuple(out)


def _confidence(value, rel: str, field: str) -> str:
    if value not in CONFIDENCE:
        raise BuildError(rel, field, f"must be one of {', '.join(CONFIDENCE)}, not {value!r}")
    return value


def _channel(item, rel: str, field: str, langs: list[str], countries: tuple[str, ...]) -> Channel:
    if not isinstance(item, dict):
        raise BuildError(rel, field, "must be a mapping")
    kind = item.get("type")
    if kind not in CHANNEL_TYPES:
        raise BuildError(rel, f"{field}.type", f"must be one of {', '.join(CHANNEL_TYPES)}, not {kind!r}")
    value = require_text(str(item.get("value") or ""), rel, f"{field}.value")
    e164 = item.get("e164")
    confidence = _confidence(item.get("confidence"), rel, f"{field}.confidence")
    # A number that may be published must have its E.164 form; any E.164 given is always checked.
    if (kind in NUMBER_TYPES and (confidence in WEB or e164 is not None)) or (kind == "sms" and e164 is not None):
        e164 = check_number(value, e164, rel, field, countries)
    elif kind in NUMBER_TYPES:
        pass
    elif kind == "sms" and confidence in WEB and not re.fullmatch(r"[0-9]{3,6}", value):
        raise BuildError(rel, f"{field}.e164", "an SMS number needs its E.164 form (only short codes have none)")
    elif e164 is not None:
        raise BuildError(rel, f"{field}.e164", f"a {kind} channel has no E.164 number")
    if kind in DIALLED_TYPES and confidence in WEB:
        check_dialled(kind, value, rel, f"{field}.value")
    if kind == "email" and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", value, re.I):
        raise BuildError(rel, f"{field}.value", f"is not an email address: {value!r}")
    label = item.get("label")
    if label is not None:
        label = require_bilingual(label, rel, f"{field}.label", langs)
    return Channel(
        type=kind,
        value=value,
        e164=e164,
        label=label,
        confidence=confidence,
        sources=parse_sources(item.get("sources"), rel, f"{field}.sources"),
    )


def check_dialled(kind: str, value: str, rel: str, field: str) -> None:
    """A short code or a toll-free number: digits as printed, and really short (or really 0800)."""
    if not re.fullmatch(r"[0-9][0-9 -]{1,14}", value):
        raise BuildError(rel, field, f"a {kind} number must be digits (with - or spaces), not {value!r}")
    digits = re.sub(r"\D", "", value)
    if kind == "shortcode" and not 3 <= len(digits) <= 7:
        raise BuildError(
            rel,
            field,
            f"{value!r} is not a short code (3 to 7 digits): "
            "declare a full number as type phone or whatsapp, with its e164",
        )
    if kind == "tollfree" and not (digits.startswith("0800") and 7 <= len(digits) <= 12):
        raise BuildError(rel, field, f"{value!r} is not an Indonesian toll-free number (0800...)")


def check_number(value: str, e164, rel: str, field: str, countries: tuple[str, ...]) -> str:
    """E.164 must be a valid number, and the number as published must be the same number."""
    if e164 is None and re.fullmatch(r"[0-9][0-9 -]{1,8}", value) and len(re.sub(r"\D", "", value)) <= 7:
        raise BuildError(
            rel,
            f"{field}.type",
            f"{value!r} looks like a short code: declare it as "
            "type shortcode (or tollfree), not as a phone or WhatsApp number",
        )
    if not isinstance(e164, str) or not e164.startswith("+"):
        raise BuildError(rel, f"{field}.e164", f"an E.164 number (+<country><number>) is required, got {e164!r}")
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException as exc:
        raise BuildError(rel, f"{field}.e164", f"cannot be parsed: {exc}") from None
    if phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) != e164:
        raise BuildError(rel, f"{field}.e164", f"is not in E.164 form: {e164!r}")
    if not phonenumbers.is_valid_number(parsed):
        raise BuildError(rel, f"{field}.e164", f"is not a valid phone number: {e164!r}")
    # The published value may be international (+...) or national (0...) in the contact's country.
    region = phonenumbers.region_code_for_number(parsed)
    try:
        published = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        raise BuildError(rel, f"{field}.value", f"cannot be read as a phone number: {value!r}") from None
    if (published.country_code, published.national_number) != (parsed.country_code, parsed.national_number):
        raise BuildError(rel, f"{field}.value", f"{value!r} is not the same number as e164 {e164!r}")
    return e164


def load_contacts(path: Path, root: Path, langs: list[str]) -> list[Contact]:
    rel = relpath(path, root)
    raw = load_yaml(path, root)
    items = require_list(raw, "contacts", rel)
    seen: set[str] = set()
    contacts = []
    for i, item in enumerate(items):
        field = f"contacts[{i}]"
        if not isinstance(item, dict):
            raise BuildError(rel, field, "must be a mapping")
        cid = item.get("id")
        if not isinstance(cid, str) or not _ID.match(cid):
            raise BuildError(rel, f"{field}.id", f"must be like NAT-01 (capitals, digits, hyphens), not {cid!r}")
        field = f"contacts[{i}] ({cid})"
        if cid in seen:
            raise BuildError(rel, f"{field}.id", "duplicate id")
        seen.add(cid)
        kind = item.get("kind")
        if kind not in KINDS:
            raise BuildError(rel, f"{field}.kind", f"must be one of {', '.join(KINDS)}, not {kind!r}")
        region = item.get("region")
        if not isinstance(region, dict):
            raise BuildError(rel, f"{field}.region", "is missing")
        scope = region.get("scope")
        if scope not in SCOPES:
            raise BuildError(rel, f"{field}.region.scope", f"must be one of {', '.join(SCOPES)}, not {scope!r}")
        country = region.get("country")
        countries = tuple(country) if isinstance(country, list) else (country,) if country is not None else ()
        if scope == "country" and not countries:
            raise BuildError(rel, f"{field}.region.country", "is required for scope country")
        if scope not in KIND_SCOPES[kind]:
            raise BuildError(
                rel,
                f"{field}.region.scope",
                f"a {kind} contact has scope {' or '.join(KIND_SCOPES[kind])}, not {scope!r}",
            )
        for code in countries:
            if not (isinstance(code, str) and code in COUNTRIES):
                raise BuildError(rel, f"{field}.region.country", f"unknown country code {code!r} (ISO 3166 alpha-2)")
        if len(set(countries)) != len(countries):
            raise BuildError(rel, f"{field}.region.country", "lists a country twice")
        if scope in ("province", "regency"):
            province = require_text(region.get("province"), rel, f"{field}.region.province")
            if province not in PROVINCES:
                raise BuildError(
                    rel,
                    f"{field}.region.province",
                    f"unknown province {province!r} (write it as in the official list, e.g. 'Jawa Timur')",
                )
        elif region.get("province") is not None:
            raise BuildError(rel, f"{field}.region.province", f"a {scope} contact has no province")
        if scope == "regency":
            require_text(region.get("regency"), rel, f"{field}.region.regency")
        channels = item.get("channels")
        if channels is None or not isinstance(channels, list):
            raise BuildError(rel, f"{field}.channels", "must be a list (empty when nothing is known)")
        checked = item.get("checked")
        if isinstance(checked, dt.datetime) or not isinstance(checked, dt.date):
            raise BuildError(rel, f"{field}.checked", "must be a date YYYY-MM-DD")
        hours = item.get("hours")
        notes = item.get("notes")
        contacts.append(
            Contact(
                id=cid,
                kind=kind,
                name=require_bilingual(item.get("name"), rel, f"{field}.name", langs),
                purpose=require_bilingual(item.get("purpose"), rel, f"{field}.purpose", langs),
                scope=scope,
                countries=countries,
                city=region.get("city"),
                province=region.get("province"),
                regency=region.get("regency"),
                hours=require_bilingual(hours, rel, f"{field}.hours", langs) if hours is not None else None,
                channels=tuple(
                    _channel(c, rel, f"{field}.channels[{j}]", langs, countries) for j, c in enumerate(channels)
                ),
                sources=parse_sources(item.get("sources"), rel, f"{field}.sources"),
                checked=checked,
                confidence=_confidence(item.get("confidence"), rel, f"{field}.confidence"),
                notes=require_bilingual(notes, rel, f"{field}.notes", langs) if notes is not None else None,
            )
        )
    return contacts


def country_name(code: str, lang: str) -> str:
    return Locale(lang).territories.get(code, code)


def province_name(province: str, lang: str) -> str:
    """The province as written in Indonesian; on other pages with the English name first."""
    english = PROVINCES.get(province, province)
    if lang == "id" or english == province:
        return province
    return f"{english} ({province})"


def missing_note(contact: Contact, medium: str) -> str | None:
    """Which plain note a contact card needs when a way to reach the office is missing:

    - "in-person-address" / "in-person": a regional office with no confirmed number (go there; with
      the address when one is published);
    - "mission-none": a mission with no number to call or message (a web form or an address alone
      does not help someone in trouble: use the Foreign Ministry's channels);
    - "none": any other entry with nothing publishable."""
    shown = contact.channels_for(medium)
    if contact.kind == "regional":
        if any(c.confidence == "confirmed" for c in contact.numbers_for(medium)):
            return None
        return "in-person-address" if any(c.type == "address" for c in shown) else "in-person"
    if contact.kind == "mission":
        return None if contact.numbers_for(medium) else "mission-none"
    return None if shown else "none"
