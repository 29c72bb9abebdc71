"""`<!-- jr:leaflets -->`: the printable leaflets on cetak/, one section per leaflet and a card per
language with a preview of page 1, its size, the PDF and its HTML twin.

The build makes the leaflets before it stages the pages, so the list is written with the real sizes;
a preview (`make serve`), which makes no leaflets, shows a short note instead.
"""

from __future__ import annotations

from jalur.content.context import MarkerContext
from jalur.core.urls import LEAFLETS_DIR, page_url, relative_url


def render_leaflet_list(args: dict[str, str], ctx: MarkerContext) -> str:
    if args:
        raise ctx.error("jr:leaflets", "takes no arguments")
    if ctx.leaflets is None:
        return "<!-- jr:leaflets: the leaflets are listed here by the full build (make site) -->"
    here = f"{ctx.lang}/{page_url(ctx.page)}"
    names = {lang.code: lang.name for lang in ctx.data.languages}
    groups: dict[str, list[dict]] = {}
    for built in ctx.leaflets:
        edition = built.edition
        folder = relative_url(here, f"{edition.lang}/{LEAFLETS_DIR}/{edition.slug}/")
        groups.setdefault(edition.slug, []).append(
            {
                "built": built,
                "lang_name": names[edition.lang],
                "twin": folder,
                "pdf": f"{folder}{edition.pdf_name}",
                "preview": f"{folder}preview.png",
                "kb": max(1, round(built.bytes / 1024)),
            }
        )
    listed = []
    for entries in groups.values():
        entries.sort(key=lambda e: e["built"].edition.lang != ctx.lang)  # the reader's language first
        title = next(
            (e["built"].title for e in entries if e["built"].edition.lang == ctx.lang), entries[0]["built"].title
        )
        listed.append((title, entries))
    return ctx.env.get_template("leaflets/list.md.j2").render(groups=listed).strip()
