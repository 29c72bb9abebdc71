"""data/languages.yml: the site's languages, the source language first among equals."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jalur.core.errors import BuildError, relpath
from jalur.core.yamlfile import load_yaml, require_list


@dataclass(frozen=True)
class Language:
    code: str  # "id", "en": also the URL prefix and the content folder
    name: str  # the language's own name, shown in the switcher
    source: bool  # the language every other one is translated from
    locale: str = ""  # language_TERRITORY for Open Graph (og:locale)


def load_languages(path: Path, root: Path) -> list[Language]:
    rel = relpath(path, root)
    items = require_list(load_yaml(path, root), "languages", rel)
    langs = []
    for i, item in enumerate(items):
        for key in ("code", "name"):
            if not isinstance(item, dict) or not str(item.get(key) or "").strip():
                raise BuildError(rel, f"languages[{i}].{key}", "is missing or empty")
        langs.append(
            Language(
                code=item["code"],
                name=item["name"],
                source=bool(item.get("source")),
                locale=str(item.get("locale") or item["code"]),
            )
        )
    codes = [lang.code for lang in langs]
    if len(set(codes)) != len(codes):
        raise BuildError(rel, "languages[].code", "a language is listed twice")
    if sum(lang.source for lang in langs) != 1:
        raise BuildError(rel, "languages[].source", "exactly one language must be the source")
    return langs


def source_language(languages: list[Language]) -> Language:
    return next(lang for lang in languages if lang.source)
