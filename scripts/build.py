"""Build the whole site: check and stage every language, run one MkDocs build per language, finish.

    python -m scripts.build [--site-url URL] [--site-dir DIR]

Everything is written under build/ first. site/ is replaced only when every step succeeded, so a
failed build leaves the previous site as it was. Bad input stops with one line naming file and field.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from scripts import configs, contacts_export, i18n, leaflets, offline, postbuild, previews, service_worker
from scripts.errors import BuildError
from scripts.nav import load_nav, mkdocs_nav, nav_pages
from scripts.project import ROOT, Project
from scripts.sitedata import SiteData
from scripts.stage import StagedPage, source_pages, stage_language


@dataclass
class BuildResult:
    site_dir: Path
    site_url: str
    pages: dict[str, list[StagedPage]]
    seconds: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    leaflets: list = field(default_factory=list)       # scripts.leaflets.Built, one per PDF


def stage_all(project: Project, work: Path, site_url: str) -> tuple[dict, dict, dict, list]:
    """Check all input and write build/<lang>/docs and build/mkdocs.<lang>.yml for every language."""
    data = SiteData(project)
    data.site_url = site_url
    languages = data.languages
    source = project.source_language()
    pages = source_pages(project, source)
    nav = load_nav(project.data / "nav.yml", project.root, pages)
    listed = nav_pages(nav)
    envs, staged, config_files = {}, {}, {}
    for lang in languages:
        mo = i18n.compile_catalog(project.locales, lang.code, work / "locales", project.root, project.templates)
        envs[lang.code] = i18n.environment(project.templates, lang.code, mo)
    for lang in languages:
        docs = work / lang.code / "docs"
        staged[lang.code] = stage_language(project, lang, source, envs[lang.code], data, docs, listed)
        titles = {page.path: page.title for page in staged[lang.code]}
        config_files[lang.code] = configs.write_config(
            project, lang, languages, work, docs, work / "out" / lang.code, site_url,
            mkdocs_nav(nav, titles))
    return envs, staged, config_files, data.warnings


def run_mkdocs(config_files: dict[str, Path], root: Path) -> None:
    """Run `mkdocs build` for every config at once (they share nothing); strict mode stops on warnings.

    Not --quiet: it hides warnings from the counter, and strict mode would then pass a broken link.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}
    procs = {name: subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-f", str(path)],
                                    cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                    text=True)
             for name, path in config_files.items()}
    failures = []
    for name, proc in procs.items():
        output, _ = proc.communicate()
        if proc.returncode != 0:
            lines = [ln for ln in output.splitlines() if ln.startswith(("WARNING", "ERROR"))] or output.splitlines()
            failures.append((name, lines))
    if failures:
        name, lines = failures[0]
        detail = "; ".join(line.strip() for line in lines[:5])
        lang = name.split("-")[0]
        raise BuildError(f"build/{lang}/docs (from content/)", f"mkdocs --strict ({config_files[name].name})", detail)


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


def build(root: Path = ROOT, site_dir: Path | None = None, site_url: str | None = None,
          work: Path | None = None, cache: bool = True) -> BuildResult:
    """Build everything. `cache`: reuse a leaflet PDF made earlier from exactly the same input
    (.cache/leaflets/, keyed by a hash of its HTML, design, fonts and WeasyPrint version)."""
    project = Project(root)
    site_dir = site_dir or root / "site"
    work = work or project.build_dir
    url = configs.base_site_url(project, site_url)
    seconds = {}
    start = time.perf_counter()
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    envs, staged, config_files, warnings = stage_all(project, work, url)
    seconds["stage"] = time.perf_counter() - start

    # Leaflets (PDF, page-1 preview, HTML twin) before MkDocs, so that cetak/ can list them with their
    # sizes (scripts/leaflets.py).
    t = time.perf_counter()
    built_leaflets = leaflets.build_leaflets(project, work, url, envs, staged,
                                             cache=project.root / ".cache" / "leaflets" if cache else None)
    seconds["leaflets"] = time.perf_counter() - t

    t = time.perf_counter()
    run_mkdocs(config_files, root)
    seconds["mkdocs"] = time.perf_counter() - t

    # The offline copies: the same staged Markdown through Material's offline plugin.
    t = time.perf_counter()
    run_mkdocs({f"{lang}-offline": offline.write_config(work, lang) for lang in config_files}, root)
    seconds["offline"] = time.perf_counter() - t

    t = time.perf_counter()
    out = work / "out"
    languages = project.languages()
    source = project.source_language()
    postbuild.write_sitemaps(out, url, languages, source, staged)
    postbuild.write_root_pages(out, url, configs.site_name(project), languages, source, envs)
    contacts_export.write_downloads(project, out, languages, envs)
    leaflets.publish(work, out)
    for lang in languages:
        service_worker.write(out, lang.code, envs[lang.code], configs.site_name(project))
    seconds["postbuild"] = time.perf_counter() - t

    t = time.perf_counter()
    for lang in languages:
        offline.make_zip(work / "offline" / lang.code, out / lang.code / "unduh" / offline.zip_name(lang.code),
                         lang.code)
    seconds["offline"] += time.perf_counter() - t

    t = time.perf_counter()
    painter = previews.PreviewPainter(configs.site_name(project), urlparse(url).netloc)
    for lang in languages:
        for page in staged[lang.code]:
            painter.draw(page.title, page.description,
                         out / lang.code / "assets" / "previews" / f"{previews.slug(page.url)}.png")
    seconds["previews"] = time.perf_counter() - t

    publish(out, site_dir)
    seconds["total"] = time.perf_counter() - start
    return BuildResult(site_dir=site_dir, site_url=url, pages=staged, seconds=seconds, warnings=warnings,
                       leaflets=built_leaflets)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-url", help="the site's root address (default: SITE_URL or mkdocs.yml)")
    parser.add_argument("--site-dir", type=Path, help="where to publish (default: site/)")
    parser.add_argument("--no-cache", action="store_true", help="render every leaflet again")
    args = parser.parse_args(argv)
    try:
        result = build(root=ROOT, site_dir=args.site_dir, site_url=args.site_url, cache=not args.no_cache)
    except BuildError as exc:
        print(f"Build stopped: {exc}", file=sys.stderr)
        print("Nothing was published; site/ is unchanged.", file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for lang, pages in result.pages.items():
        missing = [p.path for p in pages if not p.translated]
        note = f", {len(missing)} not translated yet" if missing else ""
        print(f"{lang}: {len(pages)} pages{note}")
    phases = ", ".join(f"{name} {sec:.2f}" for name, sec in result.seconds.items() if name != "total")
    print(f"Built {result.site_dir} for {result.site_url} in {result.seconds['total']:.1f} s ({phases})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
