"""data/nav.yml: the order of pages, shared by every language.

Each item is a page path, or a section: `{section: dir/index.md, pages: [dir/a.md, ...]}`.
A section's title in each language is the title of its index page in that language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jalur.core.errors import BuildError, relpath
from jalur.core.yamlfile import load_yaml, require_list


@dataclass
class Section:
    index: str
    pages: list[str]


NavItem = str | Section


def load_nav(path: Path, root: Path, source_pages: list[str]) -> list[NavItem]:
    rel = relpath(path, root)
    raw = load_yaml(path, root)
    items = require_list(raw, "nav", rel)
    known = set(source_pages)
    seen: set[str] = set()

    def page(value, field: str) -> str:
        if not isinstance(value, str) or not value.endswith(".md"):
            raise BuildError(rel, field, f"must be a page path ending in .md, not {value!r}")
        if value not in known:
            raise BuildError(rel, field, f"no such page: content/<source>/{value}")
        if value in seen:
            raise BuildError(rel, field, f"{value} is listed twice")
        seen.add(value)
        return value

    nav: list[NavItem] = []
    for i, item in enumerate(items):
        if isinstance(item, dict):
            index = page(item.get("section"), f"nav[{i}].section")
            pages = item.get("pages") or []
            if not isinstance(pages, list):
                raise BuildError(rel, f"nav[{i}].pages", "must be a list of page paths")
            nav.append(Section(index=index, pages=[page(p, f"nav[{i}].pages[{j}]") for j, p in enumerate(pages)]))
        else:
            nav.append(page(item, f"nav[{i}]"))
    return nav


def nav_pages(nav: list[NavItem]) -> set[str]:
    out: set[str] = set()
    for item in nav:
        if isinstance(item, Section):
            out.add(item.index)
            out.update(item.pages)
        else:
            out.add(item)
    return out


def mkdocs_nav(nav: list[NavItem], titles: dict[str, str]) -> list:
    """The MkDocs `nav:` value for one language (titles: page path -> title in that language)."""
    out: list = []
    for item in nav:
        if isinstance(item, Section):
            out.append({titles[item.index]: [item.index, *item.pages]})
        else:
            out.append(item)
    return out
