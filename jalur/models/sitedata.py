"""The data of one build: every data file and content page read and checked once, shared by every
language and every phase (staging, leaflets, downloads, post-build). The build makes one SiteData and
hands it on; nothing else loads a data file.

Each file is loaded the first time it is asked for, so a tool that needs only the contacts reads only
data/contacts.yml.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from jalur.core.errors import relpath
from jalur.core.project import Project
from jalur.models.checklist import Checklist, load_checklist
from jalur.models.contact_choice import provinces_on_paper
from jalur.models.contact_freshness import stale_warnings
from jalur.models.contacts import Contact, load_contacts
from jalur.models.glossary import Term, load_glossary
from jalur.models.languages import Language, load_languages, source_language
from jalur.models.leaflets import Leaflet, load_leaflets
from jalur.models.nav import NavItem, load_nav
from jalur.models.offices import Office, load_offices, load_regencies
from jalur.models.pages import PageStore
from jalur.models.publisher import Publisher, load_publisher
from jalur.models.search_data import SearchLists, load_search_lists
from jalur.models.site_config import SiteConfig, build_site_url, load_site_config


class SiteData:
    def __init__(self, project: Project, site_url: str | None = None, offices_folder: Path | None = None):
        """`site_url`: the address this build is for (--site-url); else SITE_URL, else mkdocs.yml's.
        `offices_folder`: where the office files are, if not data/offices/ (the benchmark's fixtures)."""
        self.project = project
        self._site_url = site_url
        self._offices_folder = offices_folder
        self.warnings: list[str] = []  # shown after a successful build (e.g. contacts due a re-check)

    @cached_property
    def config(self) -> SiteConfig:
        return load_site_config(self.project.base_config, self.project.root)

    @cached_property
    def _address(self) -> tuple[str, str]:
        return build_site_url(self._site_url, lambda: self.config)

    @property
    def site_url(self) -> str:
        """The site's root address for this build, ending with a slash."""
        return self._address[0]

    @property
    def site_url_source(self) -> str:
        """Where this build's address came from (--site-url, SITE_URL or mkdocs.yml), for messages."""
        return self._address[1]

    @cached_property
    def languages(self) -> list[Language]:
        return load_languages(self.project.data / "languages.yml", self.project.root)

    @cached_property
    def source(self) -> Language:
        return source_language(self.languages)

    @cached_property
    def language_codes(self) -> list[str]:
        return [lang.code for lang in self.languages]

    @cached_property
    def pages(self) -> PageStore:
        return PageStore(self.project, self.languages, self.source)

    @cached_property
    def nav(self) -> list[NavItem]:
        return load_nav(self.project.data / "nav.yml", self.project.root, self.pages.paths)

    @cached_property
    def publisher(self) -> Publisher | None:
        """Who publishes the site; None in a preview that names nobody yet."""
        return load_publisher(self.project.data / "publisher.yml", self.project.root, self.language_codes)

    @cached_property
    def glossary(self) -> list[Term]:
        return load_glossary(self.project.data / "glossary.yml", self.project.root, self.language_codes)

    @cached_property
    def search_lists(self) -> dict[str, SearchLists]:
        """data/search/: each language's stop words and synonyms (with the glossary's terms)."""
        return {
            lang: load_search_lists(self.project.data, self.project.root, lang, self.glossary)
            for lang in self.language_codes
        }

    @cached_property
    def contacts(self) -> list[Contact]:
        path = self.project.data / "contacts.yml"
        contacts = load_contacts(path, self.project.root, self.language_codes)
        self.warnings.extend(stale_warnings(contacts, relpath(path, self.project.root)))
        return contacts

    @cached_property
    def checklist(self) -> Checklist:
        return load_checklist(self.project.data / "checklist.yml", self.project.root, self.language_codes)

    @cached_property
    def leaflets(self) -> list[Leaflet]:
        """data/leaflets.yml; a project without the file has no leaflets."""
        path = self.project.data / "leaflets.yml"
        if not path.is_file():
            return []
        return load_leaflets(
            path,
            self.project.root,
            self.language_codes,
            self.source.code,
            self.pages.paths,
            {c.id for c in self.contacts},
        )

    @cached_property
    def offices(self) -> list[Office]:
        """data/offices/<id>.yml, checked against data/regencies.yml; a project without the folder has none."""
        folder = self._offices_folder or self.project.data / "offices"
        if not folder.is_dir():
            return []
        regencies = load_regencies(self.project.data / "regencies.yml", self.project.root)
        return load_offices(folder, self.project.root, self.language_codes, regencies)

    @cached_property
    def regions_on_paper(self) -> list[str]:
        """Provinces that get a regional edition of the leaflets: a regional office there may go on paper."""
        return provinces_on_paper(self.contacts, self.source.code)
