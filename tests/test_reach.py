"""Reaching people where they are: the offline copy, phone caching, link previews."""

from __future__ import annotations

import re
import zipfile

import pytest
from PIL import Image

from tests.test_browser import VIEWPORT, Recorder


@pytest.mark.parametrize("lang", ["id", "en"])
def test_offline_copy_works_from_file_with_no_network(real_site, browser, tmp_path, lang):
    archive = real_site.site_dir / lang / "unduh" / f"jalur-resmi-offline-{lang}.zip"
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(tmp_path)
    root = tmp_path / f"jalur-resmi-{lang}"
    ctx = browser.new_context(viewport=VIEWPORT)
    page = ctx.new_page()
    rec = Recorder(page)
    page.goto(root.joinpath("index.html").as_uri())
    assert page.get_attribute("html", "lang") == lang
    assert page.locator(".md-select").count() == 0  # no switcher: the other language is not in it
    # Navigate by a link in the page, as a reader would.
    page.locator('article a[href="berangkat-resmi/index.html"]').first.click()
    page.wait_for_url(re.compile(r"/berangkat-resmi/index\.html$"))
    # Search, from file://.
    page.locator('label.md-header__button[for="__search"]').first.click()
    # From file:// Material starts its search only when search opens; a query typed before it is
    # ready is not run, so type the way a person does, a moment after opening.
    page.wait_for_timeout(1500)
    query = {"id": "paspor", "en": "passport"}[lang]
    page.locator("input.md-search__input").press_sequentially(query, delay=50)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("load")
    assert re.match(r"file://.*\.html(\?h=[^/]*)?$", page.url), page.url
    assert query in page.locator("article").inner_text().lower()
    # The recruiter checklist runs from file:// too: a "yes" to paying into a personal account is a stop.
    page.goto(root.joinpath("cek-perekrut", "index.html").as_uri())
    page.check("#jr-personal-account-yes")
    assert page.locator('.jr-result [data-verdict="stop"]').is_visible()
    assert [u for u in rec.requests if not u.startswith("file://")] == []
    assert rec.failed == [] and rec.errors == []
    ctx.close()


def test_service_worker_keeps_visited_pages_and_fetches_pages_fresh(real_site, browser):
    base = f"{real_site.base}id/"
    ctx = browser.new_context(viewport=VIEWPORT)
    page = ctx.new_page()
    rec = Recorder(page)
    page.goto(base + "kontak/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now controlled by the worker, which stores the page
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.goto(base + "kenali-tppo/tanda/")
    page.wait_for_load_state("load")
    scope = page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.scope)")
    assert scope == base

    # Network first: a changed page is shown fresh while online.
    target = real_site.site_dir / "id" / "kontak" / "index.html"
    original = target.read_text(encoding="utf-8")
    target.write_text(original.replace("</h1>", " CHANGED</h1>", 1), encoding="utf-8")
    try:
        page.goto(base + "kontak/")
        assert "CHANGED" in page.locator("h1").first.inner_text()
    finally:
        target.write_text(original, encoding="utf-8")

    ctx.set_offline(True)
    # Offline: pages visited before still open, with their styles; a page never visited says so.
    page.goto(base + "kenali-tppo/tanda/")
    assert page.locator("h1").first.inner_text().strip()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    page.goto(base + "untuk-desa/")
    assert page.locator("h1").inner_text() == "Anda sedang tidak tersambung ke internet"
    assert [e for e in rec.errors if "ERR_INTERNET_DISCONNECTED" not in e] == []
    ctx.close()


def test_offline_copy_is_linked_from_the_about_and_print_pages(real_site):
    for lang in ("id", "en"):
        href = f"{real_site.site_url}{lang}/unduh/jalur-resmi-offline-{lang}.zip"
        for page in ("tentang", "cetak"):
            html = (real_site.site_dir / lang / page / "index.html").read_text(encoding="utf-8")
            assert f'<a href="{href}" download>' in html, (lang, page)
        assert (real_site.site_dir / lang / "unduh" / f"jalur-resmi-offline-{lang}.zip").is_file()


