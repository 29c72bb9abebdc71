"""Contact cards: what jalur/models/contact_choice.py chose, as Markdown and HTML for a page or paper
(templates/contacts.md.j2). The pages, the checklist and the leaflets all draw their cards here."""

from __future__ import annotations

import datetime as dt
import math

import jinja2
from babel.dates import format_date, format_skeleton

from jalur.models.contact_choice import Shown
from jalur.models.contact_freshness import OLD_SOURCE_MONTHS, source_is_old
from jalur.models.contacts import Contact, country_name, missing_note


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


# Characters on a line of a card in a two-column layout: only used to weigh cards against each other.
LINE_CHARS = 40


def card_lines(contact: Contact, lang: str, purpose: bool) -> int:
    """About how many lines a printed card takes (name, purpose, one per channel, hours)."""

    def lines(text: str) -> int:
        return max(1, math.ceil(len(text) / LINE_CHARS))

    total = 1 + lines(contact.name[lang])  # the name, and the card's frame and padding
    if purpose:
        total += lines(contact.purpose[lang])
    total += sum(lines(f"{c.value} {c.label[lang] if c.label else ''}") for c in contact.channels_for("print"))
    if contact.hours:
        total += lines(contact.hours[lang])
    return total


def two_columns(contacts: tuple[Contact, ...], lang: str, purpose: bool) -> tuple[tuple[Contact, ...], ...]:
    """The cards in two columns, in order (down the first, then down the second), split where the
    columns come out most nearly the same length. Paper lays out two fixed columns far faster than
    CSS columns, which WeasyPrint balances by laying the content out again and again (the contacts
    leaflet took 4 s that way, 0.2 s like this)."""
    if len(contacts) < 2:
        return (contacts,)
    weights = [card_lines(c, lang, purpose) for c in contacts]
    total = sum(weights)
    # The first column is never the shorter one by more than a card, as with CSS columns.
    split = min(range(1, len(contacts)), key=lambda k: (abs(total - 2 * sum(weights[:k])), -k))
    return contacts[:split], contacts[split:]


def contact_cards(
    env: jinja2.Environment,
    lang: str,
    shown: Shown,
    today: dt.date | None = None,
    columns: int = 1,
    purpose: bool = True,
    sources: bool = True,
) -> str:
    """The cards of `shown`, grouped and headed as chosen; a note first when the ministry's channels
    stand in for a destination's mission. Paper only: `columns=2` sets each group's cards in two
    columns; `purpose=False` leaves out their "what for" line, `sources=False` the line with their
    dates and source links (a printed page cannot follow a link)."""
    if columns not in (1, 2):
        raise ValueError(f"columns must be 1 or 2, not {columns}")
    if shown.medium == "web" and (columns != 1 or not purpose or not sources):
        raise ValueError("the website's cards are whole: columns, purpose and sources are for paper")
    return env.get_template("contacts.md.j2").render(
        groups=shown.groups,
        show_purpose=purpose,
        show_sources=sources,
        columns_of=(lambda cs: two_columns(cs, lang, purpose)) if columns == 2 else (lambda cs: (cs,)),
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


def call_buttons(env: jinja2.Environment, lang: str, shown: Shown, today: dt.date | None = None) -> str:
    """Only the call buttons of the contacts `shown` (for its medium): a page's first screen, the
    checklist's situations."""
    return env.get_template("call_buttons.md.j2").render(
        contacts=shown.contacts,
        medium=shown.medium,
        lang=lang,
        old_source=lambda contact: source_is_old(contact, today or dt.date.today()),
        old_source_months=OLD_SOURCE_MONTHS,
    )
