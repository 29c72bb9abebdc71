"""Our own UI strings (gettext catalogs in locales/) and Babel formatting, for templates in templates/.

Catalog flow: `make catalogs` extracts msgids from templates/ into locales/messages.pot and merges them
into locales/<lang>/LC_MESSAGES/messages.po (pybabel extract + update). Translators fill the .po files.
The build checks every catalog is complete, compiles it (the same as `pybabel compile`) into build/,
and renders templates with it. Material's own theme strings are not ours: the theme translates them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2
from babel.dates import format_date
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal
from babel.support import Translations
from markupsafe import Markup

from jalur.core.errors import BuildError, relpath


def po_path(locales: Path, lang: str) -> Path:
    return locales / lang / "LC_MESSAGES" / "messages.po"


def template_messages(templates: Path) -> dict[str, str]:
    """Every msgid used in templates/, with the template it first appears in (as pybabel extract)."""
    found: dict[str, str] = {}
    for filename, _lineno, message, _comments, _context in extract_from_dir(
        str(templates),
        method_map=[("**.j2", "jinja2")],
        options_map={"**.j2": {"trim_blocks": "true", "lstrip_blocks": "true"}},
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        found.setdefault(msgid, filename)
    return found


def check_catalog(
    locales: Path, lang: str, root: Path, templates: Path | None = None, messages: dict[str, str] | None = None
):
    """Load one language's catalog; stop on a missing, fuzzy or untranslated entry.
    `messages`: the templates' msgids, when the caller has them already (else read from `templates`)."""
    path = po_path(locales, lang)
    rel = relpath(path, root)
    if not path.is_file():
        raise BuildError(rel, None, f"no catalog for language '{lang}' (run `make catalogs`)")
    with path.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    if templates is not None:
        have = {m.id for m in catalog if m.id}
        for msgid, filename in (messages if messages is not None else template_messages(templates)).items():
            if msgid not in have:
                raise BuildError(
                    relpath(templates / filename, root),
                    f"msgid {msgid!r}",
                    f"is not in the catalog {rel} (run `make catalogs`, then translate it)",
                )
    for message in catalog:
        if not message.id:
            continue
        if message.fuzzy:
            raise BuildError(rel, f"msgid {message.id!r}", "is marked fuzzy: review the translation")
        strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        if not all(s and s.strip() for s in strings):
            raise BuildError(rel, f"msgid {message.id!r}", "has no translation")
    return catalog


def compile_catalog(
    locales: Path, lang: str, out_dir: Path, root: Path, templates: Path, messages: dict[str, str] | None = None
) -> Path:
    """Check and compile locales/<lang>/LC_MESSAGES/messages.po into out_dir (as `pybabel compile`)."""
    catalog = check_catalog(locales, lang, root, templates, messages)
    mo = out_dir / lang / "LC_MESSAGES" / "messages.mo"
    mo.parent.mkdir(parents=True, exist_ok=True)
    with mo.open("wb") as fh:
        write_mo(fh, catalog)
    return mo


def environments(
    templates: Path, locales: Path, langs: list[str], out_dir: Path, root: Path
) -> dict[str, jinja2.Environment]:
    """A checked, compiled catalog and a Jinja2 environment for every language (templates read once)."""
    messages = template_messages(templates)
    return {
        lang: environment(templates, lang, compile_catalog(locales, lang, out_dir, root, templates, messages))
        for lang in langs
    }


def environment(templates: Path, lang: str, mo_file: Path) -> jinja2.Environment:
    """A Jinja2 environment that renders in `lang`: gettext from our catalog, Babel filters."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        extensions=["jinja2.ext.i18n"],
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    with mo_file.open("rb") as fh:
        env.install_gettext_translations(Translations(fp=fh), newstyle=True)  # type: ignore[attr-defined]
    env.globals["lang"] = lang
    env.filters["date_long"] = lambda d: format_date(_as_date(d), "long", locale=lang)
    env.filters["date_iso"] = lambda d: _as_date(d).isoformat()
    env.filters["number"] = lambda n: format_decimal(n, locale=lang)
    env.filters["rupiah"] = lambda n: format_currency(n, "IDR", locale=lang)
    env.filters["address_lines"] = address_lines
    return env


def address_lines(url: str) -> Markup:
    """A web address to be read off paper: it may break only after a slash, never at a hyphen, where a
    reader would take the break for hyphenation and type the address without it."""
    scheme, sep, rest = str(url).partition("://")
    if not sep:
        scheme, rest = "", str(url)
    host, slash, path = rest.partition("/")
    *folders, last = path.split("/")
    pieces = [f"{scheme}{sep}{host}{slash}", *(f"{folder}/" for folder in folders), last]
    return Markup("<wbr>").join(Markup('<span class="jr-nobreak">{}</span>').format(p) for p in pieces if p)


def _as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
