"""How the office editions scale (issue 14): the leaflets with office variants (kontak, rujukan,
rapat-desa) built cold for 0, 1, 10 and 100 fixture offices, both languages, and a rebuild after one
office changed. Part of `python -m jalur bench`; tests/test_village_kit.py checks the budget.

The offices are copies of tests/fixtures/offices/kanim-uji.yml under new ids: made-up offices whose
numbers are valid in form and never leave the benchmark's temporary folder.
"""

from __future__ import annotations

import os
import re
import resource
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from jalur.core.project import ROOT, Project
from jalur.models.sitedata import SiteData
from jalur.outputs.leaflets.run import MAX_WORKERS

FIXTURE = ROOT / "tests" / "fixtures" / "offices" / "kanim-uji.yml"
BUDGET_SECONDS = 1.5  # per office edition (its leaflets in both languages), cold, on 2 cores


@dataclass(frozen=True)
class Run:
    offices: int
    seconds: float  # wall time of build_leaflets for the office-variant leaflets
    cpu_seconds: float  # the processor time it took, in this process and its workers together
    printed: tuple[str, ...]  # the editions printed (not taken from the cache): <slug> <lang>


def write_fixture_offices(folder: Path, count: int) -> list[str]:
    """`count` copies of the fixture office, ids kanim-uji-001…, each name carrying its number."""
    text = FIXTURE.read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    ids = []
    for n in range(1, count + 1):
        office_id = f"kanim-uji-{n:03d}"
        copy = re.sub(r"(?m)^id: kanim-uji$", f"id: {office_id}", text)
        copy = copy.replace("(FIXTURE", f"(FIXTURE {n:03d}")
        (folder / f"{office_id}.yml").write_text(copy, encoding="utf-8")
        ids.append(office_id)
    return ids


def office_leaflets(data: SiteData) -> list[str]:
    return [leaflet.id for leaflet in data.leaflets if "offices" in leaflet.variants]


def build_editions(folder: Path, work: Path, cache: Path | None, workers: int | None = None) -> Run:
    """The office-variant leaflets for the offices in `folder` (and their generic editions), as the
    build makes them (parallel workers), timed."""
    from jalur.build import environments
    from jalur.outputs.leaflets.run import build_leaflets

    data = SiteData(Project(ROOT), "https://jr.example/", offices_folder=folder)
    envs = environments(data, work)
    start, cpu = time.perf_counter(), _cpu()
    built = build_leaflets(data, envs, work, cache, only=office_leaflets(data), workers=workers)
    seconds, cpu_seconds = time.perf_counter() - start, _cpu() - cpu
    printed = tuple(sorted(f"{b.edition.slug} {b.edition.lang}" for b in built if b.seconds > 0))
    return Run(len(data.offices), seconds, cpu_seconds, printed)


def _cpu() -> float:
    """Processor time used so far by this process and by its finished worker processes."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def per_office(run: Run, baseline: Run) -> float:
    """Seconds an office adds: the run less the generic editions, over the offices."""
    return (run.seconds - baseline.seconds) / run.offices


def per_office_on_cores(run: Run, baseline: Run) -> float:
    """The processor time an office adds, shared over the cores the build uses: what `per_office`
    comes to on a machine with nothing else running (the test suite, a shared CI machine, are not)."""
    cores = min(MAX_WORKERS, os.cpu_count() or 1)
    return (run.cpu_seconds - baseline.cpu_seconds) / run.offices / cores


def scale(counts: tuple[int, ...] = (1, 10, 100), workers: int | None = None) -> tuple[Run, list[Run], Run]:
    """Cold runs for no office and for each count, then a rebuild of the last count with the cache
    after one office's hours changed."""
    with tempfile.TemporaryDirectory(prefix="jr-offices-") as tmp:
        root = Path(tmp)
        build_editions(root / "none", root / "warm", None, workers)  # WeasyPrint and Jinja warmed up
        baseline = build_editions(root / "none", root / "w0", None, workers)
        runs = []
        for count in counts:
            folder = root / f"offices-{count}"
            write_fixture_offices(folder, count)
            cache = root / f"cache-{count}"
            runs.append(build_editions(folder, root / f"w{count}", cache, workers))
        last = root / f"offices-{counts[-1]}"
        one = last / "kanim-uji-001.yml"
        one.write_text(one.read_text(encoding="utf-8").replace("08.00–16.00", "08.00–15.00"), encoding="utf-8")
        rebuild = build_editions(last, root / "rebuild", root / f"cache-{counts[-1]}", workers)
    return baseline, runs, rebuild


def print_scale(counts: tuple[int, ...]) -> None:
    baseline, runs, rebuild = scale(counts)
    leaflets = "kontak, rujukan, rapat-desa"
    print(f"Office editions ({leaflets}; both languages; cold; as the build runs them)")
    print(f"  no office (the generic editions only): {baseline.seconds:.2f} s, {len(baseline.printed)} PDFs")
    for run in runs:
        print(
            f"  {run.offices:>3} offices: {run.seconds:6.2f} s, {len(run.printed)} PDFs; "
            f"{per_office(run, baseline):.2f} s per office edition (budget {BUDGET_SECONDS}); "
            f"processor time per office over the cores: {per_office_on_cores(run, baseline):.2f} s"
        )
    offices = sorted({slug.split("/")[0] for slug in rebuild.printed if "/" in slug})
    print(
        f"  rebuild after one of {rebuild.offices} offices changed: {rebuild.seconds:.2f} s, "
        f"{len(rebuild.printed)} PDFs printed, of the offices {', '.join(offices) or 'none'}"
    )
