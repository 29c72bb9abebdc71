"""Running MkDocs: one `mkdocs build --strict` per generated config, all at once (they share nothing).

A failed build becomes one BuildError naming the content file behind the staged page MkDocs
complained about (build/<lang>/docs/x.md was staged from content/<lang>/x.md, or from the source
language's file when x.md is not translated).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from jalur.core.errors import BuildError

# MkDocs names the staged page in its warnings: "Doc file 'bagian/index.md' contains a link ...".
_DOC_FILE = re.compile(r"Doc file '([^']+)'")


def run_mkdocs(config_files: dict[str, Path], root: Path, sources: dict[str, dict[str, str]]) -> None:
    """`sources`: for each config's name, staged page path -> the content file it came from.

    Not --quiet: it hides warnings from the counter, and strict mode would then pass a broken link."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}
    procs = {
        name: subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "-f", str(path)],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for name, path in config_files.items()
    }
    failures = []
    for name, proc in procs.items():
        output, _ = proc.communicate()
        if proc.returncode != 0:
            lines = [ln for ln in output.splitlines() if ln.startswith(("WARNING", "ERROR"))] or output.splitlines()
            failures.append((name, lines))
    if failures:
        name, lines = failures[0]
        raise failure(name, config_files[name], lines, sources.get(name, {}))


def failure(name: str, config: Path, lines: list[str], sources: dict[str, str]) -> BuildError:
    """The first problem MkDocs reported, named by the content file it comes from."""
    first = next((ln for ln in lines if _DOC_FILE.search(ln)), lines[0] if lines else "mkdocs build failed")
    match = _DOC_FILE.search(first)
    detail = re.sub(r"^(WARNING|ERROR)\s*-\s*", "", first.strip())
    if match and match.group(1) in sources:
        field = "anchor" if "anchor" in detail else "link" if "link" in detail else "mkdocs --strict"
        return BuildError(sources[match.group(1)], field, detail)
    return BuildError(config.name, "mkdocs build --strict", "; ".join(ln.strip() for ln in lines[:5]) or detail)
