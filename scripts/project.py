"""Where things live in a project checkout, and the language list."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts.data import load_yaml, require_list
from scripts.errors import BuildError

ROOT = Path(__file__).resolve().parent.parent


def page_url(path: str) -> str:
    """A content path's URL below its language root, as MkDocs writes directory URLs:
    index.md -> "", kontak/index.md -> kontak/, berangkat-resmi/biaya.md -> berangkat-resmi/biaya/."""
    url = path[:-3]
    return url[: -len("index")] if url == "index" or url.endswith("/index") else url + "/"


def public_url(site_url: str, lang: str, path: str) -> str:
    """The public address of a content page (site_url ends with a slash)."""
    return f"{site_url}{lang}/{page_url(path)}"


@dataclass(frozen=True)
class Language:
    code: str          # "id", "en": also the URL prefix and the content folder
    name: str          # the language's own name, shown in the switcher
    source: bool       # the language every other one is translated from
    locale: str = ""   # language_TERRITORY for Open Graph (og:locale)


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def locales(self) -> Path:
        return self.root / "locales"

    @property
    def build_dir(self) -> Path:
        return self.root / "build"

    @property
    def base_config(self) -> Path:
        return self.root / "mkdocs.yml"

    def languages(self) -> list[Language]:
        return load_languages(self.data / "languages.yml", self.root)

    def source_language(self) -> Language:
        return next(lang for lang in self.languages() if lang.source)


def load_languages(path: Path, root: Path) -> list[Language]:
    raw = load_yaml(path, root)
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    items = require_list(raw, "languages", rel)
    langs = []
    for i, item in enumerate(items):
        for key in ("code", "name"):
            if not isinstance(item, dict) or not str(item.get(key) or "").strip():
                raise BuildError(rel, f"languages[{i}].{key}", "is missing or empty")
        langs.append(Language(code=item["code"], name=item["name"], source=bool(item.get("source")),
                              locale=str(item.get("locale") or item["code"])))
    if sum(lang.source for lang in langs) != 1:
        raise BuildError(rel, "languages[].source", "exactly one language must be the source")
    return langs
