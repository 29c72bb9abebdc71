"""One command line for the site: `python -m jalur <command> [options]` (the make targets call it).

    build            build the whole site into site/ (make site; --release: make release)
    serve            preview one language with live reload (make serve)
    drift            translation drift: pages missing, outdated or orphaned (make drift)
    catalogs         extract our UI strings and update every catalog (make catalogs)
    content-report   words, sentences, sources and review dates per page (make content-report)
    contacts-check   contacts due a re-check; exits 1 when there is any (make contacts-check)
    bench            speed and weight figures (make bench)
    lighthouse       Lighthouse mobile scores of key pages (make lighthouse)

`python -m jalur <command> --help` shows a command's options.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

from jalur.build import build
from jalur.core.errors import BuildError
from jalur.core.project import ROOT
from jalur.devtools import benchmark, contacts_check, content_report, drift, lighthouse, serve


def build_command(argv: list[str], root: Path | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m jalur build", description="Build the whole site into site/.")
    parser.add_argument("--site-url", help="the site's root address (default: SITE_URL or mkdocs.yml)")
    parser.add_argument("--site-dir", type=Path, help="where to publish (default: site/)")
    parser.add_argument("--no-cache", action="store_true", help="render every leaflet again")
    parser.add_argument(
        "--release",
        action="store_true",
        help="a release: refuse a placeholder address and a missing publisher (make release)",
    )
    args = parser.parse_args(argv)
    try:
        result = build(
            root=root or ROOT,
            site_dir=args.site_dir,
            site_url=args.site_url,
            cache=not args.no_cache,
            release=args.release,
        )
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


def catalogs_command(argv: list[str]) -> int:
    """pybabel extract + update + compile, as `make catalogs` always did, from one place."""
    if argv:
        print("python -m jalur catalogs takes no options", file=sys.stderr)
        return 2
    pybabel = CommandLineInterface()
    pot = str(ROOT / "locales" / "messages.pot")
    for args in (
        [
            "extract",
            "-F",
            str(ROOT / "babel.cfg"),
            "--no-location",
            "--sort-output",
            "--project",
            "Jalur Resmi",
            "-o",
            pot,
            str(ROOT),
        ],
        ["update", "-i", pot, "-d", str(ROOT / "locales"), "-w", "100", "--ignore-obsolete"],
        ["compile", "-d", str(ROOT / "locales"), "--statistics"],
    ):
        pybabel.run(["pybabel", *args])
    return 0


COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "build": build_command,
    "serve": serve.main,
    "drift": drift.main,
    "catalogs": catalogs_command,
    "content-report": content_report.main,
    "contacts-check": contacts_check.main,
    "bench": benchmark.main,
    "lighthouse": lighthouse.main,
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help") or argv[0] not in COMMANDS:
        print(__doc__.strip())
        if argv and argv[0] not in ("-h", "--help"):
            print(f"\nunknown command {argv[0]!r}", file=sys.stderr)
            return 2
        return 0 if argv else 2
    return COMMANDS[argv[0]](argv[1:])
