"""Lighthouse (mobile) scores for key pages, served with gzip as a real host would.

    python -m jalur lighthouse [--runs 3]      (make lighthouse)

Builds the site into a temporary folder with site_url set to a local gzip server, runs Lighthouse
(npm, tools/lighthouse/) against Debian's Chromium several times per page and prints the median of
each category. It prints figures; the budgets that can be checked cheaply are in tests/.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from jalur.build import build
from jalur.core.project import ROOT
from jalur.devtools.gzip_server import serve

PAGES = {"home": "id/", "guide": "id/berangkat-resmi/biaya/", "checklist": "id/cek-perekrut/", "contacts": "id/kontak/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(url: str, out: Path) -> dict[str, Any]:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            "--only-categories=" + ",".join(CATEGORIES),
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
            "--disable-component-update --no-first-run --disable-sync --disable-quic",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": chromium},
        stdout=subprocess.DEVNULL,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: report["categories"][c]["score"] * 100 for c in CATEGORIES}
    failed = [
        a["id"]
        for a in report["audits"].values()
        if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"
    ]
    scores["failed"] = failed
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m jalur lighthouse", description="Print Lighthouse mobile scores for key pages."
    )
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: run `make lighthouse` (npm ci in tools/lighthouse).", file=sys.stderr)
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="jr-lh-"))
    port = free_port()
    try:
        result = build(site_dir=tmp / "site", work=tmp / "work", site_url=f"http://127.0.0.1:{port}/")
        server = serve(result.site_dir, port)
        print(f"Lighthouse mobile, median of {args.runs} runs, gzip hosting on localhost")
        print(f"{'page':<10} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5}  failed audits")
        for name, path in PAGES.items():
            runs = [run(f"http://127.0.0.1:{port}/{path}", tmp / f"{name}-{i}.json") for i in range(args.runs)]
            med = {c: statistics.median(r[c] for r in runs) for c in CATEGORIES}
            failed = sorted({a for r in runs for a in r["failed"]})
            print(
                f"{name:<10} {med['performance']:>5.0f} {med['accessibility']:>5.0f} "
                f"{med['best-practices']:>5.0f} {med['seo']:>5.0f}  {', '.join(failed) or '-'}"
            )
        server.shutdown()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
