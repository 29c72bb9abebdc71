"""`<!-- jr:offline-download -->`: a link to this language's offline copy (jalur/outputs/offline.py)."""

from __future__ import annotations

from jalur.content.context import MarkerContext
from jalur.core.urls import offline_zip_name, offline_zip_url


def render_offline_download(args: dict[str, str], ctx: MarkerContext) -> str:
    if args:
        raise ctx.error("jr:offline-download", "takes no arguments")
    return ctx.env.get_template("offline_download.md.j2").render(
        href=offline_zip_url(ctx.data.site_url, ctx.lang), name=offline_zip_name(ctx.lang)
    )
