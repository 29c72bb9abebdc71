"""The site built for an address with a sub-path (SITE_URL=http://127.0.0.1:<port>/jr/) works under
/jr/, and a copy of the same files served from another address and path works too: every printed or
shared address carries the sub-path, the chooser, the language switch, the service worker and the
offline notice work there, and no page fetches anything from anywhere else (issue 13)."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from jalur.core.urls import LEAFLETS_DIR
from tests.test_browser import VIEWPORT
from tests.test_leaflets_site import decode_qr, run, tool


def read(site, path: str) -> str:
    return (site.site_dir / path).read_text(encoding="utf-8")


def test_every_printed_and_shared_address_carries_the_sub_path(subpath_site, tmp_path):
    base = subpath_site.base
    page = read(subpath_site, "id/kontak/index.html")
    assert f'<link rel="canonical" href="{base}id/kontak/">' in page
    assert f'data-url="{base}id/kontak/"' in page  # the QR code printed with the page
    shares = re.findall(r'href="(https://wa\.me/\?text=[^"]+)"', page)
    assert shares and all("%2Fjr%2Fid%2Fkontak%2F" in link for link in shares)
    assert f'content="{base}id/assets/previews/kontak.png"' in page  # the link preview's image
    assert f"<loc>{base}id/kontak/</loc>" in read(subpath_site, "id/sitemap.xml")
    assert f"Sitemap: {base}sitemap.xml" in read(subpath_site, "robots.txt")  # the index of both
    # The 404 page is served at any depth: its own links are absolute paths that carry the sub-path.
    not_found = read(subpath_site, "id/404.html")
    assert 'href="/jr/id/."' in not_found and 'href="/jr/id/../en/"' in not_found
    assert 'href="/jr/id/assets/stylesheets/jalur.css"' in not_found
    # A leaflet's QR code opens the page under the sub-path.
    leaflet = next(b for b in subpath_site.leaflets if b.edition.lang == "id")
    assert leaflet.qr_url.startswith(f"{base}id/")
    pdf = subpath_site.site_dir / "id" / LEAFLETS_DIR / leaflet.edition.slug / leaflet.edition.pdf_name
    stem = tmp_path / "qr"
    run(tool("pdftoppm"), "-r", "150", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem))
    assert decode_qr(stem.with_suffix(".png")) == [leaflet.qr_url]
    # The service worker names no path of its own: it takes its scope from where it is served.
    worker = read(subpath_site, "id/sw.js")
    assert "/jr/" not in worker and '"/id/' not in worker


def visit(context, base: str):
    """A page of `context` that records every request outside `base`, failed loads and console errors."""
    page = context.new_page()
    problems: list[str] = []

    def on_request(request):
        if not request.url.startswith(base):
            problems.append(f"request to {request.url}")

    def on_response(response):
        if response.status >= 400:
            problems.append(f"{response.status} {response.url}")

    def on_console(message):
        if message.type == "error":
            problems.append(f"console: {message.text} ({page.url})")

    page.on("request", on_request)
    page.on("response", on_response)
    page.on("console", on_console)
    return page, problems


@pytest.mark.parametrize("where", ["base", "copy_base"])
def test_chooser_switch_service_worker_and_offline_under_a_sub_path(subpath_site, browser, where):
    base = getattr(subpath_site, where)
    context = browser.new_context(viewport=VIEWPORT, is_mobile=True, has_touch=True)
    page, problems = visit(context, base)
    # The chooser at the sub-path's root leads into a language.
    page.goto(base)
    page.get_by_role("link", name=re.compile("Bahasa Indonesia")).click()
    page.wait_for_load_state("load")
    assert page.url == f"{base}id/"
    # The home page's help door leads to the contacts.
    page.goto(f"{base}id/kontak/")
    page.wait_for_load_state("networkidle")
    scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    assert scope == f"{base}id/"
    # The language switch keeps the reader on the same page.
    page.locator(".md-header__option .md-header__button").click()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_load_state("load")
    assert page.url == f"{base}en/kontak/"
    # Back to the Indonesian page, now controlled by its worker, then offline.
    page.goto(f"{base}id/kontak/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    title = page.title()
    context.set_offline(True)
    page.reload()
    assert page.title() == title
    assert page.locator(".md-header__title").is_visible()  # the theme's files came from the cache too
    # A page never opened before: the worker's offline notice, whose link goes home under the sub-path
    # (the home page was opened before the worker was there: the worker saved it when it installed).
    page.goto(f"{base}id/istilah/")
    assert "tidak tersambung" in page.inner_text("body")
    home = page.get_by_role("link")
    assert urljoin(page.url, home.get_attribute("href")) == f"{base}id/"
    home.click()
    page.wait_for_load_state("load")
    assert page.url == f"{base}id/" and page.locator(".md-header__title").is_visible()
    assert problems == []
    context.close()
