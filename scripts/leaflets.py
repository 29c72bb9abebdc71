"""Printable leaflets: a PDF per leaflet and language (WeasyPrint), each with an HTML twin.

data/leaflets.yml names, for each leaflet, its layout, paper, designed page count and where its text
comes from: sections of content pages (by heading), data/checklist.yml and data/contacts.yml. Nothing
is typed twice. The build runs this right after staging (before MkDocs), so that the cetak/ page can
show each PDF's size and a preview of its first page:

1. render every leaflet, in every language (and one contacts card per province with confirmed
   regional contacts) from templates/leaflets/<layout>.html.j2 into build/leaflets/<lang>/<slug>/:
   the PDF, a greyscale preview of page 1 (pdftoppm, poppler-utils), and the HTML twin (index.html,
   the same template for the screen);
2. check each PDF: the designed page count and paper size, no panel split across pages, at most
   150 KB, and fonts read only from Debian's fonts-dejavu-core (embedded, subset);
3. write the list of leaflets into the staged page(s) holding `<!-- jr:leaflets -->`;
4. after MkDocs, `publish` copies build/leaflets/<lang>/ to <lang>/cetak/ in the build's output.

Only confirmed contacts and channels go on paper (the contacts renderer's `medium=print`).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing
import os
import posixpath
import re
import shutil
import subprocess
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from scripts import leaflet_content as lc
from scripts import print_qr
from scripts.data import load_yaml, require_list
from scripts.errors import BuildError, relpath
from scripts.markers import MarkerContext, marker
from scripts.project import page_url, public_url

FOLDER = "cetak"                      # below each language root: <lang>/cetak/<slug>/
LAYOUT_PARTS = {
    "checklist": (),
    "flow": ("main",),
    "trifold": ("cover", "flap", "back", "inside-1", "inside-2", "inside-3"),
}
PAPER_MM = {"A4": (210, 297), "A5": (148, 210), "A6": (105, 148)}
MAX_BYTES = 150 * 1024
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_PACKAGE = "fonts-dejavu-core"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
PREVIEW_WIDTH = 240                   # px; the cetak/ page shows it at half that (sharp on phones)
LIST_PLACEHOLDER = "<!-- jr-leaflets-list -->"
_ID = re.compile(r"^[a-z][a-z0-9-]*$")
_ITEM_KEYS = {"page", "section", "heading", "only", "first", "rows", "contacts", "compact", "purpose"}
_LEAFLET_KEYS = {"id", "layout", "paper", "pages", "page", "variants", "variant_page", "parts"}


# --------------------------------------------------------------------------------------------------
# The data file

@dataclass(frozen=True)
class Item:
    field: str                          # where it is in data/leaflets.yml, for error messages
    page: str | None = None
    section: dict | None = None         # {lang: heading}
    heading: bool = True
    only: tuple[str, ...] | None = None
    first: int | None = None
    rows: dict | None = None            # {lang: [row labels]}
    contacts: dict | None = None        # {"ids": [...]} or {"kind": "national"}
    compact: bool = False               # contact cards in two columns
    purpose: bool = True                # contact cards with their "what for" line


@dataclass(frozen=True)
class Leaflet:
    id: str
    layout: str
    paper: str                          # A4, A5, A6
    landscape: bool
    pages: int
    page: str                           # the matching page on the site (content path)
    variants: str | None
    variant_page: str | None
    parts: dict[str, tuple[Item, ...]]

    @property
    def size_mm(self) -> tuple[int, int]:
        width, height = PAPER_MM[self.paper]
        return (height, width) if self.landscape else (width, height)

    @property
    def css_size(self) -> str:
        return f"{self.paper} landscape" if self.landscape else self.paper


def _page_path(value, rel: str, field: str, project) -> str:
    if not isinstance(value, str) or not value.endswith(".md"):
        raise BuildError(rel, field, f"must be a page path ending in .md, not {value!r}")
    source = project.source_language().code
    if not (project.content / source / value).is_file():
        raise BuildError(rel, field, f"no such page: content/{source}/{value}")
    return value


def _bilingual_any(value, rel: str, field: str, langs: list[str], kind) -> dict:
    if not isinstance(value, dict) or set(value) != set(langs):
        raise BuildError(rel, field, f"must give a value for each language ({', '.join(langs)})")
    for lang, item in value.items():
        if not isinstance(item, kind) or not item:
            raise BuildError(rel, f"{field}.{lang}", f"must be a non-empty {kind.__name__}")
    return value


def _item(raw, rel: str, field: str, langs: list[str], project) -> Item:
    if not isinstance(raw, dict):
        raise BuildError(rel, field, "must be a mapping")
    unknown = set(raw) - _ITEM_KEYS
    if unknown:
        raise BuildError(rel, field, f"unknown field {', '.join(sorted(map(str, unknown)))} "
                         f"(known: {', '.join(sorted(_ITEM_KEYS))})")
    compact, purpose = raw.get("compact", False), raw.get("purpose", True)
    for key, value in (("compact", compact), ("purpose", purpose)):
        if not isinstance(value, bool):
            raise BuildError(rel, f"{field}.{key}", "must be true or false")
    if "contacts" in raw:
        if set(raw) - {"contacts", "compact", "purpose"}:
            raise BuildError(rel, field, "a contacts item takes only `contacts` (and `compact`, `purpose`)")
        spec = raw["contacts"]
        ok = isinstance(spec, dict) and (
            set(spec) == {"ids"} and isinstance(spec["ids"], list) and spec["ids"]
            and all(isinstance(i, str) for i in spec["ids"]) or spec == {"kind": "national"})
        if not ok:
            raise BuildError(rel, f"{field}.contacts", "must be {ids: [NAT-01, ...]} or {kind: national}")
        return Item(field=field, contacts=spec, compact=compact, purpose=purpose)
    page = _page_path(raw.get("page"), rel, f"{field}.page", project)
    section = raw.get("section")
    if section is not None:
        section = _bilingual_any(section, rel, f"{field}.section", langs, str)
    heading = raw.get("heading", True)
    if not isinstance(heading, bool):
        raise BuildError(rel, f"{field}.heading", "must be true or false")
    only = raw.get("only")
    if only is not None:
        if not isinstance(only, list) or not only or any(k not in lc.BLOCK_KINDS for k in only):
            raise BuildError(rel, f"{field}.only", f"must be a list of {', '.join(lc.BLOCK_KINDS)}")
        only = tuple(only)
    first = raw.get("first")
    if first is not None and (isinstance(first, bool) or not isinstance(first, int) or first < 1):
        raise BuildError(rel, f"{field}.first", "must be a whole number, 1 or more")
    rows = raw.get("rows")
    if rows is not None:
        rows = _bilingual_any(rows, rel, f"{field}.rows", langs, list)
        if only or first:
            raise BuildError(rel, f"{field}.rows", "cannot be combined with only or first")
    return Item(field=field, page=page, section=section, heading=heading, only=only, first=first,
                rows=rows, compact=compact, purpose=purpose)


def load_leaflets(path: Path, project, langs: list[str], contact_ids: set[str]) -> list[Leaflet]:
    rel = relpath(path, project.root)
    raw = load_yaml(path, project.root)
    items = require_list(raw, "leaflets", rel)
    out, seen = [], set()
    for i, entry in enumerate(items):
        field = f"leaflets[{i}]"
        if not isinstance(entry, dict):
            raise BuildError(rel, field, "must be a mapping")
        lid = entry.get("id")
        if not isinstance(lid, str) or not _ID.match(lid):
            raise BuildError(rel, f"{field}.id", f"must be lowercase letters, digits and hyphens, not {lid!r}")
        if lid in seen:
            raise BuildError(rel, f"{field}.id", f"duplicate id {lid!r}")
        seen.add(lid)
        field = f"leaflets[{i}] ({lid})"
        unknown = set(entry) - _LEAFLET_KEYS
        if unknown:
            raise BuildError(rel, field, f"unknown field {', '.join(sorted(map(str, unknown)))} "
                             f"(known: {', '.join(sorted(_LEAFLET_KEYS))})")
        layout = entry.get("layout")
        if layout not in LAYOUT_PARTS:
            raise BuildError(rel, f"{field}.layout", f"must be one of {', '.join(LAYOUT_PARTS)}, not {layout!r}")
        paper = str(entry.get("paper") or "").split()
        if not (len(paper) in (1, 2) and paper[0] in PAPER_MM and paper[1:] in ([], ["landscape"])):
            raise BuildError(rel, f"{field}.paper", f"must be A4, A5 or A6, optionally with ' landscape', "
                             f"not {entry.get('paper')!r}")
        pages = entry.get("pages")
        if isinstance(pages, bool) or not isinstance(pages, int) or pages < 1:
            raise BuildError(rel, f"{field}.pages", "must be the designed page count (1 or more)")
        page = _page_path(entry.get("page"), rel, f"{field}.page", project)
        variants = entry.get("variants")
        if variants not in (None, "regions"):
            raise BuildError(rel, f"{field}.variants", f"must be 'regions' or left out, not {variants!r}")
        variant_page = entry.get("variant_page")
        if variants:
            variant_page = _page_path(variant_page, rel, f"{field}.variant_page", project)
        elif variant_page is not None:
            raise BuildError(rel, f"{field}.variant_page", "needs `variants: regions`")
        raw_parts = entry.get("parts") or {}
        if not isinstance(raw_parts, dict):
            raise BuildError(rel, f"{field}.parts", "must be a mapping of part name to a list of items")
        expected = LAYOUT_PARTS[layout]
        if set(raw_parts) != set(expected):
            raise BuildError(rel, f"{field}.parts", f"the {layout} layout has the parts "
                             f"{', '.join(expected) or '(none)'}, not {', '.join(map(str, raw_parts)) or '(none)'}")
        parts = {}
        for name in expected:
            values = raw_parts[name]
            if not isinstance(values, list) or not values:
                raise BuildError(rel, f"{field}.parts.{name}", "must be a non-empty list of items")
            parts[name] = tuple(_item(v, rel, f"{field}.parts.{name}[{j}]", langs, project)
                                for j, v in enumerate(values))
            for item in parts[name]:
                for cid in (item.contacts or {}).get("ids", []):
                    if cid not in contact_ids:
                        raise BuildError(rel, f"{item.field}.contacts.ids", f"no contact {cid!r} in data/contacts.yml")
        out.append(Leaflet(id=lid, layout=layout, paper=paper[0], landscape=len(paper) == 2, pages=pages,
                           page=page, variants=variants, variant_page=variant_page, parts=parts))
    return out


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass(frozen=True)
class Edition:
    """One PDF: a leaflet in one language, national or for one province."""
    leaflet: Leaflet
    lang: str
    region: str | None = None

    @property
    def slug(self) -> str:
        return f"{self.leaflet.id}-{slugify(self.region)}" if self.region else self.leaflet.id

    @property
    def pdf_name(self) -> str:
        return f"jalur-resmi-{self.slug}-{self.lang}.pdf"

    @property
    def page(self) -> str:
        return self.leaflet.variant_page if self.region else self.leaflet.page


def regions_with_print_contacts(contacts) -> list[str]:
    """Provinces with at least one regional contact that may go on paper (confirmed, with a confirmed
    channel), sorted by name."""
    return sorted({c.province for c in contacts if c.kind == "regional" and c.channels_for("print")})


def editions(leaflets: list[Leaflet], langs: list[str], contacts) -> list[Edition]:
    out = []
    for leaflet in leaflets:
        for lang in langs:
            out.append(Edition(leaflet, lang))
            if leaflet.variants == "regions":
                out += [Edition(leaflet, lang, region) for region in regions_with_print_contacts(contacts)]
    return out


# --------------------------------------------------------------------------------------------------
# Content for one edition

@dataclass
class Gathered:
    """What an edition's text came from: the pages (and their reviewed dates) and the contacts."""
    reviewed: list = field(default_factory=list)
    contacts: dict = field(default_factory=dict)          # id -> Contact


