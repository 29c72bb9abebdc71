"""Contact cards: what jalur/models/contact_choice.py chose, as Markdown and HTML for a page or paper
(templates/contacts.md.j2). The pages, the checklist and the leaflets all draw their cards here."""

from __future__ import annotations

import datetime as dt

import jinja2
from babel.dates import format_date, format_skeleton

from jalur.models.contact_choice import Shown
from jalur.models.contact_freshness import OLD_SOURCE_MONTHS, source_is_old
from jalur.models.contacts import country_name, missing_note


def source_date(value: str | None, lang: str) -> str:
    """A source's date (YYYY-MM-DD, YYYY-MM or YYYY) in the page's language; "" when unknown."""
    if not value:
        return ""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return format_date(dt.date(*parts), "long", locale=lang)
    if len(parts) == 2:
        return format_skeleton("yMMMM", dt.date(parts[0], parts[1], 1), locale=lang)
    return value


def source_month(value: str, lang: str) -> str:
    """A source's date as a reader needs it, the month: "Agustus 2024" (a bare year stays a year)."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return value
    return format_skeleton("yMMMM", dt.date(parts[0], parts[1], 1), locale=lang)


def contact_cards(env: jinja2.Environment, lang: str, shown: Shown, today: dt.date | None = None) -> str:
    """The cards of `shown`, grouped and headed as chosen; a note first when the ministry's channels
    stand in for a destination's mission."""
    return env.get_template("contacts.md.j2").render(
        groups=shown.groups,
        medium=shown.medium,
        missing_note=missing_note,
        source_date=lambda value: source_date(value, lang),
        source_month=lambda value: source_month(value, lang),
        old_source=lambda contact: source_is_old(contact, today or dt.date.today()),
        old_source_months=OLD_SOURCE_MONTHS,
        fallback=shown.fallback_for is not None,
        stand_ins=shown.stand_ins,
        country=country_name(shown.fallback_for, lang) if shown.fallback_for else None,
    )
