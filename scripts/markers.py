"""Marker comments in content pages, replaced with Markdown rendered from data/.

A marker is an HTML comment alone on a line: `<!-- jr:NAME key=value key=value -->`.
Each NAME maps to one renderer below; an unknown name or a malformed marker stops the build.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from scripts.errors import BuildError

_MARKER = re.compile(
    r"^<!--\s*jr:(?P<name>[a-z][a-z0-9-]*)(?P<args>(?:\s+[a-z][a-z0-9_-]*=[^\s>]+)*)\s*-->\s*$"
)
_ANY = re.compile(r"<!--\s*jr:")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass
class MarkerContext:
    lang: str
    rel: str            # the content file, for error messages
    page: str           # the page's path below the language root, e.g. "negara-tujuan/taiwan.md"
    line: int           # the marker's line in that file
    env: object         # Jinja2 environment for `lang`
    data: object        # scripts.sitedata.SiteData: data files, loaded once per build
    before: list = None  # the page's lines above the marker, as already rendered

    def link(self, target: str) -> str:
        """A relative Markdown link target from this page to another page, e.g. "kontak/index.md"."""
        import posixpath
        return posixpath.relpath(target, posixpath.dirname(self.page) or ".")

    def error(self, field: str, problem: str) -> BuildError:
        return BuildError(self.rel, f"line {self.line}: {field}", problem)


Renderer = Callable[[dict, MarkerContext], str]
_RENDERERS: dict[str, Renderer] = {}


def marker(name: str):
    """Register a renderer for `<!-- jr:NAME ... -->`."""
    def register(func: Renderer) -> Renderer:
        _RENDERERS[name] = func
        return func
    return register


def known() -> list[str]:
    _load_renderers()
    return sorted(_RENDERERS)


def _load_renderers() -> None:
    # The modules that define markers register themselves on import.
    from scripts import checklist, contacts, glossary, leaflets, offline, share  # noqa: F401


def replace_markers(body: str, rel: str, first_line: int, lang: str, env, data, page: str = "") -> str:
    """Replace every marker line in `body`; `first_line` is the body's first line number in the file."""
    _load_renderers()
    out: list[str] = []
    in_fence = False
    for offset, line in enumerate(body.split("\n")):
        number = first_line + offset
        if _FENCE.match(line):
            in_fence = not in_fence
        if in_fence or not _ANY.search(line):
            out.append(line)
            continue
        match = _MARKER.match(line.strip())
        if not match:
            raise BuildError(rel, f"line {number}", f"malformed marker {line.strip()!r}: "
                             "write it alone on its line as <!-- jr:NAME key=value -->")
        name = match.group("name")
        if name not in _RENDERERS:
            raise BuildError(rel, f"line {number}", f"unknown marker 'jr:{name}' "
                             f"(known: {', '.join('jr:' + k for k in sorted(_RENDERERS))})")
        args = dict(pair.split("=", 1) for pair in match.group("args").split())
        ctx = MarkerContext(lang=lang, rel=rel, page=page, line=number, env=env, data=data, before=out)
        out.append(_RENDERERS[name](args, ctx).rstrip("\n"))
    return "\n".join(out)
