"""The publication rule, for prose: no phone number or email address is typed into a content page.

Every number and address a reader sees comes from data/contacts.yml, through a `jr:contacts` marker,
where it has sources, a date and a confidence. A page that types one stops the build, naming the file
and the line, so that an unchecked number can never reach a reader by way of the prose.
"""

from __future__ import annotations

import re

from jalur.content.marker_syntax import FENCE
from jalur.core.errors import BuildError

# Phone-like: international numbers, Indonesian numbers with a leading 0 and separators
# ("0811-8080-141", "(021) 29681560", "0-800-1000", "021-129"), or a long run of digits ("08117892601").
# Times ("08.00-16.00"), dates (2026-03-17) and amounts (Rp1.500.000) do not match.
PHONE_LIKE = re.compile(
    r"""
      \+\d[\d ().-]{5,}\d                      # +62 812 9007 0027, +962-7-7915-0407
    | \(0\d{1,4}\)\s?\d[\d -]{3,}\d            # (021) 29681560
    | (?<![\d.,/])0\d{0,4}[ -]\d[\d -]{1,}\d   # 0811-8080-141, 0-800-1000, 021-129
    | (?<![\d.,/])0\d{8,}(?!\d)                # 08117892601
    """,
    re.X,
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_LINK_TARGET = re.compile(r"\]\(([^)\s]*)[^)]*\)")
_CONTACT_LINK = re.compile(r"""(\b(tel|sms|mailto):|https?://(wa\.me|api\.whatsapp\.com)/\d)[^\s)"'>]*""", re.I)
_TAG = re.compile(r"<[^>]*>")


def typed_contact(line: str) -> str | None:
    """The phone number, email address or contact link typed into one line of Markdown, if any."""
    link = _CONTACT_LINK.search(line)  # tel:, sms:, mailto: or a WhatsApp number, in a link or a tag
    if link:
        return link.group(0)
    text = _TAG.sub(" ", _LINK_TARGET.sub("]", line))  # what a reader reads: no link targets, no tags
    found = PHONE_LIKE.search(text) or EMAIL.search(text)
    return found.group(0).strip() if found else None


def check_no_typed_contacts(body: str, rel: str, first_line: int) -> None:
    """Stop the build at the first typed contact in a page's body (code blocks are left alone)."""
    in_fence = False
    for offset, line in enumerate(body.split("\n")):
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence or line.lstrip().startswith("<!-- jr:"):
            continue
        found = typed_contact(line)
        if found:
            raise BuildError(
                rel,
                f"line {first_line + offset}",
                f"{found!r} is a phone number or email address typed into the page: every contact comes "
                "from data/contacts.yml through a <!-- jr:contacts ... --> marker (docs/contacts.md)",
            )
