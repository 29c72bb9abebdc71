"""Speed and weight of the built site. Prints figures; it asserts nothing (budgets live in tests/).

    python -m jalur bench [--rounds 3]

1. Build time: the full pipeline (`python -m jalur build`), from scratch and with the leaflet cache,
   against a plain `mkdocs build` of the same staged Markdown (each language's generated config, one
   after the other), interleaved, medians; with the build's own phase times, and the core pipeline
   (staging, the MkDocs builds, post-build) apart from the extra outputs plain MkDocs does not make.
2. HTML bytes per content page, raw and gzip -9, per language.
3. First visit of a content page: every file the browser fetches (HTML, CSS, JS, the search worker,
   the language switcher's sitemaps, favicon), gzip -9, with the request count; and what the search
   index adds when the reader opens search; and what the hidden print QR code adds to a page.
4. Leaflets (WeasyPrint, warm): layout and PDF time per leaflet, and the total, one after the other
   and as the build runs them (in parallel workers).
5. Office editions (jalur/devtools/office_bench.py): cold, for 1, 10 and 100 fixture offices
   (--offices), the time per office edition, and what a rebuild after one office changed prints.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from jalur.core.project import ROOT, Project
from jalur.devtools.office_bench import print_scale
from jalur.models.sitedata import SiteData


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def timed(cmd: list[str]) -> tuple[float, dict[str, float]]:
    """Wall time of a command, and the build's own phase times when it prints them."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    match = re.search(r"Built .* in [\d.]+ s \((.*)\)", proc.stdout)
    phases = {k: float(v) for k, v in (p.rsplit(" ", 1) for p in match.group(1).split(", "))} if match else {}
    return seconds, phases


CORE = ("stage", "mkdocs", "postbuild")  # the work a plain MkDocs site also needs


def build_times(rounds: int, tmp: Path) -> dict[str, list]:
    """Per round, interleaved: the full build from scratch (--no-cache), the full build again with the
    leaflet cache, and a plain `mkdocs build` of the same staged Markdown (both languages)."""
    project = Project(ROOT)
    langs = SiteData(project).language_codes
    runs: dict[str, list[tuple[float, dict[str, float]]]] = {"cold": [], "cached": [], "plain": []}
    for _ in range(rounds):
        build = [sys.executable, "-m", "jalur", "build", "--site-dir", str(tmp / "site")]
        runs["cold"].append(timed(build + ["--no-cache"]))
        runs["cached"].append(timed(build))
        # The pipeline left build/mkdocs.<lang>.yml and the staged Markdown: build exactly that, plainly.
        runs["plain"].append(
            (
                sum(
                    timed(
                        [
                            sys.executable,
                            "-m",
                            "mkdocs",
                            "build",
                            "-q",
                            "-f",
                            str(project.build_dir / f"mkdocs.{lang}.yml"),
                            "-d",
                            str(tmp / "plain" / lang),
                        ]
                    )[0]
                    for lang in langs
                ),
                {},
            )
        )
    return runs


def html_sizes(site: Path, lang: str) -> list[tuple[int, int]]:
    # Content pages only: not the leaflets' HTML twins (<lang>/cetak/<leaflet>/index.html).
    pages = [
        p for p in (site / lang).rglob("index.html") if "assets" not in p.parts and p.parent.parent.name != "cetak"
    ]
    return [(len(b), gz(b)) for b in (p.read_bytes() for p in pages)]


def first_visit(site: Path, lang: str, page: str) -> tuple[list[tuple[str, int, int]], tuple[str, int, int]]:
    """Files a first view of `page` fetches (path, raw, gzip), and the search index fetched on search."""
    html_file = site / lang / page / "index.html"
    html = html_file.read_text(encoding="utf-8")
    base = html_file.parent
    refs = re.findall(r'<link[^>]+rel="(?:stylesheet|icon)"[^>]+href="([^"]+)"', html)
    refs += re.findall(r'<script[^>]+src="([^"]+)"', html)
    # Not the search worker: overrides/partials/lazy-search.html creates it only when search is used.
    files = [(page + "/", html_file)]
    for ref in refs:
        files.append((ref, (base / ref).resolve()))
    rows = [(name, len(p.read_bytes()), gz(p.read_bytes())) for name, p in files]
    index = site / lang / "search" / "search_index.json"
    return rows, ("search/search_index.json", len(index.read_bytes()), gz(index.read_bytes()))


