"""The site's root: the language chooser at / and a bilingual 404 for hosts that serve only the root one."""

from __future__ import annotations

from pathlib import Path

import jinja2

from jalur.core.urls import language_path, language_url
from jalur.models.languages import Language


def write_root_pages(
    out: Path,
    site_url: str,
    site_name: str,
    languages: list[Language],
    source: Language,
    envs: dict[str, jinja2.Environment],
) -> None:
    source_env = envs[source.code]
    # url: the language's public address (head links); path: the same on this host, for the 404 page,
    # which the host serves at any depth, so relative links would not do.
    items = [
        {
            "code": lang.code,
            "name": lang.name,
            "url": language_url(site_url, lang.code),
            "path": language_path(site_url, lang.code),
            "tagline": envs[lang.code].get_template("chooser_tagline.txt.j2").render().strip(),
            "message": envs[lang.code].get_template("not_found_message.txt.j2").render().strip(),
        }
        for lang in languages
    ]
    description = " / ".join(item["tagline"] for item in items)
    context = dict(
        items=items,
        source=source,
        site_url=site_url,
        site_name=site_name,
        description=description,
        source_path=language_path(site_url, source.code),
    )
    (out / "index.html").write_text(source_env.get_template("chooser.html.j2").render(**context), encoding="utf-8")
    (out / "404.html").write_text(source_env.get_template("not_found.html.j2").render(**context), encoding="utf-8")
