"""The contact markers (see docs/contacts.md):

    <!-- jr:contacts ids=NAT-01,NAT-04 -->      the named contacts, in that order
    <!-- jr:contacts country=HK -->             the missions in one destination (else the fallback)
    <!-- jr:contacts kind=national -->          every national channel
    <!-- jr:contacts kind=mission -->           the missions abroad, a heading per country
    <!-- jr:contacts kind=regional -->          the regional offices, a heading per province
    add medium=print for paper: confirmed channels only, no single-source ones
    <!-- jr:contacts-downloads -->              links to the vCard, JSON and CSV downloads
    <!-- jr:call-buttons ids=NAT-08,NAT-04 -->  only their call buttons (a page's first screen)

Which contacts appear is decided by jalur/models/contact_choice.py; a page that names a contact with
nothing publishable, or a listing with nothing in it, stops the build: a page that promises a contact
must show one.
"""

from __future__ import annotations

from jalur.content.contact_cards import call_buttons, contact_cards
from jalur.content.context import MarkerContext
from jalur.core.urls import CONTACT_DOWNLOADS, CONTACT_DOWNLOADS_DIR, page_url, relative_url
from jalur.models.contact_choice import LISTINGS, Shown, contacts_shown, left_out_problem, vcard_contacts
from jalur.models.contacts import COUNTRIES, MEDIA


def marker_request(args: dict[str, str], ctx: MarkerContext) -> tuple[str, dict]:
    """The medium and the request (for contacts_shown) that a jr:contacts marker's arguments name."""
    unknown = set(args) - {"ids", "country", "kind", "medium"}
    selectors = [key for key in ("ids", "country", "kind") if key in args]
    if unknown or len(selectors) != 1:
        raise ctx.error(
            "jr:contacts",
            "takes exactly one of ids=A,B, country=XX or "
            "kind=national|mission|regional (and optionally medium=web|print)",
        )
    medium = args.get("medium", "web")
    if medium not in MEDIA:
        raise ctx.error("jr:contacts medium", f"must be web or print, not {medium!r}")
    if "ids" in args:
        return medium, {"ids": tuple(args["ids"].split(","))}
    if "country" in args:
        if args["country"] not in COUNTRIES:
            raise ctx.error("jr:contacts country", f"unknown country code {args['country']!r}")
        return medium, {"country": args["country"]}
    if args["kind"] not in LISTINGS:
        raise ctx.error("jr:contacts kind", f"must be one of {', '.join(LISTINGS)}, not {args['kind']!r}")
    return medium, {"kind": args["kind"]}


def shown_for_marker(args: dict[str, str], ctx: MarkerContext, strict: bool = True) -> Shown:
    """What a jr:contacts marker shows. `strict`: a named contact that cannot be shown, or an empty
    listing, stops the build (pages); paper goes without them, but never without a reason: an unknown
    id or an id named twice always stops."""
    medium, request = marker_request(args, ctx)
    shown = contacts_shown(ctx.data.contacts, medium, ctx.lang, **request)
    for cid, why in shown.left_out:
        if why != "nothing":
            raise ctx.error("jr:contacts ids", left_out_problem(cid, why, medium))
        if strict:
            raise ctx.error("jr:contacts ids", left_out_problem(cid, why, medium) + ": remove it from the page")
    if strict and "kind" in request and not shown.groups:
        raise ctx.error(
            "jr:contacts kind",
            f"no {request['kind']} contact may be shown ({medium}): nothing in data/contacts.yml is publishable",
        )
    return shown


def render_contacts(args: dict[str, str], ctx: MarkerContext) -> str:
    return contact_cards(ctx.env, ctx.lang, shown_for_marker(args, ctx))


def render_call_buttons(args: dict[str, str], ctx: MarkerContext) -> str:
    """`<!-- jr:call-buttons ids=NAT-08,NAT-04 -->`: only the call and WhatsApp buttons of the named
    contacts (web), for a page's first screen; each must have a number the web may show."""
    if set(args) != {"ids"}:
        raise ctx.error("jr:call-buttons", "takes only ids=A,B")
    shown = contacts_shown(ctx.data.contacts, "web", ctx.lang, ids=tuple(args["ids"].split(",")))
    for cid, why in shown.left_out:
        raise ctx.error("jr:call-buttons ids", left_out_problem(cid, why, "web"))
    for contact in shown.contacts:
        if not contact.numbers_for("web"):
            raise ctx.error("jr:call-buttons ids", f"contact {contact.id!r} has no number to call or message")
    return call_buttons(ctx.env, ctx.lang, shown)


def download_links(page: str) -> dict[str, str]:
    """Links from a page to each download. They are relative (they work under any site address) and
    go into raw HTML, so they start from the directory URL MkDocs gives the page."""
    return {
        key: relative_url(page_url(page or "index.md"), f"{CONTACT_DOWNLOADS_DIR}/{name}")
        for key, name in CONTACT_DOWNLOADS.items()
    }


def render_downloads(args: dict[str, str], ctx: MarkerContext) -> str:
    if args:
        raise ctx.error("jr:contacts-downloads", "takes no arguments")
    national = vcard_contacts(ctx.data.contacts, ctx.lang)
    if not national:
        raise ctx.error("jr:contacts-downloads", "no confirmed national number to put in the vCard")
    return ctx.env.get_template("contacts_downloads.md.j2").render(
        links=download_links(ctx.page), files=CONTACT_DOWNLOADS, vcard_count=len(national)
    )
