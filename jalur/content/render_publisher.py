"""`<!-- jr:publisher -->`: who publishes the site and where to send a correction (data/publisher.yml);
the "report a mistake" link at the end of every page."""

from __future__ import annotations

from urllib.parse import quote

import jinja2

from jalur.content.context import MarkerContext
from jalur.models.publisher import Publisher


def render_publisher(args: dict[str, str], ctx: MarkerContext) -> str:
    if args:
        raise ctx.error("jr:publisher", "takes no arguments")
    publisher = ctx.data.publisher
    return ctx.env.get_template("publisher.md.j2").render(
        publisher=publisher, email=publisher.corrections_email if publisher else None
    )


def publisher_line(env: jinja2.Environment, publisher: Publisher | None, lang: str) -> str:
    """ "Published by …" in `lang`, for every page's footer and every leaflet; "" in a preview."""
    if publisher is None:
        return ""
    return env.get_template("publisher_footer.txt.j2").render(name=publisher.name[lang]).strip()


def report_block(env: jinja2.Environment, publisher: Publisher | None, title: str, url: str) -> str:
    """The link that reports a mistake on one page: an email with its title and address filled in."""
    if publisher is None:
        return ""
    email = publisher.corrections_email
    if email:
        href = f"mailto:{email}?subject={quote(title, safe='')}&body={quote(url, safe='')}"
    else:
        href = publisher.corrections
    return env.get_template("report_error.md.j2").render(href=href)
