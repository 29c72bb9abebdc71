"""Preview one language with live reload: `python -m jalur serve --lang en` (make serve LANG_CODE=en).

Stages the site into build/ (as the full build does) and runs `mkdocs serve` on that language's
generated config. A watcher re-stages whenever content/, data/, templates/ or locales/ change;
mkdocs serve then rebuilds and reloads the browser. Bad input is printed and the last good preview stays.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from jalur.build import environments, stage_all
from jalur.core.errors import BuildError
from jalur.core.project import ROOT, Project
from jalur.models.sitedata import SiteData

WATCHED = ("content", "data", "templates", "locales")


def snapshot(root: Path) -> dict[str, float]:
    return {str(p): p.stat().st_mtime for d in WATCHED for p in (root / d).rglob("*") if p.is_file()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m jalur serve", description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="id")
    parser.add_argument("--addr", default="127.0.0.1:8000")
    args = parser.parse_args(argv)
    project = Project(ROOT)
    site_url = f"http://{args.addr}/"
    work = project.build_dir
    work.mkdir(exist_ok=True)

    def stage() -> dict[str, Path]:
        # A fresh SiteData each time: the preview re-reads what changed. No leaflets in a preview.
        data = SiteData(project, site_url)
        return stage_all(data, work, environments(data, work)).configs

    try:
        configs = stage()
    except BuildError as exc:
        print(f"Cannot start the preview: {exc}", file=sys.stderr)
        return 1
    if args.lang not in configs:
        print(f"Unknown language {args.lang!r}; choose one of {', '.join(configs)}", file=sys.stderr)
        return 1
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--no-strict",
            "--dev-addr",
            args.addr,
            "-f",
            str(configs[args.lang]),
        ],
        cwd=ROOT,
        env=env,
    )
    print(f"Preview of '{args.lang}' at {site_url}{args.lang}/ (Ctrl+C to stop)")
    seen = snapshot(ROOT)
    try:
        while server.poll() is None:
            time.sleep(1)
            now = snapshot(ROOT)
            if now != seen:
                seen = now
                try:
                    stage()
                    print("Re-staged after a change.")
                except BuildError as exc:
                    print(f"Not updated: {exc}", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
