"""Building small throw-away projects for tests: the real config, theme overrides, templates and
catalogs of this repository, with a small fixture's content and data."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from jalur.core.project import ROOT

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = ("mkdocs.yml", "overrides", "templates", "locales", "data/languages.yml")


def make_project(tmp: Path, fixture: str = "mini") -> Path:
    """A copy of the fixture project, with this repository's shared files beside it."""
    root = tmp / "project"
    shutil.copytree(FIXTURES / fixture, root)
    for name in SHARED:
        src = ROOT / name
        dst = root / name
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns("*.mo"))
        else:
            shutil.copy2(src, dst)
    return root


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def replace_in(path: Path, old: str, new: str) -> None:
    """Change a file of a fixture project; the text to change must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def tree_digest(path: Path) -> str:
    """A fingerprint of every file below `path` (names and bytes): equal means untouched."""
    digest = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        digest.update(file.relative_to(path).as_posix().encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()
