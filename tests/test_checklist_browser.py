"""The recruiter checklist (cek-perekrut/) in a real Chromium at a phone's size, 360x740, in both languages:
answers give the verdict of the rule in data/checklist.yml with the right actions and contacts; the page
works without JavaScript, prints as an A4 form, keeps answers on the phone and passes axe-core."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest

from jalur.core.project import ROOT
from jalur.models.checklist import load_checklist
from jalur.models.contacts import load_contacts

VIEWPORT = {"width": 360, "height": 740}
LANGS = ["id", "en"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
A4_PRINTABLE_HEIGHT_PX = (297 - 2 * 15) / 25.4 * 96  # the @page margins of jalur.css: 15 mm
MAX_PRINTED_PAGES = 5


@pytest.fixture(scope="module")
def checklist():
    return load_checklist(ROOT / "data" / "checklist.yml", ROOT, LANGS)


@pytest.fixture(scope="module")
def contacts():
    return {c.id: c for c in load_contacts(ROOT / "data" / "contacts.yml", ROOT, LANGS)}


class Watch:
    """Console errors, page errors, failed requests and requests to any other host, for one page."""

    def __init__(self, page, base):
        self.base, self.errors, self.failed, self.other_hosts = base, [], [], []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url} (HTTP {r.status})"))
        page.on(
            "request",
            lambda r: (
                r.url.startswith(("http:", "https:")) and not r.url.startswith(base) and self.other_hosts.append(r.url)
            ),
        )

    def assert_clean(self):
        assert self.errors == [] and self.failed == [] and self.other_hosts == []


@pytest.fixture
def open_page(browser, real_site):
    """open_page(lang, js=True) -> a page at cek-perekrut/ in a fresh 360x740 context, with page.watch."""
    contexts = []

    def _open(lang, js=True, bypass_csp=False):
        # bypass_csp: only for injecting axe-core, which the page's own policy rightly refuses.
        context = browser.new_context(viewport=VIEWPORT, java_script_enabled=js, bypass_csp=bypass_csp)
        contexts.append(context)
        page = context.new_page()
        page.watch = Watch(page, real_site.base)
        page.goto(f"{real_site.base}{lang}/cek-perekrut/")
        page.wait_for_load_state("load")
        return page

    yield _open
    for context in contexts:
        context.close()


def good(question) -> str:
    return "yes" if question.answers["yes"] == "ok" else "no"


SET_ANSWERS = """answers => {
  const form = document.getElementById('jr-checklist');
  form.querySelectorAll('input:checked').forEach(input => { input.checked = false; });
  for (const [q, a] of Object.entries(answers)) document.getElementById(`jr-${q}-${a}`).checked = true;
  form.dispatchEvent(new Event('change', {bubbles: true}));
}"""

READ_STATE = """() => ({
  result: document.querySelector('.jr-checklist').getAttribute('data-result'),
  shown: [...document.querySelectorAll('.jr-result [data-verdict]')].filter(el => !el.hidden)
           .map(el => el.getAttribute('data-verdict')),
  problems: [...document.querySelectorAll('.jr-problem')].filter(li => !li.hidden)
              .map(li => [li.getAttribute('data-q'), li.getAttribute('data-answer')]),
  status: document.getElementById('jr-status').textContent,
})"""


def state(page) -> dict:
    return page.evaluate(READ_STATE)


def visible_verdict(page):
    return page.locator(".jr-result [data-verdict]:visible")


def assert_private(page, url):
    """Nothing in the address, nothing stored, no cookie."""
    assert page.url == url
    assert page.evaluate("localStorage.length") == 0
    assert page.context.cookies() == []


# --- Answering -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_answer_sequences_give_the_verdict_actions_and_contacts(open_page, checklist, contacts, lang):
    page = open_page(lang)
    url = page.url
    verdicts = {v.id: v for v in checklist.verdicts}
    questions = {q.id: q for q in checklist.questions}
    status = page.locator("#jr-status")
    assert status.get_attribute("role") == "status"
    assert status.is_visible() and "0" in status.inner_text()

    # Every answer good: no warning signs found, nothing to do, still confirm at BP3MI or Disnaker.
    for q in checklist.questions:
        page.check(f"#jr-{q.id}-{good(q)}")
    assert visible_verdict(page).get_attribute("data-verdict") == "clear"
    assert verdicts["clear"].summary[lang] in visible_verdict(page).inner_text()
    assert verdicts["clear"].title[lang] in status.inner_text()
    assert page.locator(".jr-problem:visible").count() == 0 and not page.locator(".jr-todo").is_visible()

    # "Not sure": be careful, with how to find out.
    page.check("#jr-contract-unsure")
    assert visible_verdict(page).get_attribute("data-verdict") == "careful"
    assert verdicts["careful"].title[lang] in status.inner_text()
    problems = page.locator(".jr-problem:visible")
    assert problems.count() == 1
    assert questions["contract"].find_out[lang] in problems.first.inner_text()
    assert checklist.severities["unsure"].label[lang] in problems.first.inner_text()

    # A warning sign of trafficking: stop, with what to do.
    page.check("#jr-personal-account-yes")
    assert visible_verdict(page).get_attribute("data-verdict") == "stop"
    assert verdicts["stop"].title[lang] in status.inner_text()
    # Most severe first: the STOP answer before the "find out first" one, though it comes later.
    assert state(page)["problems"] == [["personal-account", "yes"], ["contract", "unsure"]]
    stop_item = page.locator(".jr-problem:visible").nth(0)
    assert questions["personal-account"].if_bad[lang] in stop_item.inner_text()
    assert checklist.severities["stop"].label[lang] in stop_item.inner_text()

    # Contacts for the situation: still in Indonesia (the default), then already abroad.
    situations = {s.id: s for s in checklist.situations}
    home, abroad = page.locator("[data-situation=indonesia]"), page.locator("[data-situation=abroad]")
    assert home.is_visible() and not abroad.is_visible()
    for cid in situations["indonesia"].contact_ids:
        assert contacts[cid].name[lang] in home.inner_text()
    assert page.locator('[data-situation=indonesia] a[href="tel:08001000"]:visible').count() == 1
    page.check("#jr-situation-abroad")
    assert abroad.is_visible() and not home.is_visible()
    for cid in situations["abroad"].contact_ids:
        assert contacts[cid].name[lang] in abroad.inner_text()
    assert page.locator('[data-situation=abroad] a[href="tel:+6281290070027"]:visible').count() == 1

    assert_private(page, url)
    page.watch.assert_clean()


def sampled_answers(checklist, count: int, seed: int) -> list[dict[str, str]]:
    """Answer combinations: corner cases, then random ones (some questions left unanswered)."""
    rng = random.Random(seed)
    questions = checklist.questions
    everything_good = {q.id: good(q) for q in questions}
    samples = [
        {},
        everything_good,
        {**everything_good, questions[0].id: "unsure"},
        {q.id: "unsure" for q in questions},
        {k: v for k, v in everything_good.items() if k != questions[-1].id},
    ]
    while len(samples) < count:
        sample = {}
        for q in questions:
            if rng.random() < 0.9:
                sample[q.id] = rng.choices([good(q), q.bad_answer, "unsure"], weights=[85, 8, 7])[0]
        samples.append(sample)
    return samples


@pytest.mark.parametrize("lang,seed", [("id", 1), ("en", 2)])
def test_the_page_verdict_follows_the_rule_for_sampled_answers(open_page, checklist, lang, seed):
    page = open_page(lang)
    seen = set()
    for answers in sampled_answers(checklist, 60, seed):
        page.evaluate(SET_ANSWERS, answers)
        expected = checklist.verdict(answers)
        got = state(page)
        assert got["result"] == (expected or ""), answers
        assert got["shown"] == [expected or ""], answers
        assert got["problems"] == [[q.id, a] for q, a in checklist.problems(answers)], answers
        assert f" {len(answers)} " in got["status"], got["status"]
        seen.add(expected)
    assert seen == {None, "clear", "careful", "stop"}
    page.watch.assert_clean()


# --- Without JavaScript, keyboard and screen reader, narrow screens -----------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_questions_the_rule_and_the_contacts_show(open_page, checklist, lang):
    page = open_page(lang, js=False)
    legends = page.locator("fieldset.jr-q > legend")
    assert legends.count() == len(checklist.questions)
    for i, q in enumerate(checklist.questions):
        assert legends.nth(i).is_visible()
        assert legends.nth(i).inner_text().endswith(q.text[lang])
    # The rule is folded under its title (the first question is on the first screen); it opens.
    rule = page.locator("details.jr-rule")
    assert rule.is_visible() and rule.get_attribute("open") is None
    rule.locator("summary").click()
    for verdict in checklist.verdicts:
        assert verdict.title[lang] in rule.inner_text() and verdict.summary[lang] in rule.inner_text()
    for severity in ("stop", "warning"):
        assert checklist.severities[severity].describe[lang] in rule.inner_text()
        assert page.locator(f".jr-a .jr-mark--{severity}:visible").count() > 0
    # Both sets of contacts; the script's parts stay hidden.
    for situation in checklist.situations:
        assert page.locator(f"[data-situation={situation.id}]").is_visible()
    for selector in (".jr-status", ".jr-result", ".jr-remember", ".jr-situation"):
        assert not page.locator(selector).is_visible(), selector
    # The form works: answer, then clear (a reset button needs no script). The share link is there.
    page.check("#jr-licensed-no")
    assert page.is_checked("#jr-licensed-no")
    page.locator(".jr-tools button[type=reset]").click()
    assert not page.is_checked("#jr-licensed-no")
    assert page.locator("a.jr-share").is_visible()
    page.watch.assert_clean()


def test_keyboard_and_screen_reader(open_page, checklist):
    page = open_page("id")
    first = checklist.questions[0]
    # Each question is a group named by its legend; the result line is a live region.
    for q in checklist.questions:
        assert page.get_by_role("group", name=re.compile(re.escape(q.text["id"]))).count() == 1
    assert page.get_by_role("status").count() == 1
    # Arrow keys choose an answer; Tab goes on to the next question.
    page.focus(f"#jr-{first.id}-yes")
    page.keyboard.press("ArrowRight")
    assert page.is_checked(f"#jr-{first.id}-no")
    assert checklist.verdicts[0].title["id"] in page.locator("#jr-status").inner_text()
    page.keyboard.press("Tab")  # "why this matters" of question 1
    page.keyboard.press("Tab")  # question 2
    page.keyboard.press("Space")
    second = checklist.questions[1]
    assert page.is_checked(f"#jr-{second.id}-yes")
    # Tabbing through the form never leaves the focused answer under the result line.
    for _ in range(12):
        page.keyboard.press("Tab")
    focused = page.evaluate("""() => { const r = document.activeElement.getBoundingClientRect();
        const bar = document.querySelector('.jr-status').getBoundingClientRect();
        return {tag: document.activeElement.tagName, bottom: r.bottom, bar: bar.top}; }""")
    assert focused["bottom"] <= focused["bar"], focused
    page.watch.assert_clean()


@pytest.mark.parametrize("lang", LANGS)
def test_readable_at_360_px(open_page, lang):
    page = open_page(lang)
    page.check("#jr-licensed-no")
    page.check("#jr-contract-unsure")
    too_wide = page.evaluate("""() => [...document.querySelectorAll('.md-content *')]
        .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.right > 360.5; })
        .map(el => el.tagName + '.' + el.className)""")
    assert too_wide == []
    sizes = page.evaluate("""() => ({
        legend: Math.min(...[...document.querySelectorAll('.jr-q legend')]
            .map(el => parseFloat(getComputedStyle(el).fontSize))),
        target: Math.min(...[...document.querySelectorAll('.jr-a')].map(el => el.getBoundingClientRect().height)),
    })""")
    assert sizes["legend"] >= 14 and sizes["target"] >= 24, sizes
    page.watch.assert_clean()


# --- Privacy -------------------------------------------------------------------------------------------


def reload(page):
    """Reload once the page is quiet (a navigation during loading aborts the theme's requests)."""
    page.wait_for_load_state("networkidle")
    page.reload()
    page.wait_for_load_state("networkidle")


def test_answers_are_kept_only_when_the_reader_asks_and_clear_removes_them(open_page, real_site):
    page = open_page("id")
    url = page.url
    page.check("#jr-licensed-no")
    reload(page)
    assert not page.is_checked("#jr-licensed-no")
    assert_private(page, url)
    # Leaving the page forgets the answers too, so Back shows an empty form.
    page.check("#jr-licensed-no")
    page.wait_for_load_state("networkidle")
    page.goto(f"{real_site.base}id/")
    page.wait_for_load_state("networkidle")
    page.go_back()
    page.wait_for_load_state("networkidle")
    assert not page.is_checked("#jr-licensed-no")

    # "Remember on this phone": kept in this browser only, restored on the next visit.
    page.check("#jr-remember")
    page.check("#jr-licensed-no")
    page.check("#jr-situation-abroad")
    assert json.loads(page.evaluate("localStorage.getItem('jr-cek-perekrut')")) == {
        "jr-licensed": "no",
        "jr-situation": "abroad",
    }
    reload(page)
    assert page.is_checked("#jr-remember") and page.is_checked("#jr-licensed-no")
    assert page.is_checked("#jr-situation-abroad")
    assert visible_verdict(page).get_attribute("data-verdict") == "stop"
    assert page.url == url

    # "Clear answers" clears the form, the stored copy and the "remember" tick.
    page.locator(".jr-tools button[type=reset]").click()
    page.wait_for_function("localStorage.length === 0")
    assert not page.is_checked("#jr-licensed-no") and not page.is_checked("#jr-remember")
    assert page.is_checked("#jr-situation-indonesia")
    assert visible_verdict(page).get_attribute("data-verdict") == ""
    reload(page)
    assert not page.is_checked("#jr-licensed-no")
    assert_private(page, url)
    page.watch.assert_clean()


@pytest.mark.parametrize("lang", LANGS)
def test_share_opens_whatsapp_with_the_page_link_and_never_the_answers(open_page, lang):
    page = open_page(lang)
    share = page.locator("a.jr-share")
    before = share.get_attribute("href")
    page.check("#jr-licensed-no")
    page.check("#jr-contract-unsure")
    assert share.get_attribute("href") == before
    assert before.startswith("https://wa.me/?text=")
    message = unquote(before.removeprefix("https://wa.me/?text="))
    assert message.endswith(f"/{lang}/cek-perekrut/")
    assert "licensed" not in message and "unsure" not in message
    assert share.get_attribute("target") is None and share.get_attribute("onclick") is None
    page.watch.assert_clean()


# --- Print ---------------------------------------------------------------------------------------------


def pdf_text(path: Path) -> str | None:
    if not shutil.which("pdftotext"):
        if os.environ.get("CI"):
            pytest.fail("pdftotext not found (Debian package poppler-utils)")
        return None
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", " ", out.stdout)


def pdf_pages(path: Path, pdf: bytes) -> int:
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
        assert size and abs(float(size[1]) - 595.3) < 1 and abs(float(size[2]) - 841.9) < 1, info
        pages = re.search(r"Pages:\s+(\d+)", info)
        assert pages, info
        return int(pages[1])
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("lang", LANGS)
def test_prints_as_an_a4_form_without_site_chrome(open_page, checklist, tmp_path, lang):
    page = open_page(lang)
    page.emulate_media(media="print")
    for selector in (
        ".md-header",
        ".md-sidebar",
        ".md-footer",
        ".md-search",
        ".jr-tools",
        ".jr-status",
        ".jr-result",
        ".jr-situation",
        ".jr-q__more",
        ".jr-screen-only",
    ):
        assert page.locator(f"{selector}:visible").count() == 0, selector
    fieldsets = page.locator("fieldset.jr-q")
    assert fieldsets.count() == len(checklist.questions)
    layout = page.evaluate("""() => [...document.querySelectorAll('fieldset.jr-q')].map(el => ({
        visible: el.getBoundingClientRect().height > 0,
        height: el.getBoundingClientRect().height,
        breakInside: getComputedStyle(el).breakInside}))""")
    for item in layout:
        # Never split across pages, and small enough to fit on one (measured at 360 px, narrower than A4).
        assert item["visible"] and item["breakInside"] == "avoid" and item["height"] < A4_PRINTABLE_HEIGHT_PX
    # Both situations' contacts go on paper, whichever is chosen on screen; the tick boxes for the result too.
    assert page.locator("[data-situation]:visible").count() == len(checklist.situations)
    assert page.locator(".jr-print-result").is_visible()

    path = tmp_path / f"cek-perekrut-{lang}.pdf"
    pdf = page.pdf(format="A4", path=str(path))
    assert 1 <= pdf_pages(path, pdf) <= MAX_PRINTED_PAGES
    text = pdf_text(path)
    if text is not None:
        for n, q in enumerate(checklist.questions, 1):
            assert f"{n}. {q.text[lang][:40]}" in text, q.id
        for verdict in checklist.verdicts:
            assert verdict.title[lang] in text
        assert "0-800-1000" in text and "110" in text  # confirmed contacts are printed
        assert "safetravel.id" not in text  # single-source channels never go on paper
    page.watch.assert_clean()


# --- Accessibility -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def axe_script():
    if not AXE.is_file():
        message = "node_modules/axe-core is missing: run `make node_modules/.installed` (npm ci)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return str(AXE)


@pytest.mark.parametrize("lang", LANGS)
def test_axe_core_finds_no_violations(open_page, axe_script, lang):
    """The whole document, with some answers given, at the top, in the middle of the form (the result
    line over the questions), at the result and at the end of the page."""
    page = open_page(lang, bypass_csp=True)
    page.check("#jr-licensed-no")
    page.check("#jr-contract-unsure")
    page.add_script_tag(path=axe_script)
    spots = [
        "0",
        "document.getElementById('jr-q-scam-job').getBoundingClientRect().top + scrollY - 200",
        "document.getElementById('jr-result').getBoundingClientRect().top + scrollY",
        "document.body.scrollHeight",
    ]
    for spot in spots:
        page.evaluate(f"window.scrollTo(0, {spot})")
        page.wait_for_timeout(400)  # the theme's header fades its title on scroll: measure after the fade
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        found = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
        assert found == [], (spot, found)
    page.watch.assert_clean()