class Composer:
    """Renders the pieces of leaflets for one build: content sections, contacts, the checklist."""

    def __init__(self, project, data, envs: dict, site_url: str):
        from scripts import frontmatter
        self.project, self.data, self.envs, self.site_url = project, data, envs, site_url
        self.source = project.source_language()
        self._frontmatter = frontmatter
        self._pages: dict[tuple[str, str], tuple[str, str, bool, dt.date]] = {}

    # -- pages -------------------------------------------------------------------------------------

    def read(self, lang: str, path: str) -> tuple[str, str, bool, dt.date]:
        """(body, file as shown in errors, translated?, reviewed) of a page in `lang` (else the source)."""
        key = (lang, path)
        if key not in self._pages:
            file = self.project.content / lang / path
            translated = file.is_file()
            if not translated:
                file = self.project.content / self.source.code / path
            rel = relpath(file, self.project.root)
            page = self._frontmatter.split(file.read_text(encoding="utf-8"), rel)
            meta = self._frontmatter.validate(page.meta, rel)
            self._pages[key] = (page.body, rel, translated, meta["reviewed"])
        return self._pages[key]

    # -- contacts ----------------------------------------------------------------------------------

    def _ctx(self, lang: str, page: str, rel: str) -> MarkerContext:
        return MarkerContext(lang=lang, rel=rel, page=page, line=0, env=self.envs[lang], data=self.data)

    def contacts_html(self, lang: str, args: dict, gathered: Gathered, page: str = "",
                      rel: str = "data/leaflets.yml") -> Markup:
        """Contact cards for paper through the one contacts renderer (medium=print). Named contacts
        with nothing printable are left out, as on the printed checklist."""
        from scripts import contacts as C
        everyone = {c.id: c for c in self.data.contacts}
        args = {**args, "medium": "print"}
        if "ids" in args:
            ids = [cid for cid in args["ids"].split(",") if cid in everyone and everyone[cid].channels_for("print")]
            if not ids:
                return Markup("")
            args["ids"] = ",".join(ids)
            chosen = [everyone[cid] for cid in ids]
        elif "kind" in args:
            listing = {"national": lambda: C.national_listing(self.data.contacts, "print"),
                       "mission": lambda: C.mission_listing(self.data.contacts, "print", lang),
                       "regional": lambda: C.regional_listing(self.data.contacts, "print", lang)}
            chosen = [c for g in listing.get(args["kind"], list)() for c in g.contacts]
        else:
            chosen = [c for c in C.published(self.data.contacts, "print")
                      if c.kind == "mission" and args.get("country") in c.countries] or \
                     [everyone[cid] for cid in C.MISSION_FALLBACK_IDS
                      if cid in everyone and everyone[cid].channels_for("print")]
        markdown_text = C.render_contacts(args, self._ctx(lang, page, rel))
        for contact in chosen:
            gathered.contacts[contact.id] = contact
        return lc.demote(lc.to_html(markdown_text), 3)

    # -- sections ----------------------------------------------------------------------------------

    def item_html(self, item: Item, lang: str, gathered: Gathered) -> Markup:
        env = self.envs[lang]
        if item.contacts is not None:
            spec = item.contacts
            if "ids" in spec:
                args = {"ids": ",".join(spec["ids"])}
            else:
                # Every national line with something to print, in the order of the listing.
                from scripts.contacts import national_listing
                ids = [c.id for g in national_listing(self.data.contacts, "print") for c in g.contacts
                       if c.channels_for("print")]
                args = {"ids": ",".join(ids)}
            body = self.contacts_html(lang, args, gathered)
            return Markup(env.get_template("leaflets/item.html.j2").render(
                heading=None, body=body, columns=None, source_lang=None, compact=item.compact,
                purpose=item.purpose))
        body_md, rel, translated, reviewed = self.read(lang, item.page)
        gathered.reviewed.append(reviewed)
        text_lang = lang if translated else self.source.code
        title = item.section[text_lang] if item.section else None
        part = lc.section(body_md, title, rel, f"{item.field}.section")
        heading = lc.inline_html(lc.absolute_links(title, item.page, lang, self.site_url)) \
            if title and item.heading else None
        columns = None
        html = Markup("")
        if item.rows:
            header, rows = lc.table_rows(part.lines, item.rows[text_lang], rel, f"{item.field}.rows")
            link = lambda s: lc.inline_html(lc.absolute_links(s, item.page, lang, self.site_url))  # noqa: E731
            columns = [{"title": link(header[c]), "entries": [(link(label), link(cells[c])) for label, cells in rows]}
                       for c in range(len(header))]
        else:
            chosen = []
            for block in lc.blocks(part.lines):
                if block.kind == "marker":
                    self._check_screen_only(block, rel, item)     # left out of paper, or stops the build
                else:
                    chosen.append(block)
            if item.only:
                chosen = [b for b in chosen if b.kind in item.only]
            if item.first:
                chosen = chosen[: item.first]
            if not chosen:
                raise BuildError(rel, item.field, "nothing left to print from this part of the page")
            pieces = []
            for block in chosen:
                if block.kind == "contacts":
                    _, args = lc.marker_args(block.lines[0])
                    pieces.append(self.contacts_html(lang, args, gathered, item.page, rel))
                else:
                    pieces.append(lc.to_html(lc.absolute_links(block.text, item.page, lang, self.site_url)))
            html = lc.demote("\n".join(pieces), 3 if heading else 2)
        return Markup(env.get_template("leaflets/item.html.j2").render(
            heading=heading, body=html, columns=columns, compact=item.compact, purpose=item.purpose,
            source_lang=None if translated else self.source.code, source_name=self.source.name))

    @staticmethod
    def _check_screen_only(block: lc.Block, rel: str, item: Item) -> None:
        name, _ = lc.marker_args(block.lines[0])
        if name not in lc.SCREEN_ONLY_MARKERS:
            raise BuildError(rel, item.field, f"the marker jr:{name} cannot go on paper: "
                             "choose another section, or leave it out with `only`")

    def parts(self, leaflet: Leaflet, lang: str, gathered: Gathered) -> dict[str, Markup]:
        return {name: Markup("\n").join(self.item_html(item, lang, gathered) for item in items)
                for name, items in leaflet.parts.items()}

    # -- the checklist -----------------------------------------------------------------------------

    def checklist(self, lang: str, gathered: Gathered) -> dict:
        checklist = self.data.checklist
        situations = []
        for situation in checklist.situations:
            html = self.contacts_html(lang, {"ids": ",".join(situation.contact_ids)}, gathered)
            situations.append({"title": situation.title[lang], "contacts": html})
        return {"checklist": checklist, "situations": situations}


