"""Sharing to WhatsApp, and the quick-exit control for pages a watched reader may need to leave fast.

- Every guide page ends with a "Share on WhatsApp" link: the page title, its one-line description and
  its address, as a https://wa.me/?text=… link the reader follows (nothing is sent by the site).
- `<!-- jr:share-list -->` after a list makes that list shareable as text that stands on its own: the
  nearest heading above it, the items, and the page address.
- Pages with `quick_exit: true` in their front matter get a "Quick exit" link in the header
  (overrides/partials/header.html, labelled by jalur/content/stage.py) and a short note on hiding the visit.
"""

from __future__ import annotations

import re

import jinja2

from jalur.content.context import MarkerContext
from jalur.core.urls import public_url, whatsapp_share

_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+(.*)$")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*(\{[^}]*\})?\s*$")


def plain(markdown: str) -> str:
    """Inline Markdown to plain text for a message: link text without targets, no emphasis marks."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"(\*\*|__|\*|_|`)", "", text).strip()


def share_block(env: jinja2.Environment, title: str, description: str, url: str) -> str:
    text = f"{title}\n{description}\n{url}"
    return env.get_template("share.md.j2").render(href=whatsapp_share(text))


def render_share_list(args: dict[str, str], ctx: MarkerContext) -> str:
    """`<!-- jr:share-list -->`: the list just above, shareable as a message of its own."""
    if args:
        raise ctx.error("jr:share-list", "takes no arguments")
    lines = ctx.before
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    start = end
    while start and (_ITEM.match(lines[start - 1]) or (lines[start - 1].startswith("    ") and start < end)):
        start -= 1
    items = [plain(m.group(1)) for m in map(_ITEM.match, lines[start:end]) if m]
    if not items:
        raise ctx.error("jr:share-list", "must follow a list (a blank line between them is fine)")
    heading = next((plain(m.group(1)) for m in map(_HEADING.match, reversed(lines[:start])) if m), "")
    url = public_url(ctx.data.site_url, ctx.lang, ctx.page)
    text = "\n".join([heading, *[f"- {item}" for item in items], url] if heading else [*items, url])
    return ctx.env.get_template("share_list.md.j2").render(href=whatsapp_share(text))
