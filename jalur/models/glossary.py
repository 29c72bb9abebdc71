"""data/glossary.yml: acronyms and official terms, shown as a table and as tooltips on every page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jalur.core.errors import BuildError, relpath
from jalur.core.yamlfile import load_yaml, require_list, require_text


@dataclass(frozen=True)
class Term:
    abbr: str
    expansion: dict[str, str]
    meaning: dict[str, str]


def load_glossary(path: Path, root: Path, langs: list[str]) -> list[Term]:
    rel = relpath(path, root)
    raw = load_yaml(path, root)
    items = require_list(raw, "terms", rel)
    terms: list[Term] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise BuildError(rel, f"terms[{i}]", "must be a mapping")
        abbr = require_text(item.get("abbr"), rel, f"terms[{i}].abbr")
        if abbr in seen:
            raise BuildError(rel, f"terms[{i}].abbr", f"duplicate term {abbr!r}")
        seen.add(abbr)
        expansion, meaning = {}, {}
        for lang in langs:
            block = item.get(lang)
            if not isinstance(block, dict):
                raise BuildError(rel, f"terms[{i}].{lang}", f"missing the {lang} text for {abbr!r}")
            expansion[lang] = require_text(block.get("expansion"), rel, f"terms[{i}].{lang}.expansion")
            meaning[lang] = require_text(block.get("meaning"), rel, f"terms[{i}].{lang}.meaning")
        terms.append(Term(abbr=abbr, expansion=expansion, meaning=meaning))
    return sorted(terms, key=lambda t: t.abbr.casefold())
