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
    assert page.locator(".md-select").count() == 0          # no switcher: the other language is not in it
    # Navigate by a link in the page, as a reader would.
    page.locator('article a[href="berangkat-resmi/index.html"]').first.click()
    page.wait_for_url(re.compile(r"/berangkat-resmi/index\.html$"))
    # Search, from file://.
    page.locator('label.md-header__button[for="__search"]').first.click()
    # From file:// Material starts its search only when search opens; a query typed before it is
    # ready is not run, so type the way a person does, a moment after opening.
    page.wait_for_timeout(1500)
    page.locator("input.md-search__input").press_sequentially("paspor", delay=50)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("load")
    assert re.match(r"file://.*\.html(\?h=paspor)?$", page.url), page.url
    assert "paspor" in page.locator("article").inner_text().lower()
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
    page.reload()                  # now controlled by the worker, which stores the page
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
            with Image.open(real_site.site_dir / lang / image[len(f"{real_site.site_url}{lang}/"):]) as png:
                assert png.size == (1200, 630)
