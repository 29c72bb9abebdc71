"""Downloads of the published contacts, written into every language's site after the MkDocs builds:

    site/<lang>/kontak/unduh/hotline-nasional.vcf   vCard 3.0: the national hotlines, for a phone's contacts
    site/<lang>/kontak/unduh/kontak.json            open data: every published contact (both languages)
    site/<lang>/kontak/unduh/kontak.csv             the same, one row per channel

Which contacts go in is decided by jalur/models/contact_choice.py, as for the pages. JSON and CSV hold
exactly what the website shows (confirmed and single-source, each marked with its confidence); the
vCard follows the paper rule (confirmed only), because an address book shows no caution. Unconfirmed
and conflicting channels and entries are never written. The maintainers' notes (`notes`) are not published.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import jinja2
from babel.dates import format_date

from jalur.content.contact_cards import source_month
from jalur.core.urls import CONTACT_DOWNLOADS, CONTACT_DOWNLOADS_DIR
from jalur.models.contact_choice import contacts_shown, vcard_contacts
from jalur.models.contacts import Channel, Contact, Source
from jalur.models.sitedata import SiteData

VCARD_TEL_TYPES = {"phone": "VOICE", "tollfree": "VOICE", "shortcode": "VOICE", "whatsapp": "CELL", "sms": "MSG"}
MEDIUM = "web"  # JSON and CSV: what the website shows


def write_downloads(data: SiteData, out: Path, envs: dict[str, jinja2.Environment]) -> list[Path]:
    """Write the three downloads into out/<lang>/kontak/unduh/ for every language; return the files."""
    codes = data.language_codes
    contacts = data.contacts
    data_json = to_json(contacts, codes)
    data_csv = to_csv(contacts, codes)
    written = []
    for lang in data.languages:
        folder = out / lang.code / CONTACT_DOWNLOADS_DIR
        folder.mkdir(parents=True, exist_ok=True)
        files = {
            CONTACT_DOWNLOADS["vcard"]: to_vcard(contacts, lang.code, envs[lang.code]).encode("utf-8"),
            CONTACT_DOWNLOADS["json"]: data_json.encode("utf-8"),
            CONTACT_DOWNLOADS["csv"]: data_csv.encode("utf-8"),
        }
        for name, content in files.items():
            (folder / name).write_bytes(content)
            written.append(folder / name)
    return written


# --- Open data: JSON and CSV --------------------------------------------------------------------


def _sources(sources: list[Source] | tuple[Source, ...]) -> list[dict]:
    return [{"url": s.url, "date": s.date} for s in sources]


def _channel(channel: Channel) -> dict:
    return {
        "type": channel.type,
        "value": channel.value,
        "e164": channel.e164,
        "link": channel.href,
        "label": channel.label,
        "confidence": channel.confidence,
        "sources": _sources(channel.sources),
    }


def contact_record(contact: Contact) -> dict:
    """One published contact as open data: only what the website shows."""
    return {
        "id": contact.id,
        "kind": contact.kind,
        "confidence": contact.confidence,
        "checked": contact.checked.isoformat(),
        "newest_source": contact.newest_source(MEDIUM),
        "name": contact.name,
        "purpose": contact.purpose,
        "hours": contact.hours,
        "region": {
            "scope": contact.scope,
            "countries": list(contact.countries),
            "province": contact.province,
            "regency": contact.regency,
            "city": contact.city,
        },
        "channels": [_channel(c) for c in contact.channels_for(MEDIUM)],
        "sources": _sources(contact.sources),
    }


def shown_on_web(contacts: list[Contact], langs: list[str]) -> tuple[Contact, ...]:
    """Every contact the website may show, in the order of the data file."""
    return contacts_shown(contacts, MEDIUM, langs[0]).contacts


def to_json(contacts: list[Contact], langs: list[str]) -> str:
    document = {
        "title": "Jalur Resmi: published help contacts for Indonesian migrant workers",
        "publication_rule": "Only contacts and channels confirmed by two or more sources (confidence "
        "'confirmed') or by one source ('single-source': check before you rely on it). "
        "Unconfirmed and conflicting numbers are left out.",
        "dates": "checked: the day the entry was last compared with its published sources (a desk check; "
        "the numbers were not called). newest_source: the date of its newest source (YYYY, YYYY-MM or "
        "YYYY-MM-DD, as the source gives it), or null when no source is dated.",
        "languages": langs,
        "contacts": [contact_record(c) for c in shown_on_web(contacts, langs)],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def csv_columns(langs: list[str]) -> list[str]:
    def per_lang(name: str) -> list[str]:
        return [f"{name}_{code}" for code in langs]

    return [
        "id",
        "kind",
        "confidence",
        "checked",
        "newest_source",
        *per_lang("name"),
        *per_lang("purpose"),
        *per_lang("hours"),
        "scope",
        "countries",
        "province",
        "regency",
        "city",
        "channel_type",
        "channel_value",
        "channel_e164",
        "channel_link",
        *per_lang("channel_label"),
        "channel_confidence",
        "channel_sources",
        "channel_source_dates",
        "sources",
        "source_dates",
    ]


def _urls(sources) -> str:
    return " ".join(s.url for s in sources)


def _dates(sources) -> str:
    return " ".join(s.date or "-" for s in sources)


def csv_rows(contacts: list[Contact], langs: list[str]) -> list[dict[str, str]]:
    """One row per published channel; a contact without one gets a single row with empty channel fields."""
    rows = []
    for contact in shown_on_web(contacts, langs):
        base = {
            "id": contact.id,
            "kind": contact.kind,
            "confidence": contact.confidence,
            "checked": contact.checked.isoformat(),
            "newest_source": contact.newest_source(MEDIUM) or "",
            "scope": contact.scope,
            "countries": " ".join(contact.countries),
            "province": contact.province or "",
            "regency": contact.regency or "",
            "city": contact.city or "",
            "sources": _urls(contact.sources),
            "source_dates": _dates(contact.sources),
        }
        for code in langs:
            base[f"name_{code}"] = contact.name[code]
            base[f"purpose_{code}"] = contact.purpose[code]
            base[f"hours_{code}"] = contact.hours[code] if contact.hours else ""
        channels: list[Channel | None] = [*contact.channels_for(MEDIUM)] or [None]
        for channel in channels:
            row = dict(base)
            row.update(
                {
                    "channel_type": "",
                    "channel_value": "",
                    "channel_e164": "",
                    "channel_link": "",
                    "channel_confidence": "",
                    "channel_sources": "",
                    "channel_source_dates": "",
                }
            )
            for code in langs:
                row[f"channel_label_{code}"] = ""
            if channel is not None:
                row.update(
                    {
                        "channel_type": channel.type,
                        "channel_value": channel.value,
                        "channel_e164": channel.e164 or "",
                        "channel_link": channel.href or "",
                        "channel_confidence": channel.confidence,
                        "channel_sources": _urls(channel.sources),
                        "channel_source_dates": _dates(channel.sources),
                    }
                )
                for code in langs:
                    row[f"channel_label_{code}"] = channel.label[code] if channel.label else ""
            rows.append(row)
    return rows


def to_csv(contacts: list[Contact], langs: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=csv_columns(langs), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(csv_rows(contacts, langs))
    return buffer.getvalue()


# --- vCard 3.0 (RFC 2426) -----------------------------------------------------------------------


def vcard_escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line at `limit` octets (continuation lines start with a space), never inside a
    UTF-8 character."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def to_vcard(contacts: list[Contact], lang: str, env: jinja2.Environment) -> str:
    """One vCard per national hotline, in `lang`: its confirmed numbers (as dialled), emails and web
    addresses, and a note with the purpose, hours, the month of its newest source and the date it was
    last compared with its sources."""
    words: Any = env.get_template("contacts_vcard.txt.j2").module  # the template's {% set %} names
    cards = []
    for contact in vcard_contacts(contacts, lang):
        name = contact.name[lang]
        lines = [
            "BEGIN:VCARD",
            "VERSION:3.0",
            "PRODID:-//Jalur Resmi//contacts//EN",
            f"UID:jalur-resmi-{contact.id}",
            f"FN:{vcard_escape(name)}",
            f"N:{vcard_escape(name)};;;;",
            f"ORG:{vcard_escape(name)}",
            "X-ABShowAs:COMPANY",
            f"CATEGORIES:{vcard_escape(str(words.CATEGORY))}",
        ]
        item = 0
        for channel in contact.channels_for("print"):
            if channel.type in VCARD_TEL_TYPES:
                item += 1
                label = channel.label[lang] if channel.label else str(words.TYPES[channel.type])
                lines.append(f"item{item}.TEL;TYPE={VCARD_TEL_TYPES[channel.type]}:{channel.dialled}")
                lines.append(f"item{item}.X-ABLabel:{vcard_escape(label)}")
            elif channel.type == "email":
                lines.append(f"EMAIL;TYPE=INTERNET:{channel.value}")
            elif channel.type == "web" and channel.href:
                lines.append(f"URL:{channel.href}")
        note = contact.purpose[lang]
        if contact.hours:
            note += f" {words.HOURS}: {contact.hours[lang]}."
        newest = contact.newest_source("print")
        if newest:
            note += f" {words.NEWEST}: {source_month(newest, lang)}."
        note += f" {words.COMPARED}: {format_date(contact.checked, 'long', locale=lang)}."
        lines.append(f"NOTE:{vcard_escape(note)}")
        lines.append(f"REV:{contact.checked.isoformat()}")
        lines.append("END:VCARD")
        cards.append("\r\n".join(fold(line) for line in lines))
    return "\r\n".join(cards) + "\r\n"
