"""Pieces of content pages for leaflets: a section named by its heading, its blocks, table rows.

Leaflets never carry their own copy of a fact: data/leaflets.yml names a page and a heading, and this
module cuts that section out of content/<lang>/<page> and turns it into HTML for paper. Markers inside
it are rendered for paper (contacts: confirmed only); links to other pages become absolute addresses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import markdown
from markupsafe import Markup

from jalur.content import marker_syntax
from jalur.core.errors import BuildError
from jalur.core.urls import linked_page, public_url

# Markers that only make sense on screen (a share button): left out of paper.
SCREEN_ONLY_MARKERS = ("share-list",)
EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "tables"]

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*(?:\{[^}]*\})?[ \t]*#*[ \t]*$")
_FENCE = marker_syntax.FENCE
_LIST = re.compile(r"^([-*+]|\d+\.)[ \t]+")
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+)\)")


@dataclass
class Section:
    level: int  # 0 for the text before the first heading
    title: str | None
    lines: list[str]


@dataclass
class Block:
    kind: str  # one of models.leaflets.BLOCK_KINDS, or "marker" for a marker other than contacts
    lines: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _headings(body: str) -> list[tuple[int, int, str]]:
    """(line index, level, title) of every ATX heading outside code fences."""
    out, fence = [], False
    for i, line in enumerate(body.split("\n")):
        if _FENCE.match(line):
            fence = not fence
        if fence:
            continue
        match = _HEADING.match(line)
        if match:
            out.append((i, len(match.group(1)), match.group(2).strip()))
    return out


def section(body: str, title: str | None, rel: str, field: str) -> Section:
    """The section under the heading `title` (to the next heading of the same or a higher level), or,
    with title None, the text before the first ## heading (a leading # title line left out)."""
    lines = body.split("\n")
    heads = _headings(body)
    if title is None:
        end = next((i for i, level, _ in heads if level >= 2), len(lines))
        intro = [ln for i, ln in enumerate(lines[:end]) if not any(i == h and lv == 1 for h, lv, _ in heads)]
        return Section(0, None, intro)
    found = [(i, level) for i, level, text in heads if text == title]
    if not found:
        known = "; ".join(text for _, level, text in heads if level >= 2)
        raise BuildError(rel, field, f"no heading {title!r} in this page (its headings: {known})")
    if len(found) > 1:
        raise BuildError(rel, field, f"the heading {title!r} appears {len(found)} times: it must be unique")
    start, level = found[0]
    end = next((i for i, lv, _ in heads if i > start and lv <= level), len(lines))
    return Section(level, title, lines[start + 1 : end])


def _kind(first: str) -> str:
    stripped = first.lstrip()
    marker = marker_syntax.parse(stripped)
    if marker:
        return "contacts" if marker[0] == "contacts" else "marker"
    if stripped.startswith(("!!!", "???")):
        return "admonition"
    if stripped.startswith("|"):
        return "table"
    if re.match(r"#{1,6}\s", stripped):
        return "heading"
    if _LIST.match(stripped):
        return "list"
    return "paragraph"


def blocks(lines: list[str]) -> list[Block]:
    """Split a section into blocks at blank lines; an indented chunk, or a list item after a list,
    continues the block before it (list items, admonition bodies)."""
    chunks: list[list[str]] = []
    current: list[str] = []
    fence = False
    for line in lines:
        if _FENCE.match(line):
            fence = not fence
        if not line.strip() and not fence:
            if current:
                chunks.append(current)
                current = []
            continue
        current.append(line)
    if current:
        chunks.append(current)
    out: list[Block] = []
    for chunk in chunks:
        kind = _kind(chunk[0])
        if (
            out
            and (chunk[0][:1] in (" ", "\t"))
            and out[-1].kind in ("list", "admonition")
            or out
            and kind == "list"
            and out[-1].kind == "list"
        ):
            out[-1].lines += [""] + chunk
        else:
            out.append(Block(kind, list(chunk)))
    return out


def marker_args(line: str) -> tuple[str, dict[str, str]]:
    """The name and arguments of a block that is a marker (its kind is "contacts" or "marker")."""
    parsed = marker_syntax.parse(line)
    if parsed is None:
        raise ValueError(f"not a marker: {line!r}")
    return parsed


def table_rows(
    lines: list[str], labels: list[str], rel: str, field: str
) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """From the first pipe table in `lines`: the header cells (without the row-label column) and the
    rows whose first cell (bold marks removed) is one of `labels`, in the order of `labels`."""
    table = next((b for b in blocks(lines) if b.kind == "table"), None)
    if table is None:
        raise BuildError(rel, field, "there is no table in this part of the page")

    def cells(row: str) -> list[str]:
        return [c.strip() for c in row.strip().strip("|").split("|")]

    rows = [cells(r) for r in table.lines]
    header, body = rows[0], [r for r in rows[2:]]
    by_label = {re.sub(r"^\*\*(.*)\*\*$", r"\1", r[0]).strip(): r[1:] for r in body}
    picked = []
    for label in labels:
        if label not in by_label:
            raise BuildError(rel, field, f"no table row {label!r} (rows: {', '.join(by_label)})")
        picked.append((label, by_label[label]))
    return header[1:], picked


