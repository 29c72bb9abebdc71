"""Composing a leaflet: its text from the content pages (sections cut by heading), the checklist and the
contacts, into the template context of templates/leaflets/<layout>.html.j2.

Contacts go on paper through the one choice (jalur/models/contact_choice.py, medium "print":
confirmed only) and the one card renderer (jalur/content/contact_cards.py). The leaflet's printed
"contacts checked" date comes from exactly the contacts it printed (Gathered).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

import jinja2
from markupsafe import Markup

from jalur.content.contact_cards import contact_cards
from jalur.content.context import MarkerContext
from jalur.content.render_contacts import shown_for_marker
from jalur.content.render_publisher import publisher_line
from jalur.core import qr
from jalur.core.errors import BuildError
from jalur.core.urls import display_address, public_url
from jalur.models.contact_choice import Group, Shown, contacts_shown
from jalur.models.contacts import Contact, province_name
from jalur.models.leaflets import Edition, Item, Leaflet
from jalur.models.sitedata import SiteData
from jalur.outputs.leaflets import sections
from jalur.outputs.leaflets.pdf import FONT_FILES

NAMES = "leaflets/names.html.j2"


@dataclass
class Gathered:
    """What an edition's text came from: the pages' reviewed dates, and the contacts it printed."""

    reviewed: list[dt.date] = field(default_factory=list)
    contacts: dict[str, Contact] = field(default_factory=dict)


class Composer:
    """Renders the pieces of leaflets for one build: content sections, contacts, the checklist."""

    def __init__(self, data: SiteData, envs: dict[str, jinja2.Environment]):
        self.data, self.envs = data, envs
        self.source = data.source

    # -- contacts ----------------------------------------------------------------------------------

    def contacts_html(self, lang: str, shown: Shown, gathered: Gathered, item: Item | None = None) -> Markup:
        """Contact cards for paper (in two columns for a `compact` item); what they show is what the
        leaflet records as printed."""
        if not shown.groups and shown.fallback_for is None:
            return Markup("")
        for contact in shown.contacts:
            gathered.contacts[contact.id] = contact
        compact = item is not None and item.compact
        purpose = item is None or item.purpose
        cards = contact_cards(self.envs[lang], lang, shown, columns=2 if compact else 1, purpose=purpose)
        return sections.demote(sections.to_html(cards), 3)

    def _item_contacts(self, item: Item, lang: str) -> Shown:
        spec = item.contacts or {}
        if "ids" in spec:
            # Ids are checked against data/contacts.yml when data/leaflets.yml is loaded; one with
            # nothing printable is left off paper.
            return contacts_shown(self.data.contacts, "print", lang, ids=spec["ids"])
        # Every national line with something to print; with `emergency`, grouped under headings.
        shown = contacts_shown(self.data.contacts, "print", lang, kind="national", with_channels=True)
        if "emergency" not in spec:
            return shown
        first = [c for cid in spec["emergency"] for c in shown.contacts if c.id == cid]
        rest = [c for c in shown.contacts if c not in first]
        groups = (
            ("emergency", first),
            ("indonesia", [c for c in rest if c.scope == "national"]),
            ("abroad", [c for c in rest if c.scope != "national"]),
        )
        heading = self.envs[lang].get_template("leaflets/contact_groups.txt.j2")
        return replace(
            shown,
            groups=tuple(Group(heading.render(group=name).strip(), tuple(cs)) for name, cs in groups if cs),
        )

    def _marker_contacts(self, block: sections.Block, lang: str, page: str) -> Shown:
        """A jr:contacts marker inside a page section, shown for paper."""
        _, args = sections.marker_args(block.lines[0])
        content = self.data.pages.page(lang, page)
        lines = content.body.split("\n")
        line = content.first_body_line + (lines.index(block.lines[0]) if block.lines[0] in lines else 0)
        ctx = MarkerContext(lang=lang, rel=content.rel, page=page, line=line, env=self.envs[lang], data=self.data)
        return shown_for_marker({**args, "medium": "print"}, ctx, strict=False)

    # -- sections ----------------------------------------------------------------------------------

    def item_html(self, item: Item, lang: str, gathered: Gathered) -> Markup:
        env = self.envs[lang]
        site_url = self.data.site_url
        if item.contacts is not None:
            body = self.contacts_html(lang, self._item_contacts(item, lang), gathered, item)
            return Markup(
                env.get_template("leaflets/item.html.j2").render(
                    heading=None, body=body, columns=None, source_lang=None, compact=item.compact, purpose=item.purpose
                )
            )
        assert item.page is not None  # an item without contacts names a page (data/leaflets.yml)
        page = self.data.pages.page(lang, item.page)
        gathered.reviewed.append(page.reviewed)
        translated = page.lang == lang
        title = item.section[page.lang] if item.section else None
        part = sections.section(page.body, title, page.rel, f"{item.field}.section")

        def inline(text: str) -> Markup:
            return sections.inline_html(sections.absolute_links(text, item.page or "", lang, site_url))

        heading = inline(title) if title and item.heading else None
        columns = None
        html = Markup("")
        if item.rows:
            header, rows = sections.table_rows(part.lines, item.rows[page.lang], page.rel, f"{item.field}.rows")
            columns = [
                {"title": inline(header[c]), "entries": [(inline(label), inline(cells[c])) for label, cells in rows]}
                for c in range(len(header))
            ]
        else:
            chosen = []
            for block in sections.blocks(part.lines):
                if block.kind == "marker":
                    self._check_screen_only(block, page.rel, item)  # left out of paper, or stops the build
                else:
                    chosen.append(block)
            if item.only:
                chosen = [b for b in chosen if b.kind in item.only]
            if item.first:
                chosen = chosen[: item.first]
            if not chosen:
                raise BuildError(page.rel, item.field, "nothing left to print from this part of the page")
            pieces: list[str] = []
            for block in chosen:
                if block.kind == "contacts":
                    shown = self._marker_contacts(block, lang, item.page)
                    pieces.append(self.contacts_html(lang, shown, gathered, item))
                else:
                    pieces.append(sections.to_html(sections.absolute_links(block.text, item.page, lang, site_url)))
            if item.grid:
                pieces = self._side_by_side(chosen, pieces)
            html = sections.demote("\n".join(pieces), 3 if heading else 2)
        return Markup(
            env.get_template("leaflets/item.html.j2").render(
                heading=heading,
                body=html,
                columns=columns,
                compact=item.compact,
                purpose=item.purpose,
                source_lang=None if translated else self.source.code,
                source_name=self.source.name,
            )
        )

    @staticmethod
    def _side_by_side(chosen: list[sections.Block], pieces: list[str]) -> list[str]:
        """`grid: true`: each subsection (a heading and the blocks up to the next one) in a box of its
        own, the boxes two to a row (print.css: .jr-subs); what comes before the first heading stays
        above them."""
        before: list[str] = []
        subs: list[list[str]] = []
        for block, piece in zip(chosen, pieces, strict=True):
            if block.kind == "heading":
                subs.append([piece])
            elif subs:
                subs[-1].append(piece)
            else:
                before.append(piece)
        boxes = ['<div class="jr-sub">\n' + "\n".join(sub) + "\n</div>" for sub in subs]
        return [*before, '<div class="jr-subs">', *boxes, "</div>"]

    @staticmethod
    def _check_screen_only(block: sections.Block, rel: str, item: Item) -> None:
        name, _ = sections.marker_args(block.lines[0])
        if name not in sections.SCREEN_ONLY_MARKERS:
            raise BuildError(
                rel,
                item.field,
                f"the marker jr:{name} cannot go on paper: choose another section, or leave it out with `only`",
            )

    def parts(self, leaflet: Leaflet, lang: str, gathered: Gathered) -> dict[str, Markup]:
        return {
            name: Markup("\n").join(self.item_html(item, lang, gathered) for item in items)
            for name, items in leaflet.parts.items()
        }

    # -- the checklist -----------------------------------------------------------------------------

    def checklist(self, lang: str, gathered: Gathered) -> dict:
        checklist = self.data.checklist
        situations = []
        for situation in checklist.situations:
            shown = contacts_shown(self.data.contacts, "print", lang, ids=situation.contact_ids)
            situations.append({"title": situation.title[lang], "contacts": self.contacts_html(lang, shown, gathered)})
        return {"checklist": checklist, "situations": situations}

    # -- the local office --------------------------------------------------------------------------

    @staticmethod
    def office(edition: Edition) -> dict:
        """An office edition's own block (templates/leaflets/local.html.j2): only what may go on paper
        (Office.channels_on_paper). A generic edition gets the box to write the numbers in instead."""
        office = edition.office
        if office is None:
            return {"office": None}
        group = office.whatsapp_group
        return {
            "office": office,
            "office_channels": office.channels_on_paper(),
            "office_numbers": office.numbers_on_paper(),
            "office_places": ", ".join(office.regencies),
            "group_qr_svg": Markup(qr.svg(group.url)) if group else Markup(""),
        }

    # -- a whole edition ---------------------------------------------------------------------------

    def title(self, edition: Edition, with_office: bool = True) -> str:
        names: Any = self.envs[edition.lang].get_template(NAMES).module  # the template's macros and sets
        titles = names.TITLES
        if edition.leaflet.id not in titles:
            raise BuildError(f"templates/{NAMES}", "TITLES", f"no title for the leaflet {edition.leaflet.id!r}")
        title = str(titles[edition.leaflet.id])
        if edition.region:
            title = str(names.regional(title, province_name(edition.region, edition.lang)))
        if edition.office and with_office:
            title = str(names.for_office(title, edition.office.name[edition.lang]))
        return title

    def context(self, edition: Edition) -> dict:
        """The template context of one edition (for paper and for its HTML twin)."""
        leaflet, lang = edition.leaflet, edition.lang
        gathered = Gathered()
        ctx: dict = {"parts": {}, "region_html": Markup("")}
        if leaflet.layout == "checklist":
            ctx.update(self.checklist(lang, gathered))
        else:
            ctx["parts"] = self.parts(leaflet, lang, gathered)
        if edition.region:
            shown = contacts_shown(
                self.data.contacts, "print", lang, kind="regional", province=edition.region, with_channels=True
            )
            ctx["region_html"] = self.contacts_html(lang, shown, gathered)
            ctx["region_name"] = province_name(edition.region, lang)
        ctx.update(self.office(edition))
        gathered.reviewed.append(self.data.pages.page(lang, edition.page).reviewed)
        site_url = self.data.site_url
        qr_url = public_url(site_url, lang, edition.page)
        checked_dates = [c.checked for c in gathered.contacts.values()]
        if edition.office:
            checked_dates.append(edition.office.checked)
        checked = min(checked_dates, default=None)
        ctx.update(
            contact_ids=tuple(gathered.contacts),
            edition=edition,
            leaflet=leaflet,
            title=self.title(edition),
            heading=self.title(edition, with_office=False),
            site_name=self.data.config.site_name,
            site_host=display_address(site_url),
            qr_url=qr_url,
            qr_svg=Markup(qr.svg(qr_url)),
            reviewed=min(gathered.reviewed),
            checked=checked,
            font_files=FONT_FILES,
            publisher_line=publisher_line(self.envs[lang], self.data.publisher, lang),
        )
        return ctx
