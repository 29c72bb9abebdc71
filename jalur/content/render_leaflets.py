"""`<!-- jr:leaflets -->`: the printable leaflets on cetak/, one section per leaflet and a card per
language with a preview of page 1, its size, the PDF and its HTML twin; then the editions of the local
offices (data/offices/), by province, then by office.

The build makes the leaflets before it stages the pages, so the list is written with the real sizes;
a preview (`make serve`), which makes no leaflets, shows a short note instead.
"""

from __future__ import annotations

from jalur.content.context import MarkerContext
from jalur.core.urls import leaflets_url, page_url, relative_url
from jalur.models.contacts import province_name
from jalur.models.leaflets import Built


def _groups(built: list[Built], ctx: MarkerContext) -> list[tuple[str, list[dict]]]:
    """(title in this page's language, a card per language), one group per leaflet edition."""
    here = f"{ctx.lang}/{page_url(ctx.page)}"
    names = {lang.code: lang.name for lang in ctx.data.languages}
    groups: dict[str, list[dict]] = {}
    for item in built:
        edition = item.edition
        folder = relative_url(here, leaflets_url(edition.lang, edition.slug))
        groups.setdefault(edition.slug, []).append(
            {
                "built": item,
                "lang_name": names[edition.lang],
                "twin": folder,
                "pdf": f"{folder}{edition.pdf_name}",
                "preview": f"{folder}preview.png",
                "kb": max(1, round(item.bytes / 1024)),
            }
        )
    listed = []
    for entries in groups.values():
        entries.sort(key=lambda e: e["built"].edition.lang != ctx.lang)  # the reader's language first
        title = next(
            (e["built"].title for e in entries if e["built"].edition.lang == ctx.lang), entries[0]["built"].title
        )
        listed.append((title, entries))
    return listed


def render_leaflet_list(args: dict[str, str], ctx: MarkerContext) -> str:
    if args:
        raise ctx.error("jr:leaflets", "takes no arguments")
    if ctx.leaflets is None:
        return "<!-- jr:leaflets: the leaflets are listed here by the full build (make site) -->"
    generic = [b for b in ctx.leaflets if b.edition.office is None]
    by_office: dict[str, list[Built]] = {}
    for b in ctx.leaflets:
        if b.edition.office is not None:
            by_office.setdefault(b.edition.office.id, []).append(b)
    here = f"{ctx.lang}/{page_url(ctx.page)}"
    provinces: dict[str, list[tuple[str, str, list]]] = {}  # (office name, its page, its editions)
    for office in sorted(
        (items[0].edition.office for items in by_office.values() if items[0].edition.office),
        key=lambda o: (province_name(o.province, ctx.lang).casefold(), o.name[ctx.lang].casefold()),
    ):
        office_page = relative_url(here, leaflets_url(ctx.lang, office.id))
        provinces.setdefault(province_name(office.province, ctx.lang), []).append(
            (office.name[ctx.lang], office_page, _groups(by_office[office.id], ctx))
        )
    return (
        ctx.env.get_template("leaflets/list.md.j2")
        .render(groups=_groups(generic, ctx), provinces=list(provinces.items()))
        .strip()
    )
