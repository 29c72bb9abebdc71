"""Making every leaflet of a build: compose each edition (in this process), print the PDFs that are not
in the cache (WeasyPrint, in worker processes on a machine with several cores), write the HTML twins
and, for each office, a page of its editions (<lang>/cetak/<office-id>/).

The build runs this before it stages the pages, so that cetak/ lists every PDF with its size and a
preview of page 1 (`<!-- jr:leaflets -->`); after MkDocs, `publish` copies build/leaflets/<lang>/ to
<lang>/cetak/ in the build's output (MkDocs empties its output folder when it starts).
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import jinja2

from jalur.core.errors import BuildError
from jalur.core.urls import LEAFLETS_DIR, leaflets_url, page_url, relative_url
from jalur.models.leaflets import Built, Edition, editions
from jalur.models.sitedata import SiteData
from jalur.outputs.leaflets.cache import CachedPdf, PdfCache, cache_key
from jalur.outputs.leaflets.compose import Composer
from jalur.outputs.leaflets.pdf import check_fonts, render_pdf, render_preview, warm_up

RULES = "data/leaflets.yml"
MAX_WORKERS = 2


@dataclass(frozen=True)
class PrintJob:
    """One PDF to print: everything a worker process needs, and nothing it must load itself."""

    edition: Edition
    html: str
    folder: Path


def _print(job: PrintJob) -> tuple[CachedPdf, float]:
    """WeasyPrint and the preview for one edition (in a worker process, or here)."""
    start = time.perf_counter()
    pdf, pages, size = render_pdf(job.html, job.edition, RULES)
    seconds = time.perf_counter() - start
    job.folder.mkdir(parents=True, exist_ok=True)
    path = job.folder / job.edition.pdf_name
    path.write_bytes(pdf)
    preview = job.folder / "preview.png"
    render_preview(path, preview)
    return CachedPdf(pdf=pdf, pages=pages, size_mm=size, preview=preview.read_bytes()), seconds


def print_all(jobs: list[PrintJob], workers: int | None = None) -> list[tuple[CachedPdf, float]]:
    """Print every job; with several cores, in that many forked processes (WeasyPrint is CPU-bound)."""
    if workers is None:
        workers = min(MAX_WORKERS, os.cpu_count() or 1, len(jobs))
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [_print(job) for job in jobs]
    warm_up()  # WeasyPrint imported and set up once, before the workers fork

    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(_print, jobs))


def check_addresses(all_editions: list[Edition], data: SiteData) -> None:
    """A content page may not take a leaflet's address (<lang>/cetak/<slug>/), and an office's folder
    (<lang>/cetak/<office-id>/) may not be a leaflet's."""
    taken = {page_url(path): path for path in data.pages.paths}
    slugs = {edition.slug for edition in all_editions if edition.office is None}
    for office in data.offices:
        if office.id in slugs:
            raise BuildError(office.rel, "id", f"{office.id!r} is already the address of a leaflet: choose another id")
    for edition in all_editions:
        url = f"{LEAFLETS_DIR}/{edition.slug}/"
        if url in taken:
            raise BuildError(
                f"content/{data.source.code}/{taken[url]}",
                None,
                f"this page's address is the leaflet {edition.slug!r}'s: rename one of them",
            )


