"""Marker comments in content pages, replaced with Markdown rendered from data/.

A marker is an HTML comment alone on a line: `<!-- jr:NAME key=value key=value -->`
(jalur/content/marker_syntax.py). MARKERS below is the one table from a marker's name to its
renderer: adding a marker means writing its renderer and adding one line here. An unknown name or a
malformed marker stops the build.
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2

from jalur.content import marker_syntax
from jalur.content.context import MarkerContext
from jalur.content.render_checklist import render_checklist, render_checklist_explanations
from jalur.content.render_contacts import render_call_buttons, render_contacts, render_downloads
from jalur.content.render_glossary import render_glossary
from jalur.content.render_leaflets import render_leaflet_list
from jalur.content.render_offline import render_offline_download
from jalur.content.render_publisher import render_publisher
from jalur.content.share import render_share_list
from jalur.core.errors import BuildError
from jalur.models.leaflets import Built
from jalur.models.sitedata import SiteData

Renderer = Callable[[dict[str, str], MarkerContext], str]

MARKERS: dict[str, Renderer] = {
    "call-buttons": render_call_buttons,  # only the call buttons of ids= (a page's first screen)
    "checklist": render_checklist,  # the recruiter checklist (cek-perekrut/)
    "checklist-explanations": render_checklist_explanations,  # why each question matters (cek-perekrut/penjelasan/)
    "contacts": render_contacts,  # contact cards: ids=, country=, kind=
    "contacts-downloads": render_downloads,  # links to the vCard, JSON and CSV
    "glossary": render_glossary,  # the glossary table
    "leaflets": render_leaflet_list,  # the printable leaflets (cetak/)
    "offline-download": render_offline_download,  # the offline copy's zip
    "publisher": render_publisher,  # who publishes the site, where to send corrections
    "share-list": render_share_list,  # share the list above on WhatsApp
}


def replace_markers(
    body: str,
    rel: str,
    first_line: int,
    lang: str,
    env: jinja2.Environment,
    data: SiteData,
    page: str = "",
    leaflets: list[Built] | None = None,
) -> str:
    """Replace every marker line in `body`; `first_line` is the body's first line number in the file."""
    out: list[str] = []
    in_fence = False
    for offset, line in enumerate(body.split("\n")):
        number = first_line + offset
        if marker_syntax.FENCE.match(line):
            in_fence = not in_fence
        if in_fence or not marker_syntax.ANY_MARKER.search(line):
            out.append(line)
            continue
        parsed = marker_syntax.parse(line)
        if parsed is None:
            raise BuildError(
                rel,
                f"line {number}",
                f"malformed marker {line.strip()!r}: write it alone on its line as <!-- jr:NAME key=value -->",
            )
        name, args = parsed
        if name not in MARKERS:
            raise BuildError(
                rel,
                f"line {number}",
                f"unknown marker 'jr:{name}' (known: {', '.join('jr:' + k for k in sorted(MARKERS))})",
            )
        ctx = MarkerContext(
            lang=lang, rel=rel, page=page, line=number, env=env, data=data, before=out, leaflets=leaflets
        )
        out.append(MARKERS[name](args, ctx).rstrip("\n"))
    return "\n".join(out)
