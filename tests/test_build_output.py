"""What the pipeline writes, checked on the small fixture project's built HTML."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def html(site, path):
    return (site.site_dir / path).read_text(encoding="utf-8")


def test_one_build_per_language_with_its_lang_attribute(mini_site):
    assert '<html lang="id"' in html(mini_site, "id/index.html")
    assert '<html lang="en"' in html(mini_site, "en/index.html")
    assert (mini_site.site_dir / "id/search/search_index.json").is_file()
    assert (mini_site.site_dir / "en/search/search_index.json").is_file()


def test_meta_description_comes_from_front_matter(mini_site):
    assert '<meta name="description" content="Halaman uji untuk pipeline.">' in html(mini_site, "id/index.html")
    assert '<meta name="description" content="A test page for the pipeline.">' in html(mini_site, "en/index.html")


def test_last_reviewed_date_and_sources_in_the_page_language(mini_site):
    page_id = html(mini_site, "id/index.html")
    page_en = html(mini_site, "en/index.html")
    assert 'Terakhir ditinjau: <time datetime="2026-03-17">17 Maret 2026</time>' in page_id
    assert 'Last reviewed: <time datetime="2026-03-17">March 17, 2026</time>' in page_en
    assert re.search(r'<h2 id="jr-sources">Sumber', page_id)
    assert re.search(r'<h2 id="jr-sources">Sources', page_en)
    assert '<a href="https://example.go.id/uji" rel="noopener noreferrer">Sumber resmi uji</a>' in page_id


def test_untranslated_page_is_built_from_the_source_with_a_notice_in_the_readers_language(mini_site):
    page = html(mini_site, "en/bagian/index.html")
    assert "This page has not been translated into your language yet" in page
    assert "Below is the original in Bahasa Indonesia." in page
    assert '<div lang="id">' in page and "Isi bagian dalam bahasa Indonesia." in page
    # The Indonesian build of the same page has no notice.
    assert "jr-untranslated" not in html(mini_site, "id/bagian/index.html")
    assert not [p for p in mini_site.pages["en"] if p.translated and p.path == "bagian/index.md"]


def test_language_switcher_links_to_the_same_page_in_each_language(mini_site):
    page = html(mini_site, "id/bagian/index.html")
    # Relative, so switching works from any address and under a sub-path.
    assert 'href="../../en/bagian/" hreflang="en"' in page
    assert 'href="../../id/bagian/" hreflang="id"' in page
    assert 'href="./../en/" hreflang="en"' in html(mini_site, "id/index.html")
    # The 404 page is served at any depth: its links are absolute paths on the host.
    assert 'href="/id/../en/" hreflang="en"' in html(mini_site, "id/404.html")
    # No <link rel="alternate"> in <head>: Material's script would fetch sitemap.xml from each of them on
    # every page load, from the public address even on a preview (the sitemaps carry hreflang instead).
    assert '<link rel="alternate"' not in page


def test_markers_render_data_with_babel_dates_and_the_publication_rule(mini_site):
    page_id = html(mini_site, "id/index.html")
    page_en = html(mini_site, "en/index.html")
    # A toll-free number: a call button that says so, with the number as published.
    button = '<span class="jr-call__verb">Telepon bebas pulsa</span> <span class="jr-call__number">0-800-1000</span>'
    assert 'href="tel:08001000">' + button in page_id
    assert 'Dicocokkan dengan sumbernya: <time datetime="2026-11-22">22 November 2026</time>' in page_id
    assert 'Compared with its sources: <time datetime="2026-11-22">November 22, 2026</time>' in page_en
    # single-source: shown with a caution; unconfirmed: never shown.
    assert 'href="tel:+622129244800"><span class="jr-call__verb">Call</span>' in page_en
    assert "one source only" in page_en
    assert "8118080141" not in page_id and "8118080141" not in page_en
    # The glossary marker and the abbreviation tooltips.
    assert '<abbr title="Perusahaan Penempatan Pekerja Migran Indonesia">P3MI</abbr>' in page_id
    assert '<abbr title="Indonesian migrant worker placement company">P3MI</abbr>' in page_en


def test_sitemaps_per_language_and_a_root_index_with_absolute_hreflang(mini_site):
    root = ET.parse(mini_site.site_dir / "sitemap.xml").getroot()
    assert [e.text for e in root.findall("s:sitemap/s:loc", NS)] == [
        "https://jalur-resmi.example/id/sitemap.xml",
        "https://jalur-resmi.example/en/sitemap.xml",
    ]
    for lang in ("id", "en"):
        urls = ET.parse(mini_site.site_dir / lang / "sitemap.xml").getroot().findall("s:url", NS)
        locs = sorted(u.findtext("s:loc", "", NS) for u in urls)
        assert locs == sorted(f"https://jalur-resmi.example/{lang}/{p}" for p in ("", "bagian/"))
        for url in urls:
            links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
            assert set(links) == {"id", "en", "x-default"}
            assert all(str(h).startswith("https://jalur-resmi.example/") for h in links.values())
            assert links[lang] == url.findtext("s:loc", "", NS)
    assert "Sitemap: https://jalur-resmi.example/sitemap.xml" in html(mini_site, "robots.txt")


def test_root_chooser_lists_indonesian_first_and_needs_no_script(mini_site):
    page = html(mini_site, "index.html")
    assert '<html lang="id">' in page and "<script" not in page
    links = re.findall(r'<a class="lang" href="([^"]+)" hreflang="(\w+)"', page)
    assert links == [("id/", "id"), ("en/", "en")]
    assert "Bekerja ke luar negeri lewat jalur resmi" in page and "Work abroad the official way" in page


def test_a_404_page_per_language_and_at_the_root(mini_site):
    assert '<html lang="id"' in html(mini_site, "id/404.html")
    assert '<html lang="en"' in html(mini_site, "en/404.html")
    root = html(mini_site, "404.html")
    assert 'href="/id/"' in root and 'href="/en/"' in root