# --------------------------------------------------------------------------------------------------
# Rendering

@dataclass
class Built:
    edition: Edition
    title: str
    folder: Path                 # build/leaflets/<lang>/<slug>/
    pages: int
    bytes: int
    size_mm: tuple[float, float]
    qr_url: str
    reviewed: dt.date
    checked: dt.date | None
    seconds: float               # WeasyPrint: layout and PDF
    contacts: tuple[str, ...] = ()   # the ids of the contacts printed on it

    @property
    def pdf(self) -> Path:
        return self.folder / self.edition.pdf_name

    @property
    def preview(self) -> Path:
        return self.folder / "preview.png"

    @property
    def twin(self) -> Path:
        return self.folder / "index.html"


def _fetcher_class():
    from weasyprint.urls import URLFetcher

    class FontsOnly(URLFetcher):
        """WeasyPrint may read our font files and nothing else: no network, no other file."""
        refused: list[str]

        def fetch(self, url, headers=None):
            allowed = {(FONT_DIR / name).as_uri() for name in FONT_FILES}
            if url.split("?")[0] not in allowed:
                self.refused.append(url)
                raise ValueError(f"leaflets may not load {url}")
            return super().fetch(url, headers)
    return FontsOnly


def check_fonts() -> None:
    for name in FONT_FILES:
        if not (FONT_DIR / name).is_file():
            raise BuildError(str(FONT_DIR / name), None, f"font not found: install the Debian package "
                             f"{FONT_PACKAGE} (see scripts/apt-packages.txt)")


