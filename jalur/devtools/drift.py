"""Translation drift: which pages of each translation are missing, outdated or orphaned.

    python -m jalur drift [--check]

- missing:  the source (Indonesian) page has no translation; the build shows it with a notice.
- outdated: the source page's last commit is newer than the translation's last commit (git history);
            a source file with uncommitted changes counts as changed now.
- orphaned: a translated page whose source page is gone (the build refuses these).
With --check the command exits 1 when anything is reported (for CI or a pre-commit hook).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from jalur.core.project import ROOT, Project
from jalur.models.languages import load_languages, source_language


@dataclass
class Drift:
    lang: str
    missing: list[str] = field(default_factory=list)
    outdated: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)

    def empty(self) -> bool:
        return not (self.missing or self.outdated or self.orphaned)


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


def last_change(root: Path, path: Path) -> float:
    """Seconds since the epoch of the file's last commit; now if it has uncommitted changes."""
    rel = path.relative_to(root).as_posix()
    if _git(root, "status", "--porcelain", "--", rel).strip():
        return time.time()
    stamp = _git(root, "log", "-1", "--format=%ct", "--", rel).strip()
    return float(stamp) if stamp else time.time()


def drift(project: Project) -> list[Drift]:
    languages = load_languages(project.data / "languages.yml", project.root)
    source = source_language(languages)
    src_dir = project.content / source.code
    src_pages = {p.relative_to(src_dir).as_posix() for p in src_dir.rglob("*.md")}
    report = []
    for lang in languages:
        if lang.source:
            continue
        lang_dir = project.content / lang.code
        pages = {p.relative_to(lang_dir).as_posix() for p in lang_dir.rglob("*.md")} if lang_dir.is_dir() else set()
        item = Drift(lang=lang.code, missing=sorted(src_pages - pages), orphaned=sorted(pages - src_pages))
        for rel in sorted(src_pages & pages):
            if last_change(project.root, src_dir / rel) > last_change(project.root, lang_dir / rel):
                item.outdated.append(rel)
        report.append(item)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m jalur drift", description="Report translation drift against the source language."
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when any page is missing, outdated or orphaned")
    args = parser.parse_args(argv)
    project = Project(ROOT)
    source = source_language(load_languages(project.data / "languages.yml", project.root)).code
    report = drift(project)
    for item in report:
        print(f"[{item.lang}] translation of content/{source}/")
        for label, pages, hint in (
            ("missing", item.missing, "shown from the source with a 'not translated yet' notice"),
            ("outdated", item.outdated, f"content/{source}/ changed after content/{item.lang}/"),
            ("orphaned", item.orphaned, "no source page: delete or move it"),
        ):
            print(f"  {label}: {len(pages)}" + (f"  ({hint})" if pages else ""))
            for page in pages:
                print(f"    {page}")
    return 1 if args.check and not all(item.empty() for item in report) else 0


if __name__ == "__main__":
    sys.exit(main())
