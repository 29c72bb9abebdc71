"""The real site in a real Chromium (Debian's, through Playwright) at a phone's size, 360x740."""

from __future__ import annotations

import gzip

import pytest

VIEWPORT = {"width": 360, "height": 740}
FIRST_VISIT_BUDGET = 90_000  # bytes, gzip: HTML + CSS + JS (+ sitemaps) of a first page view


def page_urls(site, lang):
    return [f"{site.base}{lang}/{page.url}" for page in site.pages[lang]]


class Recorder:
    """Every request, failure and console error of one page."""

    def __init__(self, page):
        self.requests, self.failed, self.errors, self.responses = [], [], [], []
        page.on("request", lambda r: self.requests.append(r.url))
        # A request the browser cancels because the test moved on to the next page is not a failure.
        page.on(
            "requestfailed",
            lambda r: "ERR_ABORTED" in (r.failure or "") or self.failed.append(f"{r.url} ({r.failure})"),
        )
        page.on("response", self._response)
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _response(self, response):
        self.responses.append(response)
        if response.status >= 400:
            self.failed.append(f"{response.url} (HTTP {response.status})")


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport=VIEWPORT, device_scale_factor=2, is_mobile=True, has_touch=True)
    yield ctx
    ctx.close()


def settle(page):
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)  # the language switcher's sitemap requests start after load


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_page_loads_clean_from_this_host_only(real_site, context, lang):
    page = context.new_page()
    rec = Recorder(page)
    for url in page_urls(real_site, lang):
        page.goto(url)
        settle(page)
        assert page.get_attribute("html", "lang") == lang, url
        # Nothing makes the page scroll sideways on a 360 px phone (wide tables scroll in their own box).
        assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORT["width"], url
    other_hosts = [u for u in rec.requests if not u.startswith(real_site.base)]
    assert other_hosts == []
    assert rec.failed == []
    assert rec.errors == []


def test_chooser_and_404_pages(real_site, context):
    page = context.new_page()
    rec = Recorder(page)
    page.goto(real_site.base)
    assert page.get_attribute("html", "lang") == "id"
    links = page.locator("a.lang")
    assert links.nth(0).inner_text().startswith("Bahasa Indonesia")
    links.nth(1).click()
    page.wait_for_url(f"{real_site.base}en/")
    assert page.get_attribute("html", "lang") == "en"
    assert rec.errors == [] and [u for u in rec.requests if not u.startswith(real_site.base)] == []


@pytest.mark.parametrize("source,target", [("id", "en"), ("en", "id")])
def test_switching_language_keeps_the_reader_on_the_same_page(real_site, context, source, target):
    page = context.new_page()
    rec = Recorder(page)
    path = "berangkat-resmi/biaya/"
    page.goto(f"{real_site.base}{source}/{path}")
    settle(page)
    page.locator(".md-header .md-select button").first.hover()
    page.locator(f'.md-select__link[hreflang="{target}"]').click()
    page.wait_for_url(f"{real_site.base}{target}/{path}")
    assert page.get_attribute("html", "lang") == target
    assert rec.failed == [] and rec.errors == []


def test_switching_language_without_javascript_also_stays_on_the_page(real_site, browser):
    ctx = browser.new_context(viewport=VIEWPORT, java_script_enabled=False)
    page = ctx.new_page()
    page.goto(f"{real_site.base}id/kenali-tppo/tanda/")
    link = page.locator('.md-select__link[hreflang="en"]')
    assert link.evaluate("a => a.href") == f"{real_site.base}en/kenali-tppo/tanda/"
    page.goto(link.evaluate("a => a.href"))
    assert page.get_attribute("html", "lang") == "en"
    ctx.close()


def test_search_index_waits_until_the_reader_searches(real_site, context):
    page = context.new_page()
    rec = Recorder(page)
    page.goto(f"{real_site.base}id/berangkat-resmi/")
    settle(page)
    page.wait_for_timeout(500)
    assert not [u for u in rec.requests if "search_index.json" in u]
    # Open search the way a phone user does, and search.
    page.locator('label.md-header__button[for="__search"]').first.click()
    page.locator("input.md-search__input").fill("paspor")
    result = page.locator(".md-search-result__item").first
    result.wait_for(timeout=10_000)
    assert "paspor" in page.locator(".md-search-result").inner_text().lower()
    index_requests = [u for u in rec.requests if "search_index.json" in u]
    assert index_requests == [f"{real_site.base}id/search/search_index.json"]
    assert rec.failed == [] and rec.errors == []


def test_first_visit_of_a_content_page_stays_within_budget(real_site, context):
    page = context.new_page()
    rec = Recorder(page)
    page.goto(f"{real_site.base}id/berangkat-resmi/biaya/")
    settle(page)
    page.wait_for_timeout(300)
    total = sum(len(gzip.compress(r.body(), 9)) for r in rec.responses if r.status == 200)
    assert not [r for r in rec.responses if "search_index" in r.url]
    assert total <= FIRST_VISIT_BUDGET, f"first visit {total} B gzip > {FIRST_VISIT_BUDGET} B"
