"""Contacts due a re-check, and contacts whose sources are old.

    python -m jalur contacts-check [--max-age-months 12] [--max-source-age-months 24]
                                   [--today YYYY-MM-DD] [--file data/contacts.yml]

Lists every contact shown on the website that was last compared with its sources (`checked`) more
than --max-age-months ago, and every one whose newest source is older than --max-source-age-months
(or undated; its card on the site says so). Exits 1 when there is any (0 when none, 2 when the file
itself is bad). `make contacts-check` runs it. The site build only warns about the first list.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from jalur.core.errors import BuildError, relpath
from jalur.core.project import ROOT, Project
from jalur.models.contact_freshness import (
    DEFAULT_MAX_AGE_MONTHS,
    OLD_SOURCE_MONTHS,
    months_before,
    old_sources,
    stale,
)
from jalur.models.contacts import Contact, load_contacts
from jalur.models.languages import load_languages


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def _months(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(prog="python -m jalur contacts-check", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--max-age-months",
        type=_months,
        default=DEFAULT_MAX_AGE_MONTHS,
        help=f"a contact is stale when checked more than this many months ago (default {DEFAULT_MAX_AGE_MONTHS})",
    )
    parser.add_argument(
        "--max-source-age-months",
        type=_months,
        default=OLD_SOURCE_MONTHS,
        help=f"flag a contact whose newest source is older than this (default {OLD_SOURCE_MONTHS})",
    )
    parser.add_argument("--today", type=_date, default=None, help="the date to measure from (default: today)")
    parser.add_argument("--file", type=Path, default=None, help="the contacts file (default: data/contacts.yml)")
    args = parser.parse_args(argv)
    project = Project(root)
    path = args.file or project.data / "contacts.yml"
    today = args.today or dt.date.today()
    try:
        langs = [lang.code for lang in load_languages(project.data / "languages.yml", project.root)]
        contacts = load_contacts(path, project.root, langs)
    except BuildError as exc:
        print(f"contacts check stopped: {exc}", file=sys.stderr)
        return 2
    rel = relpath(path, project.root)
    due = report_due(
        rel,
        stale(contacts, today, args.max_age_months),
        months_before(today, args.max_age_months),
        args.max_age_months,
        today,
    )
    old = report_old_sources(
        rel,
        old_sources(contacts, today, args.max_source_age_months),
        months_before(today, args.max_source_age_months),
        args.max_source_age_months,
    )
    return 1 if due or old else 0


def report_due(rel: str, due: list[Contact], cutoff: dt.date, months: int, today: dt.date) -> bool:
    if not due:
        print(
            f"{rel}: every published contact was checked on or after {cutoff.isoformat()} "
            f"(within {months} months of {today.isoformat()})"
        )
        return False
    print(
        f"{rel}: {len(due)} published contact(s) last checked before {cutoff.isoformat()} "
        f"(more than {months} months before {today.isoformat()}):"
    )
    for contact in sorted(due, key=lambda c: (c.checked, c.id)):
        print(
            f"  {contact.id:<12} checked {contact.checked.isoformat()}  {contact.confidence:<13}  {contact.name['en']}"
        )
    print("Check each one against its sources (or a newer one), then update `checked` (see docs/contacts.md).")
    return True


def report_old_sources(rel: str, old: list[Contact], cutoff: dt.date, months: int) -> bool:
    if not old:
        print(f"{rel}: every published contact has a source dated on or after {cutoff.isoformat()}")
        return False
    print(
        f"{rel}: {len(old)} published contact(s) whose newest source is older than {months} months "
        f"(before {cutoff.isoformat()}) or undated; their cards say so:"
    )
    for contact in sorted(old, key=lambda c: (c.newest_source() or "", c.id)):
        print(f"  {contact.id:<12} newest source {contact.newest_source() or 'undated':<10}  {contact.name['en']}")
    print("Find a newer official source for each (or confirm the number with the office), then add it.")
    return True


if __name__ == "__main__":
    sys.exit(main())