def search_on_use(site: Path, lang: str) -> list[tuple[str, int, int]]:
    """What the first search fetches: Material's worker, lunr's support file, our language plugin, the
    index (the search index's config.lang names the plugin; jalur/outputs/search.py)."""
    root = site / lang
    index = root / "search" / "search_index.json"
    tags = [t for t in json.loads(index.read_text(encoding="utf-8"))["config"]["lang"] if t != "en"]
    files = sorted((root / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    lunr = root / "assets" / "javascripts" / "lunr" / "min"
    files += [lunr / "lunr.stemmer.support.min.js"] * bool(tags) + [lunr / f"lunr.{t}.min.js" for t in tags]
    files.append(index)
    return [(p.relative_to(root).as_posix(), len(p.read_bytes()), gz(p.read_bytes())) for p in files]


def every_first_visit(site: Path, lang: str) -> list[tuple[int, str]]:
    """The first-visit gzip total of every page of a language (leaflet twins aside), lightest first."""
    pages = sorted(
        p.parent.relative_to(site / lang).as_posix()
        for p in (site / lang).rglob("index.html")
        if "assets" not in p.parts and p.parent.parent.name != "cetak"
    )
    return sorted((sum(r[2] for r in first_visit(site, lang, "" if page == "." else page)[0]), page) for page in pages)


def search_recall(site: Path) -> dict[str, tuple[float, int]]:
    """recall@3 of data/search/evaluation.yml through the built site's real search (Material's worker, our
    plugin, the index) in Node: jalur/devtools/search_run.js."""
    from jalur.models.search_data import load_evaluation

    evaluation = load_evaluation(ROOT / "data" / "search" / "evaluation.yml", ROOT, ["id", "en"])
    runner = Path(__file__).with_name("search_run.js")
    out = {}
    for lang, queries in evaluation.items():
        request = json.dumps({"queries": [q.query for q in queries]})
        proc = subprocess.run(["node", str(runner), str(site / lang)], input=request, capture_output=True, text=True)
        if proc.returncode:
            raise RuntimeError(proc.stderr)
        results = json.loads(proc.stdout)["results"]
        found = sum(bool(set(r[:3]) & set(q.pages)) for q, r in zip(queries, results, strict=True))
        out[lang] = (found / len(queries), len(queries))
    return out


def print_search(site: Path) -> None:
    print("Search (docs/search.md)")
    for lang in ("id", "en"):
        totals = every_first_visit(site, lang)
        heaviest = totals[-1]
        median = statistics.median(t for t, _ in totals)
        print(
            f"  {lang}: first visit, every page, gzip (budget 75,000 B): median {median:,.0f} B, "
            f"heaviest {heaviest[0]:,} B ({heaviest[1]}/); search bytes before use: 0"
        )
        rows = search_on_use(site, lang)
        print(
            f"    on first search: {sum(r[2] for r in rows):,} B gzip ("
            + ", ".join(f"{n} {g:,}" for n, _, g in rows)
            + ")"
        )
    try:
        recall = search_recall(site)
    except (OSError, RuntimeError) as exc:
        print(f"  recall@3: not measured ({exc})")
        return
    for lang, (value, count) in recall.items():
        print(f"  recall@3 {lang}: {value:.0%} of {count} queries (data/search/evaluation.yml; tested at 90%)")


def leaflet_times(rounds: int, tmp: Path) -> tuple[dict, list[float], list[float]]:
    """Per leaflet (slug, lang): [(seconds, pages, bytes)] over the rounds; the wall time of all leaflets
    one after the other, and with the build's parallel workers. A first run warms WeasyPrint up."""
    from jalur.build import environments
    from jalur.outputs.leaflets.run import build_leaflets

    data = SiteData(Project(ROOT))
    envs = environments(data, tmp)
    build_leaflets(data, envs, tmp / "leaflets-warm", workers=1)
    per: dict = {}
    serial, parallel = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        built = build_leaflets(data, envs, tmp / "leaflets", workers=1)
        serial.append(time.perf_counter() - start)
        for b in built:
            per.setdefault((b.edition.slug, b.edition.lang, b.edition.leaflet.css_size), []).append(
                (b.seconds, b.pages, b.bytes)
            )
        start = time.perf_counter()
        build_leaflets(data, envs, tmp / "leaflets")
        parallel.append(time.perf_counter() - start)
    return per, serial, parallel


def print_qr_cost(site: Path, lang: str, page: str) -> tuple[int, int]:
    """Bytes the hidden print QR code adds to a page: raw and gzip -9."""
    html = (site / lang / page / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<div class="jr-print-qr".*?</svg></div>', html, re.S)
    if not block:
        return 0, 0
    without = html.replace(block.group(0), "")
    return len(block.group(0).encode()), gz(html.encode()) - gz(without.encode())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m jalur bench", description="Print build time and page weight figures."
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--page", default="berangkat-resmi/biaya", help="content page for the first-visit figures")
    parser.add_argument(
        "--offices",
        default="1,10,100",
        help="numbers of fixture offices for the office-edition figures, comma-separated ('' for none)",
    )
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="jr-bench-"))
    try:
        runs = build_times(args.rounds, tmp)
        med = {name: statistics.median(r[0] for r in rows) for name, rows in runs.items()}
        plain = med["plain"]
        print(f"Build ({args.rounds} rounds, interleaved, {os.cpu_count()} cores; medians, seconds)")
        print(f"  plain mkdocs build of the same staged Markdown, both languages: {plain:.2f}")
        for name, label in (
            ("cold", "full build from scratch (--no-cache)"),
            ("cached", "full build, leaflets unchanged (cache)"),
        ):
            phases = {k: statistics.median(r[1].get(k, 0.0) for r in runs[name]) for k in runs[name][0][1]}
            core = sum(phases.get(k, 0.0) for k in CORE)
            print(
                f"  {label}: {med[name]:.2f} (ratio {med[name] / plain:.2f}); phases: "
                + ", ".join(f"{k} {v:.2f}" for k, v in phases.items())
            )
            print(
                f"    core pipeline (stage + 2 MkDocs builds in parallel + post-build): {core:.2f} "
                f"(ratio {core / plain:.2f}, budget 1.5); the rest makes what plain MkDocs does not: "
                f"leaflets, offline copies, preview images"
            )
        site = tmp / "site"
        print("HTML per content page (bytes)")
        for lang in ("id", "en"):
            sizes = html_sizes(site, lang)
            raw = [s[0] for s in sizes]
            zipped = [s[1] for s in sizes]
            print(
                f"  {lang}: {len(sizes)} pages; raw median {statistics.median(raw):,.0f}, max {max(raw):,}; "
                f"gzip median {statistics.median(zipped):,.0f}, max {max(zipped):,}"
            )
        for lang in ("id", "en"):
            rows, index = first_visit(site, lang, args.page)
            print(f"First visit of /{lang}/{args.page}/ ({len(rows)} requests, all to the site's own host)")
            for name, file_raw, file_gzip in rows:
                print(f"  {file_gzip:>8,} B gzip  {file_raw:>9,} B raw  {name}")
            total = sum(r[2] for r in rows)
            print(f"  total {total:,} B gzip, {sum(r[1] for r in rows):,} B raw (budget 90,000 B gzip)")
            search = sum(r[2] for r in search_on_use(site, lang))
            print(
                f"  + on first search: {search:,} B gzip (worker, plugin, {index[0]} {index[2]:,} B) "
                f"-> {total + search:,} B gzip with search used"
            )
            qr_raw, qr_gzip = print_qr_cost(site, lang, args.page)
            print(f"  of which the hidden print QR code: {qr_gzip:,} B gzip ({qr_raw:,} B raw)")
        print_search(site)
        import weasyprint

        per, serial, parallel = leaflet_times(args.rounds, tmp)
        print(f"Leaflets (WeasyPrint {weasyprint.__version__}, warm, {args.rounds} rounds, medians; layout + PDF)")
        for (slug, lang, paper), rows in per.items():
            seconds = statistics.median(r[0] for r in rows)
            print(f"  {slug:<28} {lang}  {paper:<13} {rows[0][1]} pages  {rows[0][2]:>8,} B  {seconds:.2f} s")
        total = sum(statistics.median(r[0] for r in rows) for rows in per.values())
        print(
            f"  total WeasyPrint time: {total:.2f} s for {len(per)} PDFs; with previews and HTML twins, one "
            f"after the other: median {statistics.median(serial):.2f} s; as the build runs them "
            f"({min(2, os.cpu_count() or 1)} workers): median {statistics.median(parallel):.2f} s"
        )
        if args.offices:
            print_scale(tuple(int(n) for n in args.offices.split(",")))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
