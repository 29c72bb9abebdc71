"""How current the contacts are, honestly:

- due a re-check: a contact shown on the website whose `checked` date (when its sources were last
  compared) is older than the allowed age (the build warns; `python -m jalur contacts-check` fails);
- old sources: a contact whose newest source is older than OLD_SOURCE_MONTHS, or has no date at all.
  Its card says so, and `contacts-check` lists it: a number published years ago may have changed.
"""

from __future__ import annotations

import datetime as dt

from jalur.models.contact_choice import contacts_shown
from jalur.models.contacts import Contact, source_period_end

DEFAULT_MAX_AGE_MONTHS = 12  # a contact is due a re-check after this long
OLD_SOURCE_MONTHS = 24  # a newest source older than this is marked on the card


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (the month's last day if it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def stale(contacts: list[Contact], today: dt.date, max_age_months: int = DEFAULT_MAX_AGE_MONTHS) -> list[Contact]:
    """Contacts shown on the website whose last check is more than max_age_months old."""
    cutoff = months_before(today, max_age_months)
    return [c for c in contacts_shown(contacts, "web", "en").contacts if c.checked < cutoff]


def stale_warnings(
    contacts: list[Contact], rel: str, today: dt.date | None = None, max_age_months: int = DEFAULT_MAX_AGE_MONTHS
) -> list[str]:
    """One line per contact due a re-check."""
    today = today or dt.date.today()
    return [
        f"{rel}: {c.id}: last checked {c.checked.isoformat()}, more than {max_age_months} months ago: "
        "check it again and update `checked` (make contacts-check)"
        for c in stale(contacts, today, max_age_months)
    ]


def source_is_old(contact: Contact, today: dt.date, months: int = OLD_SOURCE_MONTHS, medium: str = "web") -> bool:
    """The newest source of what the contact shows is older than `months`, or carries no date."""
    newest = contact.newest_source(medium)
    return newest is None or source_period_end(newest) < months_before(today, months)


def old_sources(contacts: list[Contact], today: dt.date, months: int = OLD_SOURCE_MONTHS) -> list[Contact]:
    """Contacts shown on the website whose newest source is older than `months` (or undated)."""
    return [c for c in contacts_shown(contacts, "web", "en").contacts if source_is_old(c, today, months)]