# At most this many words besides the link: the sentence only points elsewhere ("Lihat Biaya.").
CROSS_REFERENCE_WORDS = 4
# A sentence ending "... on [Contacts]." / "... ada di [Kontak]." only points elsewhere too.
POINTER_WORDS = {"on", "in", "at", "see", "read", "continues", "di", "ke", "lihat", "baca", "melanjutkan"}
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
_SLOT = re.compile(r"\x00(\d+)\x00")  # a link, set aside while sentences are found (its target has dots)
_SENTENCE = re.compile(r"(^|(?<=[.!?])\s+)([^.!?\n]*[.!?])")


def drop_cross_references(text: str) -> str:
    """Paper cannot follow a link to another page of the site. A sentence that only sends the reader
    there ("Lihat [Biaya](biaya.md).", "Caranya ada di [Di luar negeri](di-luar-negeri.md).") is left
    out, and a list item left empty goes too; "Simpan nomornya: [Kontak](...)." keeps its first part.
    A link inside a sentence that says more stays, as its text."""
    out = []
    for line in text.split("\n"):
        kept = _without_cross_references(line)
        if kept != line and re.fullmatch(r"\s*(?:[-*+]|\d+\.)?\s*", kept):
            continue  # nothing but the cross-reference was on this line
        out.append(kept)
    return "\n".join(out)


def _without_cross_references(line: str) -> str:
    links: list[re.Match] = []

    def park(match: re.Match) -> str:
        links.append(match)
        return f"\x00{len(links) - 1}\x00"

    def is_page(index: str) -> bool:
        return not _SCHEME.match(links[int(index)].group("target"))

    def judge(match: re.Match) -> str:
        lead, sentence = match.group(1), match.group(2)
        if not any(is_page(i) for i in _SLOT.findall(sentence)):
            return match.group(0)  # no link to a page of the site
        words = _SLOT.sub(" ", sentence).replace(".", " ").split()
        end = re.fullmatch(r"(?P<before>.*?)\s*\x00(?P<i>\d+)\x00\s*(?P<stop>[.!?])", sentence)
        before = end.group("before") if end and is_page(end.group("i")) else None
        if before is not None and before.endswith(":") and len(words) > CROSS_REFERENCE_WORDS:
            return lead + before[:-1] + match.group(2)[-1]
        pointer = before is not None and (before.split() or [""])[-1].lower() in POINTER_WORDS
        return "" if pointer or len(words) <= CROSS_REFERENCE_WORDS else match.group(0)

    parked = _LINK.sub(park, line)
    return _SLOT.sub(lambda m: links[int(m.group(1))].group(0), _SENTENCE.sub(judge, parked))


def absolute_links(text: str, page: str, lang: str, site_url: str) -> str:
    """For paper: sentences that only point to another page are left out (drop_cross_references);
    other links to pages of the site (relative .md paths, #anchors) become absolute addresses, marked
    {: .jr-in } so paper shows their text only; web addresses stay as they are."""
    text = drop_cross_references(text)

    def replace(match: re.Match) -> str:
        target = match.group("target")
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
            return match.group(0)
        path, _, anchor = target.partition("#")
        address = public_url(site_url, lang, linked_page(page, path)) + (f"#{anchor}" if anchor else "")
        return f"[{match.group('text')}]({address}){{: .jr-in }}"

    return _LINK.sub(replace, text)


def to_html(text: str) -> Markup:
    return Markup(markdown.markdown(text, extensions=EXTENSIONS))


def inline_html(text: str) -> Markup:
    """One line of Markdown (a heading, a table cell) as inline HTML: "13. Paspor" stays a heading's
    text, not a list."""
    text = re.sub(r"^(\s*\d+)\.", r"\1\\.", text)
    text = re.sub(r"^(\s*)([-*+])(\s)", r"\1\\\2\3", text)
    html = markdown.markdown(text, extensions=EXTENSIONS).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def demote(html: str, top: int) -> Markup:
    """Shift headings down so that the highest one is <h{top}>."""
    levels = [int(n) for n in re.findall(r"<h([1-6])\b", html)]
    if not levels or min(levels) >= top:
        return Markup(html)
    shift = top - min(levels)
    return Markup(re.sub(r"<(/?)h([1-6])\b", lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift)}", html))
