"""Staging: content/<lang>/ + data/ -> build/<lang>/docs/, the Markdown that MkDocs turns into HTML.

For every page of the source language (Indonesian) and every site language:
- take the translated file if there is one, else the source file with a visible "not translated yet"
  notice in the reader's language (never silently in the other language, never missing);
- check the front matter; replace markers with rendered data; append the sources and the "last reviewed"
  date; append the glossary's abbreviations (tooltips).
A page in a translation folder with no twin in the source folder stops the build.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import jinja2

from jalur.content import share
from jalur.content.markers import replace_markers
from jalur.content.render_glossary import abbreviations
from jalur.content.render_publisher import report_block
from jalur.content.typed_contacts import check_no_typed_contacts
from jalur.core import qr
from jalur.core.errors import BuildError
from jalur.core.urls import page_url, preview_url, public_url
from jalur.models import frontmatter
from jalur.models.languages import Language
from jalur.models.leaflets import Built
from jalur.models.nav import nav_pages
from jalur.models.sitedata import SiteData


@dataclass
class StagedPage:
    path: str  # relative path, e.g. "kontak/index.md"
    title: str
    translated: bool  # False: the source-language text with the notice
    reviewed: dt.date
    description: str = ""
    file: str = ""  # the content file it was staged from, for error messages

    @property
    def url(self) -> str:
        """The page's URL below the language root (directory URLs, as MkDocs writes them)."""
        return page_url(self.path)


def stage_language(
    data: SiteData, lang: Language, env: jinja2.Environment, out_docs: Path, leaflets: list[Built] | None = None
) -> list[StagedPage]:
    """Write build/<lang>/docs/: every page of the source language, in `lang` where translated.
    `leaflets`: what this build printed, for the list on cetak/ (None in a preview)."""
    project, source, store = data.project, data.source, data.pages
    listed = nav_pages(data.nav)
    if out_docs.exists():
        shutil.rmtree(out_docs)
    _copy_assets(project.content / source.code, out_docs)
    if lang.code != source.code:
        _copy_assets(project.content / lang.code, out_docs)

    abbr = abbreviations(data.glossary, lang.code)
    notice = env.get_template("untranslated.md.j2")
    meta_block = env.get_template("page_meta.md.j2")
    help_block = env.get_template("quick_exit_help.md.j2")
    quick_exit_label = env.get_template("quick_exit_label.txt.j2").render().strip()
    staged: list[StagedPage] = []
    for rel_page in store.paths:
        translated = store.translated(lang.code, rel_page)
        if rel_page not in listed:
            file = project.content / (lang.code if translated else source.code) / rel_page
            raise BuildError(file.relative_to(project.root).as_posix(), "nav", "the page is not listed in data/nav.yml")
        page = store.page(lang.code, rel_page)
        meta = page.meta
        if page.lang == lang.code:  # each file once: an untranslated page is checked with its own language
            check_no_typed_contacts(page.body, page.rel, page.first_body_line)
        body = replace_markers(
            page.body, page.rel, page.first_body_line, lang.code, env, data, page=rel_page, leaflets=leaflets
        )
        body = wrap_tables(body, env)
        url = public_url(data.site_url, lang.code, rel_page)
        if meta.get("quick_exit"):
            # The link itself is in the header (overrides/partials/header.html); its help goes at the end.
            body = body.rstrip() + "\n" + help_block.render()
        body = body.rstrip() + "\n\n" + share.share_block(env, meta["title"], meta["description"], url)
        if data.publisher:
            body += "\n" + report_block(env, data.publisher, meta["title"], url)
        if not translated:
            body = (
                notice.render(source_name=source.name)
                + f'\n<div lang="{source.code}" markdown>\n\n'
                + body.strip()
                + "\n\n</div>\n"
            )
        body = body.rstrip() + "\n" + meta_block.render(sources=meta["sources"], reviewed=meta["reviewed"])
        body += "\n" + abbr
        # The page's own address and its QR code, shown on paper only (jalur/core/qr.py).
        # preview_image: the link-preview card (jalur/outputs/previews.py), for overrides/partials/link-preview.html.
        out_meta = {
            **meta,
            "reviewed": meta["reviewed"].isoformat(),
            "print_url": url,
            "print_qr": qr.svg(url),
            "preview_image": preview_url(data.site_url, lang.code, rel_page),
        }
        if not translated:
            out_meta["untranslated"] = True
        if meta.get("quick_exit"):
            out_meta["quick_exit_label"] = quick_exit_label
        target = out_docs / rel_page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(frontmatter.dump(out_meta, body), encoding="utf-8")
        staged.append(
            StagedPage(
                path=rel_page,
                title=meta["title"],
                translated=translated,
                reviewed=meta["reviewed"],
                description=meta["description"],
                file=page.rel,
            )
        )
    return staged


_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*(\{[^}]*\})?\s*$")


def wrap_tables(body: str, env: jinja2.Environment) -> str:
    """Put every Markdown table in a focusable, labelled region that scrolls sideways on a phone."""
    lines, out, heading, i = body.split("\n"), [], "", 0
    label = env.get_template("table_label.txt.j2")
    while i < len(lines):
        match = _HEADING.match(lines[i])
        if match:
            heading = share.plain(match.group(1))
        if lines[i].lstrip().startswith("|") and (i == 0 or not lines[i - 1].strip()):
            end = i
            while end < len(lines) and lines[end].lstrip().startswith("|"):
                end += 1
            name = html.escape(label.render(heading=heading).strip(), quote=True)
            out += [
                f'<div class="jr-table" tabindex="0" role="region" aria-label="{name}" markdown>',
                "",
                *lines[i:end],
                "",
                "</div>",
            ]
            i = end
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def _copy_assets(src: Path, dst: Path) -> None:
    """Images and other non-Markdown files travel with the pages."""
    if not src.is_dir():
        return
    for path in src.rglob("*"):
        if path.is_file() and path.suffix != ".md" and not path.name.startswith("."):
            target = dst / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
