"""Content report: per page, words, sentences, average sentence length, sources and reviewed date.

    python -m jalur content-report [--lang id|en] [--check]

Flags a page over 900 words (split it), with an average sentence over 20 words (shorten them), or
with any sentence over 25 words (docs/style-id.md: never more than 25); each long sentence is listed
under its page. Counts the reader's text only: front matter, markers, HTML tags, link targets and code
are left out. With --check the command exits 1 when any page is flagged.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from jalur.core.project import ROOT, Project
from jalur.models import frontmatter
from jalur.models.languages import load_languages

MAX_WORDS = 900
MAX_SENTENCE = 20
LONGEST_SENTENCE = 25  # words; a sentence over this is flagged on its own
_WORD = re.compile(r"[^\W_][\w'’/-]*", re.U)
# A sentence ends at . ! or ? (closing quotes, brackets or emphasis may follow) before a space or the end.
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)*_]*(?=\s|$)")


@dataclass
class PageStats:
    path: str
    words: int
    sentences: int
    sources: int
    reviewed: str
    long_sentences: list[str] = field(default_factory=list)  # sentences over LONGEST_SENTENCE words

    @property
    def average(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def flags(self) -> list[str]:
        out = []
        if self.words > MAX_WORDS:
            out.append(f"over {MAX_WORDS} words")
        if self.average > MAX_SENTENCE:
            out.append(f"average sentence over {MAX_SENTENCE} words")
        return out

    @property
    def sentence_flags(self) -> list[str]:
        n = len(self.long_sentences)
        return [f"{n} sentence{'s' if n > 1 else ''} over {LONGEST_SENTENCE} words"] if n else []

    @property
    def all_flags(self) -> list[str]:
        return self.flags + self.sentence_flags


def reader_text(body: str) -> list[str]:
    """The text blocks a reader reads: one string per paragraph line, list item, heading or table cell."""
    body = re.sub(r"^(```|~~~).*?^\1\s*$", "", body, flags=re.S | re.M)  # fenced code
    body = re.sub(r"<!--.*?-->", "", body, flags=re.S)  # markers, comments
    body = re.sub(r"<[^>]+>", " ", body)  # HTML tags
    body = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", body)  # links: keep their text
    body = re.sub(r"^\*\[[^\]]+\]:.*$", "", body, flags=re.M)  # abbreviation lines
    body = re.sub(r"\{[:#.][^}]*\}", "", body)  # attribute lists
    blocks = []
    for line in body.splitlines():
        line = re.sub(r"^\s*(#+|[-*+]|\d+\.|>|!!!|\?\?\?\+?)\s*", "", line)  # block markers
        for cell in line.split("|"):
            cell = cell.strip().strip('*_`"')
            if _WORD.search(cell) and not re.fullmatch(r"[-: ]+", cell):
                blocks.append(cell)
    return blocks


def sentences_of(block: str) -> list[str]:
    """The sentences of one block of reader text (a block without an end mark is one sentence)."""
    return [s.strip() for s in _SENTENCE_END.split(block) if _WORD.search(s)] or [block]


def page_stats(path: Path, rel: str) -> PageStats:
    page = frontmatter.split(path.read_text(encoding="utf-8"), rel)
    blocks = reader_text(page.body)
    words = sum(len(_WORD.findall(b)) for b in blocks)
    split = [sentences_of(b) for b in blocks]
    long_sentences = [s for parts in split for s in parts if len(_WORD.findall(s)) > LONGEST_SENTENCE]
    reviewed = page.meta.get("reviewed")
    return PageStats(
        path=rel,
        words=words,
        sentences=sum(len(parts) for parts in split),
        sources=len(page.meta.get("sources") or []),
        reviewed=str(reviewed or "-"),
        long_sentences=long_sentences,
    )


def report(project: Project, lang: str) -> list[PageStats]:
    base = project.content / lang
    return [page_stats(p, p.relative_to(project.root).as_posix()) for p in sorted(base.rglob("*.md"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m jalur content-report", description="Words, sentences, sources and review dates per page."
    )
    parser.add_argument("--lang", action="append", help="language folder(s) to report (default: all)")
    parser.add_argument("--check", action="store_true", help="exit 1 when any page is flagged")
    args = parser.parse_args(argv)
    project = Project(ROOT)
    langs = args.lang or [lang.code for lang in load_languages(project.data / "languages.yml", project.root)]
    flagged = 0
    for lang in langs:
        rows = report(project, lang)
        print(f"{'page':<52} {'words':>6} {'sent.':>6} {'avg':>5} {'src':>4}  reviewed    flags")
        for row in rows:
            flags = ", ".join(row.all_flags)
            flagged += bool(flags)
            print(
                f"{row.path:<52} {row.words:>6} {row.sentences:>6} {row.average:>5.1f} {row.sources:>4}  "
                f"{row.reviewed:<10}  {flags}"
            )
            for sentence in row.long_sentences:
                words = len(_WORD.findall(sentence))
                print(f"    {words} words: {sentence[:110]}{'…' if len(sentence) > 110 else ''}")
        print()
    print(f"{flagged} page(s) flagged")
    return 1 if args.check and flagged else 0


if __name__ == "__main__":
    sys.exit(main())
