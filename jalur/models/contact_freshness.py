"""Contacts due a re-check: every contact a reader can see on the website whose `checked` date is
older than the allowed age (the build warns; `python -m jalur contacts-check` fails on them)."""

from __future__ import annotations

import datetime as dt

from jalur.models.contact_choice import contacts_shown
from jalur.models.contacts import Contact

DEFAULT_MAX_AGE_MONTHS = 12  # a contact is due a re-check after this long


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
