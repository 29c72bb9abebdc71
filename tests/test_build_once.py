"""One build reads each data file and each content page once, whichever phases and languages use it."""

from __future__ import annotations

from jalur.core.project import ROOT

DATA_FILES = {
    "mkdocs.yml",
    "data/languages.yml",
    "data/nav.yml",
    "data/glossary.yml",
    "data/contacts.yml",
    "data/checklist.yml",
    "data/leaflets.yml",
    "data/regencies.yml",
    "data/publisher.yml",
    "data/search/stopwords.id.yml",
    "data/search/synonyms.id.yml",
    "data/search/synonyms.en.yml",
}


def content_files(root) -> set[str]:
    return {p.relative_to(root).as_posix() for p in (root / "content").rglob("*.md")}


def test_the_real_site_reads_every_data_file_and_page_exactly_once(real_site):
    reads = real_site.reads
    assert {name: n for name, n in reads.items() if n != 1} == {}
    # Every page is read: the translation where there is one, else the source page.
    assert set(reads) == DATA_FILES | content_files(ROOT)


def test_a_small_project_reads_its_files_once_too(mini_site):
    root = mini_site.site_dir.parent
    reads = mini_site.reads
    assert {name: n for name, n in reads.items() if n != 1} == {}
    assert set(reads) == {
        "mkdocs.yml",
        "data/languages.yml",
        "data/nav.yml",
        "data/glossary.yml",
        "data/contacts.yml",
    } | content_files(root)
