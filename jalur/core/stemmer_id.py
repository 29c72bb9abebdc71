"""The Indonesian stemmer of the site's search, in Python: the reference for the browser's copy.

Sastrawi's algorithm (Nazief and Adriani, with the CS and ECS rules of Asian 2007 and Sastrawi's own
rules; PySastrawi, MIT) run on a root-word dictionary we choose. The build cuts Sastrawi's dictionary
(about 30,000 roots) down to the roots of the words the site and its synonym lists use
(`cut_dictionary`), ships that in the search plugin, and the browser runs the same algorithm, ported
line for line to JavaScript (overrides/assets/javascripts/search-id.js). tests/test_search.py checks
that both give identical stems for every word of the site.

Words reach the stemmer one at a time, lowercased and trimmed, never with a hyphen (the search splits
words at hyphens), so only Sastrawi's singular-word path is used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import Sastrawi
from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
from Sastrawi.Stemmer.Stemmer import Stemmer

PLAIN = re.compile(r"^[a-z0-9]+$")
SASTRAWI_ROOTS = Path(Sastrawi.__file__).parent / "Stemmer" / "data" / "kata-dasar.txt"


@lru_cache(maxsize=1)
def sastrawi_roots() -> frozenset[str]:
    """Sastrawi's full dictionary of root words."""
    text = SASTRAWI_ROOTS.read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip())


class IndonesianStemmer:
    """Sastrawi's singular-word stemmer over a given set of roots, with a cache per word."""

    def __init__(self, roots: Iterable[str]):
        self.roots = frozenset(roots)
        self._stemmer = Stemmer(ArrayDictionary(sorted(self.roots)))
        self._cache: dict[str, str] = {}

    def stem(self, word: str) -> str:
        """The root of one lowercase word; a word with anything but a-z and 0-9 stays as it is."""
        if word not in self._cache:
            self._cache[word] = self._stemmer.stem_singular_word(word) if PLAIN.match(word) else word
        return self._cache[word]


@lru_cache(maxsize=1)
def full_stemmer() -> IndonesianStemmer:
    return IndonesianStemmer(sastrawi_roots())


def _near(word: str, roots: frozenset[str]) -> set[str]:
    """Roots the algorithm may pass through on its way from `word`: the ones inside it, also after the
    one or two letters a nasal prefix recodes (menahan -> tahan, menyapu -> sapu, mengirim -> kirim)."""
    found = set()
    for i in range(len(word)):
        for j in range(i + 2, len(word) + 1):
            part = word[i:j]
            for head in ("", "k", "p", "t", "s", "m", "n", "r", "ng", "ny"):
                if head + part in roots:
                    found.add(head + part)
    return found


def cut_dictionary(words: Iterable[str]) -> frozenset[str]:
    """The smallest set of Sastrawi roots that stems every one of `words` exactly as the full
    dictionary does: the root of each word, plus, for a word whose path differs, the roots near it."""
    full = full_stemmer()
    words = sorted(set(words))
    roots = {full.stem(w) for w in words} & sastrawi_roots()
    for _ in range(4):
        cut = IndonesianStemmer(roots)
        wrong = [w for w in words if cut.stem(w) != full.stem(w)]
        if not wrong:
            return frozenset(roots)
        for w in wrong:
            roots |= _near(w, sastrawi_roots())
    cut = IndonesianStemmer(roots)
    wrong = [w for w in words if cut.stem(w) != full.stem(w)]
    if wrong:  # pragma: no cover - a safeguard; the loop above settles in one or two rounds
        raise RuntimeError(f"the cut dictionary stems {wrong[:5]} differently from Sastrawi's")
    return frozenset(roots)