def _panels_on_one_page(document) -> list[str]:
    """The ids of panels (class jr-panel) that WeasyPrint split over more than one page."""
    seen: dict[str, set[int]] = {}

    def walk(box, number):
        element = getattr(box, "element", None)
        if element is not None and "jr-panel" in (element.get("class") or "").split():
            seen.setdefault(element.get("id") or "?", set()).add(number)
        for child in getattr(box, "children", None) or []:
            walk(child, number)
    for number, page in enumerate(document.pages):
        walk(page._page_box, number)
    return sorted(pid for pid, pages in seen.items() if len(pages) > 1)


def cache_key(html: str, edition: Edition) -> str:
    """Everything a leaflet's PDF depends on: its HTML (with its CSS inline), the design, the fonts and
    the versions of WeasyPrint and pdftoppm's output format."""
    from importlib.metadata import version   # not `import weasyprint`: that alone takes about a second
    fonts = [f"{name}:{(FONT_DIR / name).stat().st_size}" for name in FONT_FILES]
    parts = [html, version("weasyprint"), str(edition.leaflet.pages), edition.leaflet.css_size,
             str(PREVIEW_WIDTH), *fonts]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def render_pdf(html: str, edition: Edition, rel: str) -> tuple[bytes, int, tuple[float, float]]:
    """WeasyPrint: lay out, check against the design, write the PDF (tagged, fonts subset)."""
    from weasyprint import HTML
    fetcher = _fetcher_class()()
    fetcher.refused = []
    document = HTML(string=html, base_url=FONT_DIR.as_uri() + "/", url_fetcher=fetcher).render()
    leaflet = edition.leaflet
    where = f"leaflet {edition.slug} ({edition.lang})"
    if fetcher.refused:
        raise BuildError(rel, where, f"tried to load {fetcher.refused[0]}: leaflets load only their fonts")
    if len(document.pages) != leaflet.pages:
        raise BuildError(rel, where, f"comes out at {len(document.pages)} page(s), designed for {leaflet.pages}: "
                         "shorten the chosen sections, or change the design (docs/printing.md)")
    size = tuple(round(v * 25.4 / 96, 1) for v in (document.pages[0].width, document.pages[0].height))
    if any(abs(a - b) > 0.5 for a, b in zip(size, leaflet.size_mm)):
        raise BuildError(rel, where, f"page size {size} mm, designed for {leaflet.css_size}")
    split = _panels_on_one_page(document)
    if split:
        raise BuildError(rel, where, f"panel {split[0]} does not fit on its page: shorten what goes into it")
    pdf = document.write_pdf(pdf_tags=True)
    if len(pdf) > MAX_BYTES:
        raise BuildError(rel, where, f"the PDF is {len(pdf):,} bytes, more than {MAX_BYTES:,}")
    return pdf, len(document.pages), size


