"""Reading YAML files with errors that name the file (and the line, for syntax errors).

Every read goes through `load_yaml`, which counts it in READS: a build reads each file once
(tests/test_build_once.py checks it).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from jalur.core.errors import BuildError, relpath

# libyaml's safe loader when PyYAML has it (it does in its wheels): about ten times faster.
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# How often each file was read in this process, by its path as the maintainer sees it.
READS: Counter[str] = Counter()


def count_read(rel: str) -> None:
    READS[rel] += 1


def parse_yaml(text: str, rel: str, loader: Any = SAFE_LOADER, first_line: int = 1) -> Any:
    """YAML text to Python; a syntax error names the file and the line (counted from first_line)."""
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + first_line}" if mark else "YAML"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise BuildError(rel, where, f"malformed YAML: {problem}") from None


def load_yaml(path: Path, root: Path, loader: Any = SAFE_LOADER) -> Any:
    rel = relpath(path, root)
    if not path.is_file():
        raise BuildError(rel, None, "file not found")
    count_read(rel)
    return parse_yaml(path.read_text(encoding="utf-8"), rel, loader)


def require_known_fields(raw: dict, known: set[str] | frozenset[str], rel: str, field: str | None) -> None:
    """Stop on a field the schema does not know (a typo would otherwise be silently ignored)."""
    unknown = set(raw) - set(known)
    if unknown:
        raise BuildError(
            rel, field, f"unknown field {', '.join(sorted(map(str, unknown)))} (known: {', '.join(sorted(known))})"
        )


def require_text(value: Any, rel: str, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise BuildError(rel, field, "is missing or empty")
    return value.strip()


def require_bilingual(value: Any, rel: str, field: str, langs: list[str]) -> dict[str, str]:
    """A {id: ..., en: ...} mapping with text for every site language."""
    if not isinstance(value, dict):
        raise BuildError(rel, field, f"must be a mapping with {', '.join(langs)}")
    return {code: require_text(value.get(code), rel, f"{field}.{code}") for code in langs}


def require_list(raw: Any, key: str, rel: str) -> list:
    """The non-empty list under a data file's top-level `key` (every data file has one)."""
    items = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(items, list) or not items:
        raise BuildError(rel, key, "must be a non-empty list")
    return items
