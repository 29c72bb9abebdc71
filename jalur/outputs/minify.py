"""Smaller files in the built site, because every byte reaches every phone: our own stylesheets
without comments and spacing (jalur.css, on every page, shrinks from about 2.9 to 1.7 KB gzip; the
files in overrides/ keep their comments; strings are left as they are), our own scripts likewise
(rjsmin, which only drops comments and spacing: the checklist's from 2.2 to 1.5 KB gzip), and every
page without the theme's indentation (about 0.7 KB gzip a page)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

# Our stylesheets as MkDocs copies them into each language's site.
STYLESHEETS = ("assets/stylesheets/jalur.css", "assets/stylesheets/checklist.css")
# Our scripts as the build leaves them in each language's site (the search plugins: jalur/outputs/search.py).
SCRIPTS = (
    "assets/javascripts/checklist.js",
    "assets/javascripts/lunr/min/lunr.id.min.js",
    "assets/javascripts/lunr/min/lunr.en-x-jr.min.js",
)
_TOKEN = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|/\*.*?\*/|\s+|[^"\'/\s]+|/', re.S)
_TIGHT = "{};,"  # no space is needed on either side of these


def minify_css(text: str) -> str:
    out: list[str] = []
    pending_space = False
    for token in _TOKEN.findall(text):
        if token.startswith("/*"):
            continue
        if token.isspace():
            pending_space = True
            continue
        if pending_space and out and out[-1][-1] not in _TIGHT and token[0] not in _TIGHT:
            out.append(" ")
        pending_space = False
        out.append(token)
    return "".join(out).strip() + "\n"


def _minify_files(out: Path, langs: list[str], rels: tuple[str, ...], minify: Callable[[str], str]) -> list[Path]:
    done = []
    for lang in langs:
        for rel in rels:
            path = out / lang / rel
            if path.is_file():
                path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
                done.append(path)
    return done


def minify_stylesheets(out: Path, langs: list[str]) -> list[Path]:
    return _minify_files(out, langs, STYLESHEETS, minify_css)


def minify_scripts(out: Path, langs: list[str]) -> list[Path]:
    import rjsmin

    return _minify_files(out, langs, SCRIPTS, lambda text: rjsmin.jsmin(text) + "\n")


# Kept exactly: their whitespace means something, or is hashed for the security policy.
_VERBATIM = re.compile(r"(<(?:pre|script|style|textarea)\b[\s\S]*?</(?:pre|script|style|textarea)>)", re.I)


def minify_html(html: str) -> str:
    """The theme's indentation and blank lines, dropped: a line break stays where there was one, so
    the page reads and lays out exactly the same. <pre>, <script>, <style> and <textarea> are kept."""
    pieces = _VERBATIM.split(html)
    for i in range(0, len(pieces), 2):  # the even pieces lie outside the verbatim elements
        pieces[i] = re.sub(r"\n[ \t]*(?:\n[ \t]*)*", "\n", pieces[i])
    return "".join(pieces)


def minify_pages(out: Path, langs: list[str]) -> None:
    for lang in langs:
        for page in (out / lang).rglob("*.html"):
            text = page.read_text(encoding="utf-8")
            page.write_text(minify_html(text), encoding="utf-8")