def test_link_previews_on_every_page(real_site):
    for lang, locale in (("id", "id_ID"), ("en", "en_US")):
        for page in real_site.pages[lang]:
            html = (real_site.site_dir / lang / page.url / "index.html").read_text(encoding="utf-8")
            meta = dict(re.findall(r'<meta (?:property|name)="((?:og|twitter):[a-z:]+)" content="([^"]*)"', html))
            assert meta["og:title"] and meta["og:description"] and meta["og:locale"] == locale, page.path
            assert meta["og:url"] == f"{real_site.site_url}{lang}/{page.url}"
            assert meta["twitter:card"] == "summary_large_image"
            image = meta["og:image"]
            assert image.startswith(f"{real_site.site_url}{lang}/assets/previews/")
            with Image.open(real_site.site_dir / lang / image[len(f"{real_site.site_url}{lang}/") :]) as png:
                assert png.size == (1200, 630)


def wa_text(href: str) -> str:
    from urllib.parse import unquote

    assert href.startswith("https://wa.me/?text=")
    return unquote(href[len("https://wa.me/?text=") :])


def test_every_page_has_a_whatsapp_share_link_with_title_summary_and_address(real_site):
    for lang in ("id", "en"):
        label = "Bagikan ke WhatsApp" if lang == "id" else "Share on WhatsApp"
        for page in real_site.pages[lang]:
            html = (real_site.site_dir / lang / page.url / "index.html").read_text(encoding="utf-8")
            share = r'<p class="jr-share"><a href="([^"]+)" rel="noopener noreferrer">'
            match = re.search(share + label + "</a>", html)
            assert match, page.path
            text = wa_text(match.group(1).replace("&amp;", "&"))
            assert text == f"{page.title}\n{page.description}\n{real_site.site_url}{lang}/{page.url}"


def test_warning_lists_can_be_shared_as_text_that_stands_on_its_own(real_site):
    html = (real_site.site_dir / "id/kenali-tppo/tanda/index.html").read_text(encoding="utf-8")
    links = re.findall(r'<p class="jr-share jr-share--list"><a href="([^"]+)"', html)
    assert len(links) == 3
    text = wa_text(links[1].replace("&amp;", "&"))
    lines = text.split("\n")
    assert lines[0] == "Di perjalanan"
    assert all(line.startswith("- ") for line in lines[1:-1]) and len(lines) > 3
    assert "](" not in text and "<" not in text  # plain text, no Markdown or HTML
    assert lines[-1] == f"{real_site.site_url}id/kenali-tppo/tanda/"


NEUTRAL = "https://www.google.com/"


def test_quick_exit_leaves_at_once_and_replaces_the_history_entry(real_site, browser):
    ctx = browser.new_context(viewport=VIEWPORT)
    # Stand in for the neutral site: the test machine has no internet.
    ctx.route(
        NEUTRAL + "**", lambda route: route.fulfill(status=200, body="<title>neutral</title>", content_type="text/html")
    )
    page = ctx.new_page()
    page.goto(f"{real_site.base}id/")
    page.goto(f"{real_site.base}id/kenali-tppo/tanda/")
    link = page.locator("[data-jr-quick-exit]")
    assert link.inner_text() == "Keluar cepat" and link.is_visible()
    link.focus()  # reachable and usable by keyboard
    page.keyboard.press("Enter")
    page.wait_for_url(NEUTRAL)
    page.go_back()
    page.wait_for_load_state("load")
    assert page.url == f"{real_site.base}id/"  # the guide page is gone from the Back history

    # Shift pressed three times does the same, from anywhere on the page.
    page.goto(f"{real_site.base}en/kontak/")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL)
    ctx.close()


def test_quick_exit_only_where_asked_and_works_without_javascript(real_site, browser):
    pages = {p.path for p in real_site.pages["id"]}
    marked = {p for p in pages if p.startswith(("kenali-tppo/", "kontak/"))}
    for path in pages:
        page_url = next(p.url for p in real_site.pages["id"] if p.path == path)
        html = (real_site.site_dir / "id" / page_url / "index.html").read_text(encoding="utf-8")
        assert ("data-jr-quick-exit" in html) == (path in marked), path
    ctx = browser.new_context(viewport=VIEWPORT, java_script_enabled=False)
    page = ctx.new_page()
    page.goto(f"{real_site.base}id/kontak/")
    assert page.get_attribute("[data-jr-quick-exit]", "href") == NEUTRAL
    assert page.locator(".jr-quick-exit-help summary").inner_text() == "Menyembunyikan bahwa Anda membuka situs ini"
    ctx.close()
