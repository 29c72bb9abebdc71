"""Contacts due a re-check: every contact shown on the website whose `checked` date is too old.

    python -m jalur contacts-check [--max-age-months 12] [--today YYYY-MM-DD] [--file data/contacts.yml]

Prints one line per stale contact and exits 1 when there is any (0 when all are fresh, 2 when the file
itself is bad). `make contacts-check` runs it. The site build only warns about the same contacts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from jalur.core.errors import BuildError, relpath
from jalur.core.project import ROOT, Project
from jalur.models.contact_freshness import DEFAULT_MAX_AGE_MONTHS, months_before, stale
from jalur.models.contacts import load_contacts
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
    due = stale(contacts, today, args.max_age_months)
    cutoff = months_before(today, args.max_age_months)
    rel = relpath(path, project.root)
    if not due:
        print(
            f"{rel}: every published contact was checked on or after {cutoff.isoformat()} "
            f"(within {args.max_age_months} months of {today.isoformat()})"
        )
        return 0
    print(
        f"{rel}: {len(due)} published contact(s) last checked before {cutoff.isoformat()} "
        f"(more than {args.max_age_months} months before {today.isoformat()}):"
    )
    for contact in sorted(due, key=lambda c: (c.checked, c.id)):
        print(
            f"  {contact.id:<12} checked {contact.checked.isoformat()}  {contact.confidence:<13}  {contact.name['en']}"
        )
    print("Check each one against its sources (or a newer one), then update `checked` (see docs/contacts.md).")
    return 1


if __name__ == "__main__":
    sys.exit(main())
