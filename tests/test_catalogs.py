"""Our gettext catalogs: complete in every language and in step with the templates."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po

from jalur.core import i18n
from jalur.core.errors import BuildError
from jalur.core.project import ROOT, Project
from tests.helpers import make_project

LANGS = ("id", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_catalog_translates_every_template_string(lang):
    """Read on its own (not through check_catalog): every msgid the templates use has a translation."""
    project = Project(ROOT)
    with i18n.po_path(project.locales, lang).open("rb") as fh:
        catalog = {m.id: m for m in read_po(fh, locale=lang) if m.id}
    used = i18n.template_messages(project.templates)
    assert len(used) >= 50
    missing = sorted(msgid for msgid in used if msgid not in catalog)
    untranslated = sorted(msgid for msgid in used if msgid in catalog and not catalog[msgid].string)
    fuzzy = sorted(msgid for msgid in used if msgid in catalog and catalog[msgid].fuzzy)
    assert (missing, untranslated, fuzzy) == ([], [], [])


def test_the_build_refuses_a_catalog_with_an_untranslated_or_fuzzy_entry(tmp_path):
    root = make_project(tmp_path)
    po = i18n.po_path(root / "locales", "en")
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgid "Sources"\nmsgstr "Sources"', 'msgid "Sources"\nmsgstr ""'), encoding="utf-8")
    with pytest.raises(BuildError, match="msgid 'Sources': has no translation"):
        i18n.check_catalog(root / "locales", "en", root, root / "templates")
    po.write_text(text.replace('msgid "Sources"\n', '#, fuzzy\nmsgid "Sources"\n'), encoding="utf-8")
    with pytest.raises(BuildError, match="is marked fuzzy"):
        i18n.check_catalog(root / "locales", "en", root, root / "templates")


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
