"""After the per-language builds: sitemaps with hreflang, the language chooser at /, a root 404, robots.txt."""
from __future__ import annotations

import gzip
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from scripts.project import Language
from scripts.stage import StagedPage

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def write_sitemaps(out: Path, site_url: str, languages: list[Language], source: Language,
                   pages: dict[str, list[StagedPage]]) -> None:
    """One sitemap per language (where Material's language switcher looks for it) and a root index.

    Every URL lists all its language versions with absolute hreflang links, plus x-default.
    """
    for lang in languages:
        lines = ['<?xml version="1.0" encoding="UTF-8"?>',
                 f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">']
        for page in pages[lang.code]:
            lines.append("  <url>")
            lines.append(f"    <loc>{escape(site_url + lang.code + '/' + page.url)}</loc>")
            lines.append(f"    <lastmod>{page.reviewed.isoformat()}</lastmod>")
            for other in languages:
                href = quoteattr(site_url + other.code + "/" + page.url)
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{other.code}" href={href}/>')
            href = quoteattr(site_url + source.code + "/" + page.url)
            lines.append(f'    <xhtml:link rel="alternate" hreflang="x-default" href={href}/>')
            lines.append("  </url>")
        lines.append("</urlset>")
        xml = "\n".join(lines) + "\n"
        (out / lang.code / "sitemap.xml").write_text(xml, encoding="utf-8")
        (out / lang.code / "sitemap.xml.gz").write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))
    index = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sitemapindex xmlns="{SITEMAP_NS}">']
    for lang in languages:
        index.append(f"  <sitemap><loc>{escape(site_url + lang.code + '/sitemap.xml')}</loc></sitemap>")
    index.append("</sitemapindex>")
    (out / "sitemap.xml").write_text("\n".join(index) + "\n", encoding="utf-8")
    (out / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {site_url}sitemap.xml\n", encoding="utf-8")


def write_root_pages(out: Path, site_url: str, site_name: str, languages: list[Language], source: Language,
                     envs: dict) -> None:
    """The language chooser at / and a bilingual 404 for hosts that only serve the root one."""
    source_env = envs[source.code]
    items = [{"code": lang.code, "name": lang.name,
              "tagline": envs[lang.code].get_template("chooser_tagline.txt.j2").render().strip(),
              "message": envs[lang.code].get_template("not_found_message.txt.j2").render().strip()}
             for lang in languages]
    description = " / ".join(item["tagline"] for item in items)
    context = dict(items=items, source=source, site_url=site_url, site_name=site_name, description=description)
    (out / "index.html").write_text(source_env.get_template("chooser.html.j2").render(**context), encoding="utf-8")
    (out / "404.html").write_text(source_env.get_template("not_found.html.j2").render(**context), encoding="utf-8")
