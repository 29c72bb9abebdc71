"""Front matter of content pages: parsing and the fields every page must have."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlparse

import yaml

from jalur.core.errors import BuildError
from jalur.core.yamlfile import SAFE_LOADER

REQUIRED = ("title", "description", "reviewed", "sources")
_FENCE = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n?", re.S)


@dataclass
class Page:
    meta: dict
    body: str


def split(text: str, rel: str) -> Page:
    """Split a Markdown file into its front matter (a dict) and its body."""
    match = _FENCE.match(text)
    if not match:
        raise BuildError(rel, "front matter", "missing: the file must start with a '---' block")
    try:
        meta = yaml.load(match.group(1), Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" (line {mark.line + 2})" if mark else ""
        problem = getattr(exc, "problem", None) or "cannot be parsed"
        raise BuildError(rel, "front matter", f"malformed YAML{line}: {problem}") from None
    if not isinstance(meta, dict):
        raise BuildError(rel, "front matter", "must be a YAML mapping")
    return Page(meta=meta, body=text[match.end() :])


def validate(meta: dict, rel: str) -> dict:
    """Check the required fields; return the meta with `reviewed` as a date."""
    for field in REQUIRED:
        value = meta.get(field)
        if value is None or (
            isinstance(value, (str, list)) and not (value.strip() if isinstance(value, str) else value)
        ):
            raise BuildError(rel, field, "is missing or empty")
    for field in ("title", "description"):
        if not isinstance(meta[field], str):
            raise BuildError(rel, field, "must be text")
    reviewed = meta["reviewed"]
    if isinstance(reviewed, str):
        try:
            reviewed = dt.date.fromisoformat(reviewed.strip())
        except ValueError:
            raise BuildError(rel, "reviewed", f"must be a date YYYY-MM-DD, not {meta['reviewed']!r}") from None
    if isinstance(reviewed, dt.datetime) or not isinstance(reviewed, dt.date):
        raise BuildError(rel, "reviewed", "must be a date YYYY-MM-DD")
    sources = meta["sources"]
    if not isinstance(sources, list):
        raise BuildError(rel, "sources", "must be a list of {title, url}")
    for i, source in enumerate(sources):
        if not isinstance(source, dict):
            raise BuildError(rel, f"sources[{i}]", "must have a title and a url")
        for key in ("title", "url"):
            if not isinstance(source.get(key), str) or not source[key].strip():
                raise BuildError(rel, f"sources[{i}].{key}", "is missing or empty")
        url = urlparse(source["url"].strip())
        if url.scheme not in ("http", "https") or not url.netloc:
            raise BuildError(rel, f"sources[{i}].url", f"is not a web address: {source['url']!r}")
    return {**meta, "reviewed": reviewed}


def dump(meta: dict, body: str) -> str:
    """Write a page back with its front matter (dates as ISO strings, Unicode kept)."""
    text = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{text}---\n\n{body.lstrip()}"
