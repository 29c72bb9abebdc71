"""Search in a real Chromium at a phone's size: nothing fetched before the reader uses search, the first
query typed is answered (online, from the service worker offline, from the offline copy), the
no-results help, no policy violation, and the evaluation (data/search/evaluation.yml) at recall@3."""

from __future__ import annotations

import json
import re
import zipfile

import pytest

from jalur.core.project import ROOT
from jalur.models.search_data import load_evaluation
from tests.test_browser import VIEWPORT, Recorder, settle

SEARCH_FILES = re.compile(r"/workers/search\.|/lunr/|/search/search_index\.")
RECALL = 0.9
QUERY = {"id": "disekap", "en": "unpaid salary"}


def search_requests(rec):
    return [u for u in rec.requests if SEARCH_FILES.search(u)]


def open_and_type(page, query):
    """Open search the way a phone user does and type the query once, at once."""
    page.locator('label.md-header__button[for="__search"]').first.click()
    page.locator("input.md-search__input").press_sequentially(query, delay=30)


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport=VIEWPORT, device_scale_factor=2, is_mobile=True, has_touch=True)
    ctx.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    yield ctx
    ctx.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_search_bytes_before_use_then_the_first_query_is_answered(real_site, context, lang):
    page = context.new_page()
    rec = Recorder(page)
    page.goto(f"{real_site.base}{lang}/berangkat-resmi/biaya/")
    settle(page)
    page.wait_for_timeout(500)
    assert search_requests(rec) == []
    open_and_type(page, QUERY[lang])
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    assert page.locator(".jr-search-help").is_hidden()
    fetched = search_requests(rec)
    assert any("/workers/search." in u for u in fetched) and any("search_index.json" in u for u in fetched)
    assert any(f"/lunr/min/lunr.{'id' if lang == 'id' else 'en-x-jr'}.min.js" in u for u in fetched)
    # Nothing found: the help, with the contacts and the checklist, in the page's language.
    page.locator("input.md-search__input").fill("")
    page.locator("input.md-search__input").press_sequentially("qqxyzzy", delay=30)  # Material reads keyup
    help_box = page.locator(".jr-search-help")
    help_box.wait_for(state="visible", timeout=10_000)
    assert ("Butuh bantuan sekarang?" if lang == "id" else "Need help now?") in help_box.inner_text()
    hrefs = [a.get_attribute("href") for a in help_box.locator("a").all()]
    assert hrefs == ["../../kontak/", "../../cek-perekrut/"]
    assert page.evaluate("window.__violations") == []
    assert rec.failed == [] and rec.errors == []


def test_search_works_from_the_service_worker_cache_offline(real_site, context):
    base = f"{real_site.base}id/"
    page = context.new_page()
    page.goto(base + "kontak/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    # Search once online: the worker, the plugin and the index are kept (cache first).
    open_and_type(page, "paspor")
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    context.set_offline(True)
    page.goto(base + "kontak/")
    page.wait_for_load_state("load")
    open_and_type(page, "calo")
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    assert "cek-perekrut" in page.locator(".md-search-result__item a").first.get_attribute("href")
    context.set_offline(False)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_offline_copy_answers_the_first_query_typed(real_site, browser, tmp_path, lang):
    with zipfile.ZipFile(real_site.site_dir / lang / "unduh" / f"jalur-resmi-offline-{lang}.zip") as zf:
        zf.extractall(tmp_path)
    ctx = browser.new_context(viewport=VIEWPORT)
    page = ctx.new_page()
    rec = Recorder(page)
    page.goto((tmp_path / f"jalur-resmi-{lang}" / "berangkat-resmi" / "index.html").as_uri())
    page.wait_for_load_state("load")
    # Typed at once after opening search, once: no second try.
    open_and_type(page, QUERY[lang])
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    assert [u for u in rec.requests if not u.startswith("file://")] == []
    assert rec.errors == []
    ctx.close()


EVAL_SCRIPT = """async ([workerUrl, indexUrl, queries]) => {
  const index = await (await fetch(indexUrl)).json();
  const worker = new Worker(workerUrl);
  const next = () => new Promise((resolve) =>
    worker.addEventListener("message", (e) => resolve(e.data), { once: true }));
  worker.postMessage({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
  await next();
  const out = [];
  for (const query of queries) {
    worker.postMessage({ type: 2, data: query });
    const result = await next();
    out.push(result.data.items.map((group) => group[0].location.split("#")[0]));
  }
  worker.terminate();
  return out;
}"""


def recall_at_3(queries, results) -> tuple[float, list[str]]:
    misses = [f"{q.query!r} -> {r[:3]}" for q, r in zip(queries, results, strict=True) if not set(r[:3]) & set(q.pages)]
    return 1 - len(misses) / len(queries), misses


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_evaluation_finds_a_right_page_in_the_top_three(real_site, context, lang):
    queries = load_evaluation(ROOT / "data" / "search" / "evaluation.yml", ROOT, ["id", "en"])[lang]
    assert len(queries) >= (30 if lang == "id" else 10)
    page = context.new_page()
    page.goto(f"{real_site.base}{lang}/")
    settle(page)
    config = json.loads(page.locator("#__config").text_content())
    worker = page.evaluate("(path) => new URL(path, location.href).href", config["search"])
    page.locator('label.md-header__button[for="__search"]').first.click()  # the site's own worker
    results = page.evaluate(
        EVAL_SCRIPT, [worker, f"{real_site.base}{lang}/search/search_index.json", [q.query for q in queries]]
    )
    recall, misses = recall_at_3(queries, results)
    print(f"recall@3 {lang}: {recall:.0%} of {len(queries)}; misses: {misses}")
    assert recall >= RECALL, misses
    assert page.evaluate("window.__violations") == []
