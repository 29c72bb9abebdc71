"""The glossary on a page (`<!-- jr:glossary -->`) and as tooltips on every page (abbreviations)."""

from __future__ import annotations

from jalur.content.context import MarkerContext
from jalur.models.glossary import Term


def abbreviations(terms: list[Term], lang: str) -> str:
    """Python-Markdown `abbr` definitions, appended to every page of a language."""
    lines = [f"*[{t.abbr}]: {t.expansion[lang]}" for t in terms if " " not in t.abbr]
    return "\n".join(lines) + "\n"


def render_glossary(args: dict[str, str], ctx: MarkerContext) -> str:
    if args:
        raise ctx.error("jr:glossary", f"takes no arguments, got {', '.join(args)}")
    return ctx.env.get_template("glossary.md.j2").render(terms=ctx.data.glossary, lang=ctx.lang)
