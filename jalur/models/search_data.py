"""data/search/: what the site's search knows about each language, reviewed like content.

- `stopwords.<lang>.yml` (`words:`): words left out of the index and of every query (English uses
  lunr's own list when there is no file);
- `synonyms.<lang>.yml` (`groups:`): groups of words a reader may type for the same thing; the
  glossary's abbreviations and their expansions are added as further groups;
- `evaluation.yml`: queries written the way readers type them, each with the pages that count as a
  right answer (tests/test_search*.py and `make bench` run them through the real search).

Each file is read once per build, and validated on load: bad input stops the build with one line
naming the file and the field (BuildError). A project without data/search/ gets no stop words, no
synonyms and no evaluation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from jalur.core.errors import BuildError, relpath
from jalur.core.yamlfile import load_yaml
from jalur.models.glossary import Term

WORD = re.compile(r"^[a-z0-9]+( [a-z0-9]+)*$")


@dataclass(frozen=True)
class SearchLists:
    lang: str
    stop_words: tuple[str, ...]
    # Groups of members; a member is one word or several words separated by a space.
    synonyms: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class EvalQuery:
    query: str
    pages: tuple[str, ...]


def _read(path: Path, root: Path):
    return relpath(path, root), load_yaml(path, root)


def _words(raw, key: str, rel: str) -> list:
    if not isinstance(raw, dict) or not isinstance(raw.get(key), list):
        raise BuildError(rel, key, f"must be a list under `{key}:`")
    return raw[key]


def member(value, rel: str, field: str) -> str:
    """One synonym: lowercase words of letters and digits, single spaces between them."""
    if not isinstance(value, str) or not value.strip():
        raise BuildError(rel, field, "must be a word, not empty")
    text = value.strip()
    if not WORD.match(text):
        raise BuildError(rel, field, f"{value!r}: only lowercase letters, digits and single spaces")
    return text


def normalise(text: str) -> str:
    """A glossary term as a synonym member: lowercase, hyphens and punctuation as spaces."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def load_stop_words(path: Path, root: Path) -> tuple[str, ...]:
    if not path.is_file():
        return ()
    rel, raw = _read(path, root)
    out: list[str] = []
    for i, value in enumerate(_words(raw, "words", rel)):
        word = member(value, rel, f"words[{i}]")
        if " " in word:
            raise BuildError(rel, f"words[{i}]", f"{word!r}: one word only")
        if word in out:
            raise BuildError(rel, f"words[{i}]", f"{word!r} is listed twice")
        out.append(word)
    return tuple(out)


def load_synonyms(path: Path, root: Path, stop_words: tuple[str, ...]) -> list[list[str]]:
    if not path.is_file():
        return []
    rel, raw = _read(path, root)
    groups: list[list[str]] = []
    where: dict[str, str] = {}
    for g, group in enumerate(_words(raw, "groups", rel)):
        field = f"groups[{g}]"
        if not isinstance(group, list) or len(group) < 2:
            raise BuildError(rel, field, "must be a list of at least two words")
        members = []
        for m, value in enumerate(group):
            word = member(value, rel, f"{field}[{m}]")
            if word in where:
                raise BuildError(rel, f"{field}[{m}]", f"{word!r} is already in {where[word]}")
            if word in stop_words:
                raise BuildError(rel, f"{field}[{m}]", f"{word!r} is a stop word: search ignores it")
            where[word] = field
            members.append(word)
        groups.append(members)
    return groups


def with_glossary(groups: list[list[str]], glossary: list[Term], lang: str) -> tuple[tuple[str, ...], ...]:
    """Each glossary abbreviation with its expansion in this language, joined to the group that
    already holds the abbreviation or the expansion, else a group of its own."""
    out = [list(g) for g in groups]
    for term in glossary:
        pair = [normalise(term.abbr), normalise(term.expansion[lang])]
        pair = [p for p in dict.fromkeys(pair) if p]
        if len(pair) < 2:
            continue
        home = next((g for g in out if any(p in g for p in pair)), None)
        if home is None:
            out.append(pair)
        else:
            home.extend(p for p in pair if p not in home)
    return tuple(tuple(g) for g in out)


def load_search_lists(data_dir: Path, root: Path, lang: str, glossary: list[Term]) -> SearchLists:
    folder = data_dir / "search"
    stop_words = load_stop_words(folder / f"stopwords.{lang}.yml", root)
    groups = load_synonyms(folder / f"synonyms.{lang}.yml", root, stop_words)
    return SearchLists(lang=lang, stop_words=stop_words, synonyms=with_glossary(groups, glossary, lang))


def load_evaluation(path: Path, root: Path, langs: list[str]) -> dict[str, list[EvalQuery]]:
    """evaluation.yml: per language, a list of {query, pages}; pages are paths like `kontak/`."""
    if not path.is_file():
        return {}
    rel, raw = _read(path, root)
    if not isinstance(raw, dict):
        raise BuildError(rel, None, f"must be a mapping with {', '.join(langs)}")
    out: dict[str, list[EvalQuery]] = {}
    for lang in langs:
        items = raw.get(lang) or []
        if not isinstance(items, list):
            raise BuildError(rel, lang, "must be a list of queries")
        queries = []
        for i, item in enumerate(items):
            field = f"{lang}[{i}]"
            if not isinstance(item, dict) or not isinstance(item.get("query"), str) or not item["query"].strip():
                raise BuildError(rel, f"{field}.query", "is missing or empty")
            pages = item.get("pages")
            if not isinstance(pages, list) or not pages or not all(isinstance(p, str) for p in pages):
                raise BuildError(rel, f"{field}.pages", "must be a list of page paths like kontak/")
            for p, page in enumerate(pages):
                if page and not page.endswith("/"):
                    raise BuildError(rel, f"{field}.pages[{p}]", f"{page!r}: a page path ends with /")
            queries.append(EvalQuery(item["query"].strip(), tuple(pages)))
        out[lang] = queries
    return out