def render_preview(pdf: Path, dest: Path) -> tuple[int, int]:
    """Page 1 as a small greyscale PNG (pdftoppm from poppler-utils), 16 grey levels."""
    from PIL import Image
    tool = shutil.which("pdftoppm")
    if not tool:
        raise BuildError("pdftoppm", None, "not found: install the Debian package poppler-utils "
                         "(see scripts/apt-packages.txt)")
    stem = dest.with_suffix("")
    subprocess.run([tool, "-png", "-gray", "-f", "1", "-l", "1", "-singlefile", "-scale-to-x",
                    str(PREVIEW_WIDTH), "-scale-to-y", "-1", str(pdf), str(stem)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with Image.open(dest) as image:
        small = image.convert("L").quantize(16)
        small.save(dest, optimize=True)
        return image.size


class Renderer:
    def __init__(self, project, data, envs: dict, site_url: str, site_name: str, cache: Path | None = None):
        self.project, self.data, self.envs = project, data, envs
        self.site_url, self.site_name = site_url, site_name
        self.cache = cache
        self._contexts: dict = {}          # (slug, lang) -> template context, made once per edition
        self.composer = Composer(project, data, envs, site_url)
        self.rel = "data/leaflets.yml"

    def titles(self, lang: str) -> dict[str, str]:
        return self.envs[lang].get_template("leaflets/names.html.j2").module.TITLES

    def title(self, edition: Edition) -> str:
        titles = self.titles(edition.lang)
        if edition.leaflet.id not in titles:
            raise BuildError("templates/leaflets/names.html.j2", "TITLES",
                             f"no title for the leaflet {edition.leaflet.id!r}")
        title = str(titles[edition.leaflet.id])
        if edition.region:
            from scripts.contacts import province_name
            title = str(self.envs[edition.lang].get_template("leaflets/names.html.j2").module.regional(
                title, province_name(edition.region, edition.lang)))
        return title

    def context(self, edition: Edition) -> dict:
        """The leaflet's template context, made once per edition (all_cached and render both need it)."""
        key = (edition.slug, edition.lang)
        if key not in self._contexts:
            self._contexts[key] = self._context(edition)
        return self._contexts[key]

    def _context(self, edition: Edition) -> dict:
        leaflet, lang = edition.leaflet, edition.lang
        gathered = Gathered()
        ctx: dict = {"parts": {}, "region_html": Markup("")}
        if leaflet.layout == "checklist":
            ctx.update(self.composer.checklist(lang, gathered))
        else:
            ctx["parts"] = self.composer.parts(leaflet, lang, gathered)
        if edition.region:
            from scripts.contacts import province_name
            ids = [c.id for c in self.data.contacts
                   if c.kind == "regional" and c.province == edition.region and c.channels_for("print")]
            ctx["region_html"] = self.composer.contacts_html(lang, {"ids": ",".join(ids)}, gathered)
            ctx["region_name"] = province_name(edition.region, lang)
        _, _, _, reviewed = self.composer.read(lang, edition.page)
        gathered.reviewed.append(reviewed)
        qr_url = public_url(self.site_url, lang, edition.page)
        checked = min((c.checked for c in gathered.contacts.values()), default=None)
        ctx.update(
            contact_ids=tuple(gathered.contacts),
            edition=edition, leaflet=leaflet, title=self.title(edition), site_name=self.site_name,
            site_host=self.site_url.split("://", 1)[-1].rstrip("/"), qr_url=qr_url,
            qr_svg=Markup(print_qr.svg(qr_url)), reviewed=min(gathered.reviewed), checked=checked,
            font_files=FONT_FILES)
        return ctx

    def render(self, edition: Edition, out_root: Path, others: list[Edition]) -> Built:
        ctx = self.context(edition)
        env = self.envs[edition.lang]
        template = env.get_template(f"leaflets/{edition.leaflet.layout}.html.j2")
        folder = out_root / edition.lang / edition.slug
        folder.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        html = template.render(**ctx, medium="print")
        key = cache_key(html, edition)
        cached = self._cached(key)
        if cached:
            pdf, pages, size, preview = cached
        else:
            pdf, pages, size = render_pdf(html, edition, self.rel)
        seconds = time.perf_counter() - start
        built = Built(edition=edition, title=ctx["title"], folder=folder, pages=pages, bytes=len(pdf),
                      size_mm=size, qr_url=ctx["qr_url"], reviewed=ctx["reviewed"], checked=ctx["checked"],
                      seconds=seconds, contacts=ctx["contact_ids"])
        built.pdf.write_bytes(pdf)
        if cached:
            built.preview.write_bytes(preview)
        else:
            render_preview(built.pdf, built.preview)
            self._store(key, pdf, pages, size, built.preview.read_bytes())
        twins = [{"lang": o.lang, "href": posixpath.relpath(f"{o.lang}/{FOLDER}/{o.slug}/",
                                                            f"{edition.lang}/{FOLDER}/{edition.slug}/") + "/"}
                 for o in others if o.lang != edition.lang and o.slug == edition.slug]
        guide = posixpath.relpath(f"{edition.lang}/{page_url(edition.page)}",
                                  f"{edition.lang}/{FOLDER}/{edition.slug}/") + "/"
        built.twin.write_text(template.render(**ctx, medium="web", built=built, twins=twins, guide_href=guide,
                                              languages=self.languages()), encoding="utf-8")
        return built

    def all_cached(self, all_editions: list[Edition]) -> bool:
        """True when every PDF can come from the cache (then no worker processes are worth starting)."""
        if self.cache is None:
            return False
        for edition in all_editions:
            template = self.envs[edition.lang].get_template(f"leaflets/{edition.leaflet.layout}.html.j2")
            html = template.render(**self.context(edition), medium="print")
            if not (self.cache / f"{cache_key(html, edition)}.json").is_file():
                return False
        return True

    def _cached(self, key: str):
        """A PDF made earlier from exactly the same HTML, design and fonts (already checked then)."""
        if self.cache is None or not (self.cache / f"{key}.json").is_file():
            return None
        meta = json.loads((self.cache / f"{key}.json").read_text(encoding="utf-8"))
        return ((self.cache / f"{key}.pdf").read_bytes(), meta["pages"], tuple(meta["size"]),
                (self.cache / f"{key}.png").read_bytes())

    def _store(self, key: str, pdf: bytes, pages: int, size, preview: bytes) -> None:
        if self.cache is None:
            return
        self.cache.mkdir(parents=True, exist_ok=True)
        (self.cache / f"{key}.pdf").write_bytes(pdf)
        (self.cache / f"{key}.png").write_bytes(preview)
        (self.cache / f"{key}.json").write_text(json.dumps({"pages": pages, "size": list(size)}), encoding="utf-8")

    def languages(self) -> dict[str, str]:
        return {lang.code: lang.name for lang in self.data.languages}


# --------------------------------------------------------------------------------------------------
# The build step, the list on cetak/, publishing

def build_leaflets(project, work: Path, site_url: str, envs: dict, staged: dict | None = None,
                   data=None, only: list[str] | None = None, workers: int | None = None,
                   cache: Path | None = None) -> list[Built]:
    """Render every leaflet into work/leaflets/ and fill the leaflet list into the staged pages.
    Returns nothing to do (an empty list) for a project without data/leaflets.yml."""
    from scripts import configs
    from scripts.sitedata import SiteData
    path = project.data / "leaflets.yml"
    if not path.is_file():
        return []
    check_fonts()
    if data is None:
        data = SiteData(project)
    langs = [lang.code for lang in data.languages]
    leaflets = load_leaflets(path, project, langs, {c.id for c in data.contacts})
    if only:
        leaflets = [leaflet for leaflet in leaflets if leaflet.id in only]
    all_editions = editions(leaflets, langs, data.contacts)
    if staged:
        _check_paths(all_editions, staged, project)
    out_root = work / "leaflets"
    if out_root.exists():
        shutil.rmtree(out_root)
    renderer = Renderer(project, data, envs, site_url, configs.site_name(project), cache)
    built = render_all(renderer, all_editions, out_root, workers)
    if staged:
        fill_lists(work, staged, built, envs, renderer.languages())
    return built


MAX_WORKERS = 2
_JOB: tuple | None = None          # what forked workers render (set just before the pool starts)


def _render_one(index: int):
    renderer, all_editions, out_root = _JOB
    try:
        return renderer.render(all_editions[index], out_root, all_editions)
    except BuildError as exc:          # its constructor does not survive pickling: send the parts
        return ("BuildError", exc.file, exc.field, exc.problem)


def render_all(renderer: "Renderer", all_editions: list[Edition], out_root: Path,
               workers: int | None = None) -> list[Built]:
    """Render every edition; on a machine with several cores, in that many forked processes (WeasyPrint
    is CPU-bound; each worker inherits the loaded templates, data and WeasyPrint itself)."""
    global _JOB
    if workers is None:
        workers = min(MAX_WORKERS, os.cpu_count() or 1, len(all_editions))
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods() or renderer.all_cached(all_editions):
        return [renderer.render(edition, out_root, all_editions) for edition in all_editions]
    import weasyprint  # noqa: F401  (imported once, before the workers fork)
    _JOB = (renderer, all_editions, out_root)
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            results = list(pool.map(_render_one, range(len(all_editions))))
    finally:
        _JOB = None
    for result in results:
        if isinstance(result, tuple):
            raise BuildError(*result[1:])
    return results


def _check_paths(all_editions: list[Edition], staged: dict, project) -> None:
    for lang, pages in staged.items():
        taken = {page.url for page in pages}
        for edition in all_editions:
            if f"{FOLDER}/{edition.slug}/" in taken:
                raise BuildError(f"content/{lang}/{FOLDER}/{edition.slug}.md", None,
                                 f"this page's address is the leaflet {edition.slug!r}'s: rename one of them")


def fill_lists(work: Path, staged: dict, built: list[Built], envs: dict, languages: dict) -> None:
    """Replace the placeholder that `<!-- jr:leaflets -->` left in staged pages with the list."""
    for lang, pages in staged.items():
        for page in pages:
            path = work / lang / "docs" / page.path
            text = path.read_text(encoding="utf-8")
            if LIST_PLACEHOLDER not in text:
                continue
            base = f"{lang}/{page.url}"
            groups: dict[str, list[dict]] = {}
            for b in built:
                folder = posixpath.relpath(f"{b.edition.lang}/{FOLDER}/{b.edition.slug}", base.rstrip("/") or ".")
                groups.setdefault(b.edition.slug, []).append({
                    "built": b, "lang_name": languages[b.edition.lang], "twin": folder + "/",
                    "pdf": f"{folder}/{b.edition.pdf_name}", "preview": f"{folder}/preview.png",
                    "kb": max(1, round(b.bytes / 1024))})
            # Each group: the reader's language first.
            ordered = [sorted(entries, key=lambda e: e["built"].edition.lang != lang) for entries in groups.values()]
            titles = {slug: next((e["built"].title for e in entries if e["built"].edition.lang == lang),
                                 entries[0]["built"].title) for slug, entries in groups.items()}
            html = envs[lang].get_template("leaflets/list.md.j2").render(
                groups=[(titles[entries[0]["built"].edition.slug], entries) for entries in ordered])
            path.write_text(text.replace(LIST_PLACEHOLDER, html.strip()), encoding="utf-8")


def publish(work: Path, out: Path) -> None:
    """Copy build/leaflets/<lang>/ into the output as <lang>/cetak/ (after MkDocs, which empties its
    output folder when it starts)."""
    root = work / "leaflets"
    if not root.is_dir():
        return
    for lang_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        shutil.copytree(lang_dir, out / lang_dir.name / FOLDER, dirs_exist_ok=True)


@marker("leaflets")
def render_leaflet_list(args: dict, ctx: MarkerContext) -> str:
    """`<!-- jr:leaflets -->`: the list of printable leaflets (filled in after staging, once the PDFs
    exist and their sizes are known; `make serve` shows the page without it)."""
    if args:
        raise ctx.error("jr:leaflets", "takes no arguments")
    return LIST_PLACEHOLDER
