"""`<!-- jr:checklist explanations=<page> -->`: the recruiter checklist's form, rule, actions and
contacts (cek-perekrut/); `<!-- jr:checklist-explanations -->`: why each question matters, what to do
and its sources, on a page of its own (cek-perekrut/penjelasan/), which each question links to.

The checklist is used on cheap phones with costly data, so its page carries what a reader needs to
answer and act, and the longer explanations and the sources are one tap away (issue 12's 75 KB).

The form works without JavaScript (the rule in words); overrides/assets/javascripts/checklist.js
reads the same rule from the page (`data-rule`, `data-severity`).
"""

from __future__ import annotations

import json

from markupsafe import Markup

from jalur.content.contact_cards import call_buttons
from jalur.content.context import MarkerContext
from jalur.core.errors import BuildError
from jalur.core.urls import page_url, public_url, relative_url, whatsapp_share
from jalur.models.checklist import ANSWERS, Checklist
from jalur.models.contact_choice import contacts_shown, left_out_problem


def situation_contacts(checklist: Checklist, ctx: MarkerContext) -> dict[str, dict[str, Markup]]:
    """Each situation's contacts as call buttons (their cards are on kontak/, and the page stays
    light), for the screen and for paper; one list for both when they are the same. A contact the
    data names must exist and be publishable on the web; on paper only confirmed channels, and a
    contact with none is left off the printed form."""
    out: dict[str, dict[str, Markup]] = {}
    for situation in checklist.situations:
        out[situation.id] = {}
        for medium in ("web", "print"):
            shown = contacts_shown(ctx.data.contacts, medium, ctx.lang, ids=situation.contact_ids)
            for cid, why in shown.left_out:
                if medium == "web" or why != "nothing":
                    field = f"contacts.{situation.id}.ids[{situation.contact_ids.index(cid)}]"
                    raise BuildError(checklist.rel, field, left_out_problem(cid, why, medium))
            out[situation.id][medium] = Markup(call_buttons(ctx.env, ctx.lang, shown) if shown.groups else "")
    return out


def explanations_page(args: dict[str, str], ctx: MarkerContext) -> str:
    """The page named by `explanations=`: a content page that holds the jr:checklist-explanations marker."""
    if set(args) != {"explanations"}:
        raise ctx.error("jr:checklist", "takes explanations=<the page with jr:checklist-explanations>")
    path = args["explanations"]
    if path not in ctx.data.pages.paths:
        raise ctx.error("jr:checklist explanations", f"no such page: {path!r}")
    if "<!-- jr:checklist-explanations -->" not in ctx.data.pages.page(ctx.lang, path).body:
        raise ctx.error("jr:checklist explanations", f"{path} has no <!-- jr:checklist-explanations --> marker")
    return path


def render_checklist(args: dict[str, str], ctx: MarkerContext) -> str:
    checklist = ctx.data.checklist
    explanations = explanations_page(args, ctx)
    # The page's public address for this build (what the share message carries), and the explanations'
    # (printed on the form).
    url = public_url(ctx.data.site_url, ctx.lang, ctx.page)
    share_text = ctx.env.get_template("checklist_share.txt.j2").render().strip()
    html = ctx.env.get_template("checklist.md.j2").render(
        checklist=checklist,
        answers=ANSWERS,
        contacts=situation_contacts(checklist, ctx),
        rule=json.dumps(checklist.rule(), separators=(",", ":")),
        labels=json.dumps(
            {sid: s.label[ctx.lang] for sid, s in checklist.severities.items()},
            ensure_ascii=False,
            separators=(",", ":"),
        ),
        share_href=whatsapp_share(f"{share_text} {url}"),
        explanations_href=relative_url(page_url(ctx.page), page_url(explanations)),
        explanations_url=public_url(ctx.data.site_url, ctx.lang, explanations),
    )
    # One raw HTML block for Markdown: no blank line may split it.
    return "\n".join(line for line in html.splitlines() if line.strip())


def render_checklist_explanations(args: dict[str, str], ctx: MarkerContext) -> str:
    """Each question under its group: why it matters, what to do, its sources; an anchor per question
    (jr-q-<id>) for the checklist's links."""
    if args:
        raise ctx.error("jr:checklist-explanations", f"takes no arguments, got {', '.join(args)}")
    checklist = ctx.data.checklist
    # Each question's sources as numbers in the page's own list of sources (page_meta.md.j2), which
    # must hold them all: the addresses once on the page, not twice.
    listed = [s["url"].strip() for s in ctx.data.pages.page(ctx.lang, ctx.page).meta["sources"]]
    numbers: dict[str, list[int]] = {}
    for q in checklist.questions:
        for source in q.sources:
            if source.url not in listed:
                raise ctx.error(
                    "jr:checklist-explanations",
                    f"the source {source.url} of question {q.id!r} ({checklist.rel}) is not in this page's sources",
                )
        numbers[q.id] = [listed.index(source.url) + 1 for source in q.sources]
    return ctx.env.get_template("checklist_explanations.md.j2").render(
        checklist=checklist, answers=ANSWERS, numbers=numbers
    )
