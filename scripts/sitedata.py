"""The data files of one build, each read and checked once and shared by both languages."""
from __future__ import annotations

from functools import cached_property

from scripts.project import Project


class SiteData:
    def __init__(self, project: Project):
        self.project = project
        self.warnings: list[str] = []   # shown after a successful build (e.g. contacts due a re-check)
        self.site_url = ""               # the site's root address, set by the build

    @cached_property
    def quick_exit_url(self) -> str:
        from scripts.configs import extra
        from scripts.errors import BuildError
        url = extra(self.project, "quick_exit_url")
        if not isinstance(url, str) or not url.startswith("https://"):
            raise BuildError("mkdocs.yml", "extra.quick_exit_url", "must be an https:// address")
        return url

    @cached_property
    def languages(self):
        return self.project.languages()

    @cached_property
    def language_codes(self) -> list[str]:
        return [lang.code for lang in self.languages]

    @cached_property
    def glossary(self):
        from scripts.glossary import load_glossary
        return load_glossary(self.project.data / "glossary.yml", self.project.root, self.language_codes)

    @cached_property
    def contacts(self):
        from scripts.contacts import load_contacts, stale_warnings
        path = self.project.data / "contacts.yml"
        contacts = load_contacts(path, self.project.root, self.language_codes)
        self.warnings.extend(stale_warnings(contacts, path.relative_to(self.project.root).as_posix()))
        return contacts

    @cached_property
    def checklist(self):
        from scripts.checklist import load_checklist
        return load_checklist(self.project.data / "checklist.yml", self.project.root, self.language_codes)
