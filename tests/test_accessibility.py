"""axe-core on every page of both languages, at a phone's size: no WCAG 2.2 A/AA violation."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jalur.core.project import ROOT
from tests.test_browser import VIEWPORT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="module")
def axe_source() -> Path:
    if not AXE.is_file():
        message = "axe-core not installed (make test runs `npm ci`)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE


def violations(page) -> list[str]:
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [
        f"{v['id']} ({v['impact']}): {len(v['nodes'])} node(s), e.g. {v['nodes'][0]['target']}"
        for v in result["violations"]
    ]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_axe_violations_on_any_page(real_site, browser, axe_source, lang):
    # bypass_csp: axe-core is injected by the test; the site's own policy (rightly) refuses it.
    ctx = browser.new_context(viewport=VIEWPORT, bypass_csp=True)
    page = ctx.new_page()
    found = {}
    urls = [f"{real_site.base}{lang}/{p.url}" for p in real_site.pages[lang]] + [f"{real_site.base}{lang}/404.html"]
    if lang == "id":
        urls.append(real_site.base)  # the language chooser
    for url in urls:
        page.goto(url)
        page.add_script_tag(path=str(axe_source))
        problems = violations(page)
        if problems:
            found[url] = problems
    ctx.close()
    assert found == {}