def build_leaflets(
    data: SiteData,
    envs: dict[str, jinja2.Environment],
    work: Path,
    cache: Path | None = None,
    only: list[str] | None = None,
    workers: int | None = None,
) -> list[Built]:
    """Make every leaflet into work/leaflets/<lang>/<slug>/: the PDF, preview.png and the HTML twin
    index.html. A project without data/leaflets.yml has none."""
    leaflets = [leaflet for leaflet in data.leaflets if not only or leaflet.id in only]
    if not leaflets:
        return []
    check_fonts()
    offices = data.offices
    all_editions = editions(leaflets, data.language_codes, data.regions_on_paper, offices)
    for office in offices:
        if not office.on_paper():
            data.warnings.append(
                f"{office.rel}: not confirmed (confidence {office.confidence}): no printed edition (docs/offices.md)"
            )
    check_addresses(all_editions, data)
    out_root = work / "leaflets"
    if out_root.exists():
        shutil.rmtree(out_root)
    composer = Composer(data, envs)
    pdf_cache = PdfCache(cache)
    contexts = [composer.context(edition) for edition in all_editions]
    keys: list[str] = []
    done: dict[int, tuple[CachedPdf, float]] = {}
    jobs: dict[int, PrintJob] = {}
    for i, (edition, ctx) in enumerate(zip(all_editions, contexts, strict=True)):
        template = envs[edition.lang].get_template(f"leaflets/{edition.leaflet.layout}.html.j2")
        html = template.render(**ctx, medium="print")
        folder = out_root / edition.lang / edition.slug
        keys.append(cache_key(html, edition))
        cached = pdf_cache.get(keys[i])
        if cached:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / edition.pdf_name).write_bytes(cached.pdf)
            (folder / "preview.png").write_bytes(cached.preview)
            done[i] = (cached, 0.0)
        else:
            jobs[i] = PrintJob(edition, html, folder)
    for i, result in zip(jobs, print_all(list(jobs.values()), workers), strict=True):
        pdf_cache.put(keys[i], result[0])
        done[i] = result
    languages = {lang.code: lang.name for lang in data.languages}
    built = []
    for i, (edition, ctx) in enumerate(zip(all_editions, contexts, strict=True)):
        printed, seconds = done[i]
        item = Built(
            edition=edition,
            title=ctx["title"],
            folder=out_root / edition.lang / edition.slug,
            pages=printed.pages,
            bytes=len(printed.pdf),
            size_mm=printed.size_mm,
            qr_url=ctx["qr_url"],
            reviewed=ctx["reviewed"],
            checked=ctx["checked"],
            seconds=seconds,
            contacts=ctx["contact_ids"],
        )
        write_twin(item, ctx, envs[edition.lang], all_editions, languages)
        built.append(item)
    write_office_pages(built, composer, envs, data, out_root, languages)
    return built


def write_twin(
    built: Built, ctx: dict, env: jinja2.Environment, all_editions: list[Edition], languages: dict[str, str]
) -> None:
    """The leaflet as a web page (the same template for the screen), beside its PDF."""
    edition = built.edition
    here = leaflets_url(edition.lang, edition.slug)
    twins = [
        {"lang": other.lang, "href": relative_url(here, leaflets_url(other.lang, other.slug))}
        for other in all_editions
        if other.lang != edition.lang and other.slug == edition.slug
    ]
    guide = relative_url(here, f"{edition.lang}/{page_url(edition.page)}")
    links = {
        "guide_href": guide,
        "home_href": relative_url(here, f"{edition.lang}/"),
        "list_href": relative_url(here, leaflets_url(edition.lang)),
        # An office edition's way back to the office's page (write_office_pages).
        "office_href": relative_url(here, leaflets_url(edition.lang, edition.office.id)) if edition.office else None,
    }
    template = env.get_template(f"leaflets/{edition.leaflet.layout}.html.j2")
    built.twin.write_text(
        template.render(**ctx, **links, medium="web", built=built, twins=twins, languages=languages),
        encoding="utf-8",
    )


def write_office_pages(
    built: list[Built],
    composer: Composer,
    envs: dict[str, jinja2.Environment],
    data: SiteData,
    out_root: Path,
    languages: dict[str, str],
) -> None:
    """<lang>/cetak/<office-id>/index.html: an office's editions on one page, the address the office
    shares with its village officers."""
    by_page: dict[tuple[str, str], list[Built]] = {}
    for item in built:
        if item.edition.office is not None:
            by_page.setdefault((item.edition.office.id, item.edition.lang), []).append(item)
    for (office_id, lang), items in by_page.items():
        here = leaflets_url(lang, office_id)
        entries = [
            {
                "title": composer.title(item.edition, with_office=False),
                "leaflet": item.edition.leaflet,
                "built": item,
                "twin": relative_url(here, leaflets_url(lang, item.edition.slug)),
                "pdf": relative_url(here, leaflets_url(lang, item.edition.slug)) + item.edition.pdf_name,
            }
            for item in items
        ]
        twins = [
            {"lang": other, "href": relative_url(here, leaflets_url(other, office_id))}
            for (oid, other) in by_page
            if oid == office_id and other != lang
        ]
        page = (
            envs[lang]
            .get_template("leaflets/office.html.j2")
            .render(
                lang=lang,
                site_name=data.config.site_name,
                office=items[0].edition.office,
                entries=entries,
                twins=twins,
                languages=languages,
                home_href=relative_url(here, f"{lang}/"),
                list_href=relative_url(here, leaflets_url(lang)),
            )
        )
        (out_root / lang / office_id / "index.html").write_text(page, encoding="utf-8")


def publish(work: Path, out: Path) -> None:
    """Copy build/leaflets/<lang>/ into the output as <lang>/cetak/."""
    root = work / "leaflets"
    if not root.is_dir():
        return
    for lang_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        shutil.copytree(lang_dir, out / lang_dir.name / LEAFLETS_DIR, dirs_exist_ok=True)
