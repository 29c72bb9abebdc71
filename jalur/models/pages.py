"""Content pages: content/<source>/ lists the pages; each file is read and its front matter checked
once per build, whichever language's build or leaflet asks for it first.

A page missing in a translation is read from the source language (the build marks it untranslated);
a page in a translation folder with no source twin stops the build.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from jalur.core.errors import BuildError, relpath
from jalur.core.project import Project
from jalur.core.yamlfile import count_read
from jalur.models import frontmatter
from jalur.models.languages import Language


@dataclass(frozen=True)
class ContentPage:
    path: str  # below the language folder, e.g. "kontak/index.md"
    lang: str  # the language of the text (the source language when not translated)
    rel: str  # the file as the maintainer sees it, for error messages
    meta: dict  # checked front matter (`reviewed` as a date)
    body: str
    first_body_line: int  # the body's first line number in the file

    @property
    def title(self) -> str:
        return self.meta["title"]

    @property
    def reviewed(self) -> dt.date:
        return self.meta["reviewed"]


class PageStore:
    """Every content page of one build, each file read and checked at most once."""

    def __init__(self, project: Project, languages: list[Language], source: Language):
        self.project, self.languages, self.source = project, languages, source
        self._files: dict[Path, ContentPage] = {}
        self.paths = self._source_paths()
        self._check_orphans()

    def _source_paths(self) -> list[str]:
        base = self.project.content / self.source.code
        if not base.is_dir():
            raise BuildError(relpath(base, self.project.root), None, "the source-language content folder is missing")
        return sorted(p.relative_to(base).as_posix() for p in base.rglob("*.md"))

    def _check_orphans(self) -> None:
        known = set(self.paths)
        for lang in self.languages:
            base = self.project.content / lang.code
            if lang.code == self.source.code or not base.is_dir():
                continue
            for path in sorted(base.rglob("*.md")):
                rel = path.relative_to(base).as_posix()
                if rel not in known:
                    raise BuildError(
                        relpath(path, self.project.root),
                        None,
                        f"has no {self.source.name} twin: content/{self.source.code}/{rel} does not exist",
                    )

    def translated(self, lang: str, path: str) -> bool:
        return (self.project.content / lang / path).is_file()

    def page(self, lang: str, path: str) -> ContentPage:
        """The page in `lang`, or the source-language text when it is not translated."""
        file = self.project.content / lang / path
        if not file.is_file():
            file = self.project.content / self.source.code / path
        if file not in self._files:
            self._files[file] = self._read(file, path)
        return self._files[file]

    def _read(self, file: Path, path: str) -> ContentPage:
        rel = relpath(file, self.project.root)
        if not file.is_file():
            raise BuildError(rel, None, "no such page")
        count_read(rel)
        text = file.read_text(encoding="utf-8")
        split = frontmatter.split(text, rel)
        meta = frontmatter.validate(split.meta, rel)
        first_body_line = text[: len(text) - len(split.body)].count("\n") + 1
        lang = file.relative_to(self.project.content).parts[0]
        return ContentPage(path=path, lang=lang, rel=rel, meta=meta, body=split.body, first_body_line=first_body_line)
