"""After the per-language builds: a sitemap per language with hreflang, the root index, robots.txt."""

from __future__ import annotations

import gzip
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from jalur.content.stage import StagedPage
from jalur.core.urls import language_url, public_url
from jalur.models.languages import Language

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def write_sitemaps(
    out: Path, site_url: str, languages: list[Language], source: Language, pages: dict[str, list[StagedPage]]
) -> None:
    """One sitemap per language (where Material's language switcher looks for it) and a root index.

    Every URL lists all its language versions with absolute hreflang links, plus x-default.
    """
    for lang in languages:
        lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">']
        for page in pages[lang.code]:
            lines.append("  <url>")
            lines.append(f"    <loc>{escape(public_url(site_url, lang.code, page.path))}</loc>")
            lines.append(f"    <lastmod>{page.reviewed.isoformat()}</lastmod>")
            for other in languages:
                href = quoteattr(public_url(site_url, other.code, page.path))
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{other.code}" href={href}/>')
            href = quoteattr(public_url(site_url, source.code, page.path))
            lines.append(f'    <xhtml:link rel="alternate" hreflang="x-default" href={href}/>')
            lines.append("  </url>")
        lines.append("</urlset>")
        xml = "\n".join(lines) + "\n"
        (out / lang.code / "sitemap.xml").write_text(xml, encoding="utf-8")
        (out / lang.code / "sitemap.xml.gz").write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))
    index = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sitemapindex xmlns="{SITEMAP_NS}">']
    for lang in languages:
        index.append(f"  <sitemap><loc>{escape(language_url(site_url, lang.code) + 'sitemap.xml')}</loc></sitemap>")
    index.append("</sitemapindex>")
    (out / "sitemap.xml").write_text("\n".join(index) + "\n", encoding="utf-8")
    (out / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {site_url}sitemap.xml\n", encoding="utf-8")
