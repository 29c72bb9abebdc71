"""The pages' own privacy and security (jalur/outputs/security.py): a Content-Security-Policy with hashed
inline scripts, no referrer, outbound links marked; and, in Chromium, no violation of that policy
while a reader loads pages, searches, answers the checklist and the service worker installs."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from jalur.outputs.security import harden, script_hashes

CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def pages(site):
    return sorted(site.site_dir.rglob("*.html"))


def test_every_page_has_a_policy_whose_hashes_are_its_inline_scripts(real_site):
    checked = 0
    for path in pages(real_site):
        html = path.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        found = CSP.findall(head)
        assert len(found) == 1, path
        policy = found[0]
        script_src = next(d for d in policy.split("; ") if d.startswith("script-src "))
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src, path
        for directive in ("default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"):
            assert directive in policy, (path, directive)
        # Computed here on its own: each inline script that runs has its hash in the policy.
        inline = [
            m.group(2)
            for m in re.finditer(r"<script([^>]*)>(.*?)</script>", html, re.S)
            if "src=" not in m.group(1) and "application/json" not in m.group(1)
        ]
        for body in inline:
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            assert f"'sha256-{digest}'" in script_src, path
        assert len(re.findall(r"'sha256-", script_src)) == len(set(inline)), path
        assert '<meta name="referrer" content="no-referrer">' in head, path
        checked += 1
    assert checked >= 66 + 2 + 8  # both languages' pages, the root pages, the leaflets' twins


def test_every_link_to_another_site_carries_noopener_noreferrer(real_site):
    for path in pages(real_site):
        for tag in re.findall(r"<a\s[^>]*>", path.read_text(encoding="utf-8")):
            href = re.search(r'href="([^"]*)"', tag)
            if href and re.match(r"https?://", href.group(1)) and not href.group(1).startswith(real_site.base):
                rel = re.search(r'rel="([^"]*)"', tag)
                assert rel and {"noopener", "noreferrer"} <= set(rel.group(1).split()), (path, tag)


def test_the_hashes_follow_the_script_and_a_page_without_a_charset_is_refused():
    page = '<html><head><meta charset="utf-8"></head><body><script>var a = 1;</script>'
    page += '<script src="x.js"></script><script type="application/json">{}</script>'
    page += '<a href="https://kemlu.go.id/">x</a><a href="https://jr.example/id/">y</a></body></html>'
    out = harden(page, "https://jr.example/", "site/x.html")
    assert script_hashes(out) == ["'sha256-" + base64.b64encode(hashlib.sha256(b"var a = 1;").digest()).decode() + "'"]
    assert '<a href="https://kemlu.go.id/" rel="noopener noreferrer">' in out
    assert '<a href="https://jr.example/id/">' in out
    assert script_hashes(out.replace("var a = 1;", "var a = 2;")) != script_hashes(out)
    from jalur.core.errors import BuildError

    with pytest.raises(BuildError, match="site/x.html: <head>: has no <meta charset"):
        harden("<html><head></head></html>", "https://jr.example/", "site/x.html")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_policy_violation_while_reading_searching_and_using_the_checklist(real_site, browser, lang):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    context.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    page = context.new_page()
    console = []
    page.on("console", lambda m: "Content Security Policy" in m.text and console.append(m.text))
    base = f"{real_site.base}{lang}/"
    for path in ("", "kontak/", "kenali-tppo/tanda/", "berangkat-resmi/biaya/", "cetak/", "cetak/kontak/"):
        page.goto(base + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(150)
        assert page.evaluate("window.__violations") == [], path
    # The service worker installs under the policy.
    assert page.evaluate("navigator.serviceWorker.ready.then(r => r.active !== null)")
    # Search: Material's worker and the index load from the site itself.
    page.goto(base + "berangkat-resmi/")
    page.locator('label.md-header__button[for="__search"]').first.click()
    page.locator("input.md-search__input").fill("paspor")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert page.evaluate("window.__violations") == []
    # The checklist's script runs and gives a result.
    page.goto(base + "cek-perekrut/")
    page.check("#jr-licensed-no")
    page.wait_for_timeout(100)
    assert page.evaluate("window.__violations") == []
    assert console == []
    context.close()
