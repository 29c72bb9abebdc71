"""Reading YAML data files with errors that name the file (and the line, for syntax errors)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# libyaml's safe loader when PyYAML has it (it does in its wheels): about ten times faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

from scripts.errors import BuildError, relpath


def load_yaml(path: Path, root: Path) -> Any:
    rel = relpath(path, root)
    if not path.is_file():
        raise BuildError(rel, None, "file not found")
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "YAML"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise BuildError(rel, where, f"malformed YAML: {problem}") from None


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
