"""data/leaflets.yml: the printable leaflets, and the editions (PDFs) the build makes of them.

Each leaflet names its layout, paper, designed page count and where its text comes from: sections of
content pages (by heading), data/checklist.yml and data/contacts.yml. Nothing is typed twice.
jalur/outputs/leaflets/ composes and prints them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from jalur.core.errors import BuildError, relpath
from jalur.core.yamlfile import load_yaml, require_known_fields, require_list
from jalur.models.offices import Office

LAYOUT_PARTS = {
    "checklist": (),
    "flow": ("main",),
    "trifold": ("cover", "flap", "back", "inside-1", "inside-2", "inside-3"),
    # The meeting pack: a cover with the agenda, a sign-in sheet and a case note form, a page each.
    "pack": ("cover", "case-note"),
}
# The editions a leaflet may have besides the national one: one per province with a regional office
# that may go on paper, and one per office in data/offices/ (docs/offices.md).
VARIANTS = ("regions", "offices")
PAPER_MM = {"A4": (210, 297), "A5": (148, 210), "A6": (105, 148)}
# What a leaflet item may take from a section of a page (`only: [...]`).
BLOCK_KINDS = ("paragraph", "list", "table", "admonition", "contacts", "heading")
_ID = re.compile(r"^[a-z][a-z0-9-]*$")
_ITEM_KEYS = {"page", "section", "heading", "only", "first", "rows", "contacts", "compact", "purpose", "grid"}
_LEAFLET_KEYS = {"id", "layout", "paper", "pages", "page", "variants", "variant_page", "parts"}


@dataclass(frozen=True)
class Item:
    field: str  # where it is in data/leaflets.yml, for error messages
    page: str | None = None
    section: dict | None = None  # {lang: heading}
    heading: bool = True
    only: tuple[str, ...] | None = None
    first: int | None = None
    rows: dict | None = None  # {lang: [row labels]}
    # {"ids": [...]}, {"kind": "national"}, or {"kind": "national", "emergency": [...]}: every national
    # line grouped as emergency (those ids first), in Indonesia and from abroad (by the contact's scope)
    contacts: dict | None = None
    compact: bool = False  # contact cards in two columns
    purpose: bool = True  # contact cards with their "what for" line
    grid: bool = False  # the section's subsections (### headings) side by side, two to a row


@dataclass(frozen=True)
class Leaflet:
    id: str
    layout: str
    paper: str  # A4, A5, A6
    landscape: bool
    pages: int
    page: str  # the matching page on the site (content path)
    variants: tuple[str, ...]  # of VARIANTS
    variant_page: str | None
    parts: dict[str, tuple[Item, ...]]

    @property
    def size_mm(self) -> tuple[int, int]:
        width, height = PAPER_MM[self.paper]
        return (height, width) if self.landscape else (width, height)

    @property
    def css_size(self) -> str:
        return f"{self.paper} landscape" if self.landscape else self.paper


@dataclass(frozen=True)
class _Site:
    """What the file is checked against: the languages, the content pages and the contacts."""

    langs: list[str]
    source: str
    pages: frozenset[str]
    contact_ids: frozenset[str]


def _page_path(value, rel: str, field: str, site: _Site) -> str:
    if not isinstance(value, str) or not value.endswith(".md"):
        raise BuildError(rel, field, f"must be a page path ending in .md, not {value!r}")
    if value not in site.pages:
        raise BuildError(rel, field, f"no such page: content/{site.source}/{value}")
    return value


def _bilingual_any(value, rel: str, field: str, langs: list[str], kind) -> dict:
    if not isinstance(value, dict) or set(value) != set(langs):
        raise BuildError(rel, field, f"must give a value for each language ({', '.join(langs)})")
    for lang, item in value.items():
        if not isinstance(item, kind) or not item:
            raise BuildError(rel, f"{field}.{lang}", f"must be a non-empty {kind.__name__}")
    return value


def _item(raw, rel: str, field: str, site: _Site) -> Item:
    langs = site.langs
    if not isinstance(raw, dict):
        raise BuildError(rel, field, "must be a mapping")
    require_known_fields(raw, _ITEM_KEYS, rel, field)
    compact, purpose, grid = raw.get("compact", False), raw.get("purpose", True), raw.get("grid", False)
    for key, value in (("compact", compact), ("purpose", purpose), ("grid", grid)):
        if not isinstance(value, bool):
            raise BuildError(rel, f"{field}.{key}", "must be true or false")
    if "contacts" in raw:
        if set(raw) - {"contacts", "compact", "purpose"}:
            raise BuildError(rel, field, "a contacts item takes only `contacts` (and `compact`, `purpose`)")
        spec = raw["contacts"]

        def id_list(value) -> bool:
            return isinstance(value, list) and bool(value) and all(isinstance(i, str) for i in value)

        ok = isinstance(spec, dict) and (
            set(spec) == {"ids"}
            and id_list(spec["ids"])
            or spec == {"kind": "national"}
            or set(spec) == {"kind", "emergency"}
            and spec["kind"] == "national"
            and id_list(spec["emergency"])
        )
        if not ok:
            raise BuildError(
                rel,
                f"{field}.contacts",
                "must be {ids: [NAT-01, ...]}, {kind: national} or {kind: national, emergency: [NAT-08, ...]}",
            )
        return Item(field=field, contacts=spec, compact=compact, purpose=purpose)
    page = _page_path(raw.get("page"), rel, f"{field}.page", site)
    section = raw.get("section")
    if section is not None:
        section = _bilingual_any(section, rel, f"{field}.section", langs, str)
    heading = raw.get("heading", True)
    if not isinstance(heading, bool):
        raise BuildError(rel, f"{field}.heading", "must be true or false")
    only = raw.get("only")
    if only is not None:
        if not isinstance(only, list) or not only or any(k not in BLOCK_KINDS for k in only):
            raise BuildError(rel, f"{field}.only", f"must be a list of {', '.join(BLOCK_KINDS)}")
        only = tuple(only)
    first = raw.get("first")
    if first is not None and (isinstance(first, bool) or not isinstance(first, int) or first < 1):
        raise BuildError(rel, f"{field}.first", "must be a whole number, 1 or more")
    rows = raw.get("rows")
    if rows is not None:
        rows = _bilingual_any(rows, rel, f"{field}.rows", langs, list)
        if only or first:
            raise BuildError(rel, f"{field}.rows", "cannot be combined with only or first")
    return Item(
        field=field,
        page=page,
        section=section,
        heading=heading,
        only=only,
        first=first,
        rows=rows,
        compact=compact,
        purpose=purpose,
        grid=grid,
    )


def load_leaflets(
    path: Path, root: Path, langs: list[str], source: str, page_paths: list[str], contact_ids: set[str]
) -> list[Leaflet]:
    """data/leaflets.yml, checked against the site's languages, content pages and contact ids."""
    site = _Site(langs=langs, source=source, pages=frozenset(page_paths), contact_ids=frozenset(contact_ids))
    rel = relpath(path, root)
    raw = load_yaml(path, root)
    items = require_list(raw, "leaflets", rel)
    out: list[Leaflet] = []
    seen: set[str] = set()
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
        require_known_fields(entry, _LEAFLET_KEYS, rel, field)
        layout = entry.get("layout")
        if layout not in LAYOUT_PARTS:
            raise BuildError(rel, f"{field}.layout", f"must be one of {', '.join(LAYOUT_PARTS)}, not {layout!r}")
        paper = str(entry.get("paper") or "").split()
        if not (len(paper) in (1, 2) and paper[0] in PAPER_MM and paper[1:] in ([], ["landscape"])):
            raise BuildError(
                rel, f"{field}.paper", f"must be A4, A5 or A6, optionally with ' landscape', not {entry.get('paper')!r}"
            )
        pages = entry.get("pages")
        if isinstance(pages, bool) or not isinstance(pages, int) or pages < 1:
            raise BuildError(rel, f"{field}.pages", "must be the designed page count (1 or more)")
        page = _page_path(entry.get("page"), rel, f"{field}.page", site)
        raw_variants = entry.get("variants")
        variants = tuple(raw_variants) if isinstance(raw_variants, list) else (raw_variants,) if raw_variants else ()
        if any(v not in VARIANTS for v in variants) or len(set(variants)) != len(variants):
            raise BuildError(
                rel, f"{field}.variants", f"must be regions, offices, a list of them, or left out, not {raw_variants!r}"
            )
        variant_page = entry.get("variant_page")
        if "regions" in variants:
            variant_page = _page_path(variant_page, rel, f"{field}.variant_page", site)
        elif variant_page is not None:
            raise BuildError(rel, f"{field}.variant_page", "needs `variants: regions`")
        raw_parts = entry.get("parts") or {}
        if not isinstance(raw_parts, dict):
            raise BuildError(rel, f"{field}.parts", "must be a mapping of part name to a list of items")
        expected = LAYOUT_PARTS[layout]
        if set(raw_parts) != set(expected):
            raise BuildError(
                rel,
                f"{field}.parts",
                f"the {layout} layout has the parts "
                f"{', '.join(expected) or '(none)'}, not {', '.join(map(str, raw_parts)) or '(none)'}",
            )
        parts = {}
        for name in expected:
            values = raw_parts[name]
            if not isinstance(values, list) or not values:
                raise BuildError(rel, f"{field}.parts.{name}", "must be a non-empty list of items")
            parts[name] = tuple(_item(v, rel, f"{field}.parts.{name}[{j}]", site) for j, v in enumerate(values))
            for item in parts[name]:
                spec = item.contacts or {}
                for cid in [*spec.get("ids", []), *spec.get("emergency", [])]:
                    if cid not in site.contact_ids:
                        raise BuildError(rel, f"{item.field}.contacts.ids", f"no contact {cid!r} in data/contacts.yml")
        out.append(
            Leaflet(
                id=lid,
                layout=layout,
                paper=paper[0],
                landscape=len(paper) == 2,
                pages=pages,
                page=page,
                variants=variants,
                variant_page=variant_page,
                parts=parts,
            )
        )
    return out


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass(frozen=True)
class Edition:
    """One PDF: a leaflet in one language, national, for one province or for one office."""

    leaflet: Leaflet
    lang: str
    region: str | None = None
    office: Office | None = None

    @property
    def slug(self) -> str:
        """Its folder below <lang>/cetak/: an office's editions share the office's folder."""
        if self.office:
            return f"{self.office.id}/{self.leaflet.id}"
        return f"{self.leaflet.id}-{slugify(self.region)}" if self.region else self.leaflet.id

    @property
    def pdf_name(self) -> str:
        return f"jalur-resmi-{self.slug.replace('/', '-')}-{self.lang}.pdf"

    @property
    def page(self) -> str:
        """The page the edition's QR code opens: the regional page for a regional edition."""
        return (self.leaflet.variant_page if self.region else None) or self.leaflet.page


