"""`<!-- jr:checklist -->`: the recruiter checklist's form, rule, actions and contacts (cek-perekrut/).

The form works without JavaScript (the rule in words); overrides/assets/javascripts/checklist.js
reads the same rule from the page (`data-rule`, `data-severity`).
"""

from __future__ import annotations

import json

from markupsafe import Markup

from jalur.content.contact_cards import contact_cards
from jalur.content.context import MarkerContext
from jalur.core.errors import BuildError
from jalur.core.urls import public_url, whatsapp_share
from jalur.models.checklist import ANSWERS, Checklist
from jalur.models.contact_choice import contacts_shown, left_out_problem


def situation_contacts(checklist: Checklist, ctx: MarkerContext) -> dict[str, dict[str, Markup]]:
    """Each situation's contacts, for the screen and for paper. A contact the data names must exist
    and be publishable on the web; on paper only confirmed channels, and a contact with none is left
    off the printed form."""
    out: dict[str, dict[str, Markup]] = {}
    for situation in checklist.situations:
        out[situation.id] = {}
        for medium in ("web", "print"):
            shown = contacts_shown(ctx.data.contacts, medium, ctx.lang, ids=situation.contact_ids)
            for cid, why in shown.left_out:
                if medium == "web" or why != "nothing":
                    field = f"contacts.{situation.id}.ids[{situation.contact_ids.index(cid)}]"
                    raise BuildError(checklist.rel, field, left_out_problem(cid, why, medium))
            out[situation.id][medium] = Markup(contact_cards(ctx.env, ctx.lang, shown) if shown.groups else "")
    return out


def render_checklist(args: dict[str, str], ctx: MarkerContext) -> str:
    if args:
        raise ctx.error("jr:checklist", f"takes no arguments, got {', '.join(args)}")
    checklist = ctx.data.checklist
    # The page's public address for this build (what the share message and the printed form carry).
    url = public_url(ctx.data.site_url, ctx.lang, ctx.page)
    share_text = ctx.env.get_template("checklist_share.txt.j2").render().strip()
    html = ctx.env.get_template("checklist.md.j2").render(
        checklist=checklist,
        answers=ANSWERS,
        contacts=situation_contacts(checklist, ctx),
        rule=json.dumps(checklist.rule(), separators=(",", ":")),
        share_href=whatsapp_share(f"{share_text} {url}"),
        page_url=url,
    )
    # One raw HTML block for Markdown: no blank line may split it.
    return "\n".join(line for line in html.splitlines() if line.strip())
