"""What a marker's renderer knows about the place it renders into."""

from __future__ import annotations

from dataclasses import dataclass, field

import jinja2

from jalur.core.errors import BuildError
from jalur.core.urls import page_link
from jalur.models.leaflets import Built
from jalur.models.sitedata import SiteData


@dataclass
class MarkerContext:
    lang: str
    rel: str  # the content file, for error messages
    page: str  # the page's path below the language root, e.g. "negara-tujuan/taiwan.md"
    line: int  # the marker's line in that file
    env: jinja2.Environment  # for `lang`: our catalog, Babel filters
    data: SiteData  # data files, loaded once per build
    before: list[str] = field(default_factory=list)  # the page's lines above the marker, as rendered
    leaflets: list[Built] | None = None  # the leaflets made by this build (None: a preview)

    def link(self, target: str) -> str:
        """A relative Markdown link target from this page to another page, e.g. "kontak/index.md"."""
        return page_link(self.page, target)

    def error(self, field: str, problem: str) -> BuildError:
        return BuildError(self.rel, f"line {self.line}: {field}", problem)