def editions(
    leaflets: list[Leaflet], langs: list[str], regions: list[str], offices: list[Office] | tuple = ()
) -> list[Edition]:
    """Every PDF to make: each leaflet in each language; for a leaflet with the variant `regions` one
    edition per province in `regions` (those with a regional office that may go on paper), and with
    the variant `offices` one per office that may go on paper (data/offices/)."""
    out = []
    for leaflet in leaflets:
        for lang in langs:
            out.append(Edition(leaflet, lang))
            if "regions" in leaflet.variants:
                out += [Edition(leaflet, lang, region) for region in regions]
            if "offices" in leaflet.variants:
                out += [Edition(leaflet, lang, office=office) for office in offices if office.on_paper()]
    return out


@dataclass
class Built:
    edition: Edition
    title: str
    folder: Path  # build/leaflets/<lang>/<slug>/
    pages: int
    bytes: int
    size_mm: tuple[float, float]
    qr_url: str
    reviewed: dt.date
    checked: dt.date | None
    seconds: float  # WeasyPrint: layout and PDF
    contacts: tuple[str, ...] = ()  # the ids of the contacts printed on it

    @property
    def pdf(self) -> Path:
        return self.folder / self.edition.pdf_name

    @property
    def preview(self) -> Path:
        return self.folder / "preview.png"

    @property
    def twin(self) -> Path:
        return self.folder / "index.html"
