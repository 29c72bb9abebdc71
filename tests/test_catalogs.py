"""Our gettext catalogs: complete in every language and in step with the templates."""
from __future__ import annotations

from babel.messages.pofile import read_po

from scripts import i18n
from scripts.project import ROOT, Project


def test_every_language_catalog_is_complete_and_covers_the_templates():
    project = Project(ROOT)
    for lang in project.languages():
        catalog = i18n.check_catalog(project.locales, lang.code, ROOT, project.templates)
        assert len([m for m in catalog if m.id]) >= len(i18n.template_messages(project.templates))


def test_the_pot_template_matches_what_the_templates_use():
    """`make catalogs` was run after the last template change."""
    with (ROOT / "locales" / "messages.pot").open("rb") as fh:
        pot = {m.id for m in read_po(fh) if m.id}
    assert pot == set(i18n.template_messages(ROOT / "templates"))


def test_indonesian_strings_are_really_translated():
    project = Project(ROOT)
    with i18n.po_path(project.locales, "id").open("rb") as fh:
        catalog = read_po(fh, locale="id")
    same = [m.id for m in catalog if m.id and m.string == m.id and m.id not in ("WhatsApp", "SMS", "Email")]
    assert same == [], "Indonesian msgstr equal to the English msgid"
