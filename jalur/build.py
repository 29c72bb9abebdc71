"""Build the whole site: load and check every input once, make the leaflets, stage every language,
run one MkDocs build per language, finish, publish.

    python -m jalur build [--site-url URL] [--site-dir DIR] [--no-cache]

Phases, each handed the one SiteData of this build:
    catalogs    check and compile locales/ (jalur/core/i18n.py)
    leaflets    PDFs, previews and HTML twins (jalur/outputs/leaflets/)
    stage       build/<lang>/docs and build/mkdocs.<lang>.yml (jalur/content/, jalur/outputs/mkdocs_configs.py)
    mkdocs      both languages at once, strict (jalur/outputs/mkdocs_run.py)
    offline     the same Markdown with Material's offline plugin, zipped (jalur/outputs/offline.py)
    postbuild   sitemaps, the root pages, contact downloads, cetak/, search, our stylesheets and pages
                minified (jalur/outputs/minify.py), the pages' security policy, service workers,
                _headers and the nginx server block (jalur/outputs/deploy.py)
    previews    link-preview images (jalur/outputs/previews.py)
Everything is written under build/ first; site/ is replaced only when every phase succeeded, so a
failed build leaves the previous site as it was. Bad input stops with one line naming file and field.
"""

from __future__ import annotations

import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from jalur.content.render_publisher import publisher_line
from jalur.content.stage import StagedPage, stage_language
from jalur.core import i18n
from jalur.core.project import ROOT, Project
from jalur.core.urls import OFFLINE_DIR, display_address, offline_zip_name, preview_path
from jalur.models.leaflets import Built
from jalur.models.nav import mkdocs_nav
from jalur.models.release import check_release
from jalur.models.sitedata import SiteData
from jalur.outputs import (
    deploy,
    downloads,
    minify,
    mkdocs_configs,
    offline,
    previews,
    root_pages,
    search,
    security,
    service_worker,
    sitemaps,
)
from jalur.outputs.leaflets import run as leaflets
from jalur.outputs.mkdocs_run import run_mkdocs


@dataclass
class BuildResult:
    site_dir: Path
    site_url: str
    pages: dict[str, list[StagedPage]]
    seconds: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    leaflets: list[Built] = field(default_factory=list)


@dataclass
class Staged:
    """What staging wrote: per language, the pages and the MkDocs config that builds them."""

    envs: dict[str, jinja2.Environment]
    pages: dict[str, list[StagedPage]]
    configs: dict[str, Path]


def environments(data: SiteData, work: Path) -> dict[str, jinja2.Environment]:
    """Check and compile every catalog; a Jinja2 environment per language."""
    project = data.project
    return i18n.environments(project.templates, project.locales, data.language_codes, work / "locales", project.root)


def stage_all(
    data: SiteData, work: Path, envs: dict[str, jinja2.Environment], leaflets_built: list[Built] | None = None
) -> Staged:
    """Write build/<lang>/docs and build/mkdocs.<lang>.yml for every language."""
    pages, configs = {}, {}
    for lang in data.languages:
        docs = work / lang.code / "docs"
        pages[lang.code] = stage_language(data, lang, envs[lang.code], docs, leaflets_built)
        titles = {page.path: page.title for page in pages[lang.code]}
        configs[lang.code] = mkdocs_configs.write_config(
            data.project,
            lang,
            data.languages,
            work,
            docs,
            work / "out" / lang.code,
            data.site_url,
            mkdocs_nav(data.nav, titles),
            publisher_line(envs[lang.code], data.publisher, lang.code) or None,
        )
    return Staged(envs=envs, pages=pages, configs=configs)


def publish(out: Path, site_dir: Path) -> None:
    """Swap the finished output into place; the old site is removed only after the swap."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    old = site_dir.with_name(site_dir.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if site_dir.exists():
        site_dir.rename(old)
    shutil.move(str(out), str(site_dir))
    if old.exists():
        shutil.rmtree(old)


class Phases:
    """Wall time of each phase, for the build's last line and `make bench`."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, name: str):
        start = time.perf_counter()
        yield
        self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


def build(
    root: Path = ROOT,
    site_dir: Path | None = None,
    site_url: str | None = None,
    work: Path | None = None,
    cache: bool = True,
    release: bool = False,
) -> BuildResult:
    """Build everything. `cache`: reuse a leaflet PDF made earlier from exactly the same input
    (.cache/leaflets/, keyed by a hash of its HTML, design, fonts and WeasyPrint version).
    `release`: refuse a placeholder or reserved address and a missing publisher (models/release.py)."""
    project = Project(root)
    site_dir = site_dir or root / "site"
    work = work or project.build_dir
    data = SiteData(project, site_url)
    phase = Phases()
    start = time.perf_counter()
    url = data.site_url
    if release:
        check_release(url, data.site_url_source, data.publisher, "data/publisher.yml")
    elif data.publisher is None:
        data.warnings.append("data/publisher.yml: no publisher is named: this is a preview (make release refuses it)")
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    with phase("stage"):
        envs = environments(data, work)
    with phase("leaflets"):
        built_leaflets = leaflets.build_leaflets(data, envs, work, project.cache_dir / "leaflets" if cache else None)
    with phase("stage"):
        staged = stage_all(data, work, envs, built_leaflets)
    sources = {lang: {page.path: page.file for page in pages} for lang, pages in staged.pages.items()}
    with phase("mkdocs"):
        run_mkdocs(staged.configs, root, sources)
    with phase("offline"):
        run_mkdocs(
            {f"{lang}-offline": offline.write_config(work, lang) for lang in staged.configs},
            root,
            {f"{lang}-offline": sources[lang] for lang in sources},
        )
    out = work / "out"
    with phase("postbuild"):
        sitemaps.write_sitemaps(out, url, data.languages, data.source, staged.pages)
        root_pages.write_root_pages(out, url, data.config.site_name, data.languages, data.source, envs)
        downloads.write_downloads(data, out, envs)
        leaflets.publish(work, out)
        search.write(data, out, work / "offline", envs)
        minify.minify_stylesheets(out, data.language_codes)
        minify.minify_scripts(out, data.language_codes)
        minify.minify_pages(out, data.language_codes)
        hashes = security.harden_site(out, url)
        for lang in data.languages:
            service_worker.write(out, lang.code, envs[lang.code], data.config.site_name)
        deploy.write_headers_file(out, url, hashes, data.language_codes)
        deploy.write_nginx(out, url, hashes, data.language_codes)
    with phase("offline"):
        for lang in data.languages:
            offline.make_zip(
                work / "offline" / lang.code, out / lang.code / OFFLINE_DIR / offline_zip_name(lang.code), lang.code
            )
    with phase("previews"):
        painter = previews.PreviewPainter(data.config.site_name, display_address(url))
        for lang in data.languages:
            for page in staged.pages[lang.code]:
                painter.draw(page.title, page.description, out / lang.code / preview_path(page.path))
    publish(out, site_dir)
    seconds = {**phase.seconds, "total": time.perf_counter() - start}
    return BuildResult(
        site_dir=site_dir,
        site_url=url,
        pages=staged.pages,
        seconds=seconds,
        warnings=data.warnings,
        leaflets=built_leaflets,
    )
