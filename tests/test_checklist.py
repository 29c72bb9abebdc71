"""The recruiter checklist (cek-perekrut/) without a browser: the data loader, the verdict rule, the
marker's output in the built page, and the script's size and habits.

The browser tests (tests/test_checklist_browser.py) check the page itself in Chromium."""

from __future__ import annotations

import copy
import gzip
import json
import re
import shutil
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml

from jalur.build import build
from jalur.core.errors import BuildError
from jalur.core.project import ROOT
from jalur.models import frontmatter
from jalur.models.checklist import ANSWERS, load_checklist
from tests.helpers import make_project, replace_in, write

DATA = ROOT / "data" / "checklist.yml"
SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "checklist.js"
LANGS = ["id", "en"]


@pytest.fixture(scope="module")
def checklist():
    return load_checklist(DATA, ROOT, LANGS)


def good(question) -> str:
    return "yes" if question.answers["yes"] == "ok" else "no"


def all_good(checklist) -> dict[str, str]:
    return {q.id: good(q) for q in checklist.questions}


# --- The data ----------------------------------------------------------------------------------------


def test_the_data_has_12_to_16_questions_in_the_four_groups(checklist):
    assert 12 <= len(checklist.questions) <= 16
    assert [g.id for g in checklist.groups] == ["company", "job", "money", "journey"]
    for q in checklist.questions:
        assert q.severity in ("stop", "warning") and q.answers["unsure"] == "unsure"
        assert all(q.text[lang] and q.why[lang] and q.if_bad[lang] and q.find_out[lang] for lang in LANGS)
        assert q.sources


# The warning signs of procedure.md section 5 that the issue names: each is a STOP answer.
@pytest.mark.parametrize(
    "qid,bad",
    [
        ("scam-job", "yes"),  # online-scam job offers
        ("work-visa", "no"),  # tourist, visit, umrah or hajj visa
        ("passport-lie", "yes"),  # told to lie at the passport interview
        ("passport-kept", "yes"),  # passport kept by the agent
        ("personal-account", "yes"),  # paying into a personal bank account
        ("official-route", "no"),  # an unofficial route
    ],
)
def test_the_warning_signs_of_trafficking_are_stop_answers(checklist, qid, bad):
    question = next(q for q in checklist.questions if q.id == qid)
    assert question.bad_answer == bad and question.severity == "stop"


def test_contacts_are_listed_by_id_for_each_situation(checklist):
    assert {s.id: s.contact_ids for s in checklist.situations} == {
        "indonesia": ("NAT-01", "NAT-03", "NAT-08"),
        "abroad": ("NAT-04", "NAT-05", "NAT-02"),
    }


# --- The rule ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_rule_in_the_page_is_the_rule_in_the_data(real_site, lang):
    """The built page's data-rule, which the script applies, says what data/checklist.yml says."""
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))["verdicts"]
    html = (real_site.site_dir / lang / "cek-perekrut/index.html").read_text(encoding="utf-8")
    rules = re.findall(r'data-rule="([^"]*)"', html)
    assert len(rules) == 1, "the page has one form with one rule"
    assert json.loads(unescape(rules[0])) == [
        {"id": v["id"], "any": v["when_any"]} if "when_any" in v else {"id": v["id"], "all": v["when_all"]} for v in raw
    ]


def _with(checklist, **changes):
    answers = all_good(checklist)
    for qid, answer in changes.items():
        qid = qid.replace("_", "-")
        if answer is None:
            del answers[qid]
        else:
            answers[qid] = answer
    return answers


@pytest.mark.parametrize(
    "changes,expected",
    [
        ({}, "clear"),  # every answer good
        ({"contract": "unsure"}, "careful"),  # "not sure"
        ({"contract": "no"}, "careful"),  # a warning
        ({"placement_fee": "yes", "registered": "unsure"}, "careful"),
        ({"licensed": "no"}, "stop"),  # a stop answer
        ({"licensed": "no", "contract": "no", "registered": "unsure"}, "stop"),  # stop beats the rest
        ({"licensed": None}, None),  # one unanswered: no result yet
        ({"licensed": None, "contract": "unsure"}, "careful"),  # warnings show at once
        ({"licensed": None, "passport_kept": "yes"}, "stop"),
    ],
)
def test_verdict(checklist, changes, expected):
    assert checklist.verdict(_with(checklist, **changes)) == expected


def test_no_answers_no_verdict_and_bad_input_is_refused(checklist):
    assert checklist.verdict({}) is None
    with pytest.raises(ValueError):
        checklist.verdict({"no-such-question": "yes"})
    with pytest.raises(ValueError):
        checklist.verdict({"licensed": "maybe"})


def test_problems_list_every_answer_that_is_not_ok_most_severe_first(checklist):
    answers = _with(checklist, true_age="no", contract="unsure", licensed="no")
    # STOP answers (licensed: no, true-age: no) in question order, then "find out first" (contract).
    assert [q.answers[a] for q, a in checklist.problems(answers)] == [
        "stop",
        "stop",
        "unsure",
    ]
    assert [(q.id, a) for q, a in checklist.problems(answers)] == [
        ("licensed", "no"),
        ("true-age", "no"),
        ("contract", "unsure"),
    ]
    assert checklist.problems(all_good(checklist)) == []


def load_from(tmp_path, raw) -> object:
    path = write(tmp_path / "data" / "checklist.yml", yaml.safe_dump(raw, allow_unicode=True, sort_keys=False))
    return load_checklist(path, tmp_path, LANGS)


def test_the_verdict_follows_the_order_of_the_data(tmp_path, checklist):
    """Swap the first two verdicts in the data: a stop answer next to a warning then reads "careful"."""
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    raw["verdicts"][0], raw["verdicts"][1] = raw["verdicts"][1], raw["verdicts"][0]
    swapped = load_from(tmp_path, raw)
    answers = _with(checklist, licensed="no", contract="no")
    assert checklist.verdict(answers) == "stop"
    assert swapped.verdict(answers) == "careful"


# --- Malformed data ----------------------------------------------------------------------------------


def q(raw, index=1):
    """The index-th question of the first group."""
    return raw["groups"][0]["questions"][index]


BAD_DATA = {
    "missing English text": (
        lambda r: q(r)["why"].pop("en"),
        "groups[0].questions[1] (recruitment-permit).why.en",
        "is missing or empty",
    ),
    "unknown severity": (
        lambda r: q(r)["answers"].update({False: "danger"}),
        "groups[0].questions[1] (recruitment-permit).answers.no",
        "unknown severity 'danger'",
    ),
    "yes and no both ok": (
        lambda r: q(r)["answers"].update({False: "ok"}),
        "(recruitment-permit).answers",
        "exactly one of yes and no must be ok",
    ),
    "not sure is ok": (
        lambda r: q(r)["answers"].update({"unsure": "ok"}),
        "(recruitment-permit).answers.unsure",
        '"not sure" cannot be ok',
    ),
    "bad answer only unsure": (
        lambda r: q(r)["answers"].update({False: "unsure"}),
        "(recruitment-permit).answers",
        "the bad answer must be stop or warning",
    ),
    "an answer left out": (
        lambda r: q(r)["answers"].pop("unsure"),
        "(recruitment-permit).answers",
        "exactly yes, no and unsure",
    ),
    "duplicate question id": (
        lambda r: q(r).update({"id": "licensed"}),
        "groups[0].questions[1].id",
        "duplicate id 'licensed'",
    ),
    "no source": (lambda r: q(r).update({"sources": []}), "(recruitment-permit).sources", "must be a non-empty list"),
    "source not a web address": (
        lambda r: q(r)["sources"][0].update({"url": "siskop2mi.go.id"}),
        "(recruitment-permit).sources[0].url",
        "is not a web address",
    ),
    "misspelt field": (
        lambda r: q(r).update({"why_it_matters": q(r).pop("why")}),
        "(recruitment-permit)",
        "unknown field why_it_matters",
    ),
    "too few questions": (
        lambda r: [g.update({"questions": g["questions"][:2]}) for g in r["groups"]],
        "groups",
        "12 to 16 questions, not 8",
    ),
    "verdict on an unknown severity": (
        lambda r: r["verdicts"][0].update({"when_any": ["danger"]}),
        "verdicts[0] (stop).when_any",
        "unknown severity 'danger'",
    ),
    "no verdict for good answers": (
        lambda r: r["verdicts"].pop(),
        "verdicts",
        "no verdict applies when every question is answered",
    ),
    "verdict with two conditions": (
        lambda r: r["verdicts"][0].update({"when_all": ["stop"]}),
        "verdicts[0] (stop)",
        "exactly one of when_any or when_all",
    ),
    "contact id misspelt": (
        lambda r: r["contacts"]["abroad"]["ids"].append("nat-4"),
        "contacts.abroad.ids[3]",
        "must be a contact id like NAT-01",
    ),
}


@pytest.mark.parametrize("case", BAD_DATA)
def test_malformed_entry_is_refused_naming_file_and_field(tmp_path, case):
    breaks, field, problem = BAD_DATA[case]
    raw = copy.deepcopy(yaml.safe_load(DATA.read_text(encoding="utf-8")))
    breaks(raw)
    with pytest.raises(BuildError) as err:
        load_from(tmp_path, raw)
    message = str(err.value)
    assert message.startswith("data/checklist.yml: ") and field in message and problem in message, message
    assert "\n" not in message


def test_bare_yes_and_no_keys_are_read_as_answers(tmp_path):
    """YAML reads `yes:` and `no:` as booleans; the loader turns them back into the answers."""
    text = DATA.read_text(encoding="utf-8")
    assert "answers: {yes: ok, no: stop, unsure: unsure}" in text
    checklist = load_checklist(write(tmp_path / "data" / "checklist.yml", text), tmp_path, LANGS)
    assert checklist.questions[0].answers == {"yes": "ok", "no": "stop", "unsure": "unsure"}


@pytest.fixture
def project(tmp_path):
    """The small fixture project with the real checklist and contacts data and a page using the marker."""
    root = make_project(tmp_path)
    for name in ("checklist.yml", "contacts.yml"):
        shutil.copy2(ROOT / "data" / name, root / "data" / name)
    write(
        root / "content/id/cek.md",
        "---\ntitle: Cek\ndescription: d\nreviewed: 2026-01-01\n"
        "template: checklist.html\nsources:\n  - {title: s, url: 'https://example.go.id/'}\n---\n"
        "# Cek\n\n<!-- jr:checklist explanations=penjelasan.md -->\n",
    )
    # The explanations page lists every question's sources (the build checks).
    checklist = load_checklist(root / "data/checklist.yml", root, LANGS)
    urls = sorted({s.url for q in checklist.questions for s in q.sources})
    write(
        root / "content/id/penjelasan.md",
        "---\ntitle: Penjelasan\ndescription: d\nreviewed: 2026-01-01\nsources:\n"
        + "".join(f"  - {{title: s, url: '{url}'}}\n" for url in urls)
        + "---\n# Penjelasan\n\n<!-- jr:checklist-explanations -->\n",
    )
    nav = root / "data/nav.yml"
    nav.write_text(nav.read_text(encoding="utf-8") + "  - cek.md\n  - penjelasan.md\n", encoding="utf-8")
    return root


def break_data(root: Path, old: str, new: str) -> None:
    path = root / "data/checklist.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BAD_BUILDS = {
    "malformed YAML": (
        lambda r: break_data(
            r, "answers: {yes: ok, no: stop, unsure: unsure}", "answers: {yes: ok, no: stop, unsure: unsure"
        ),
        "data/checklist.yml: line",
        "malformed YAML",
    ),
    "missing translation": (
        lambda r: break_data(r, 'en: "Is the company a P3MI', 'fr: "Is the company a P3MI'),
        "data/checklist.yml: groups[0].questions[0] (licensed).text.en:",
        "is missing or empty",
    ),
    "unknown contact": (
        lambda r: break_data(r, "ids: [NAT-04, NAT-05, NAT-02]", "ids: [NAT-04, NAT-99]"),
        "data/checklist.yml: contacts.abroad.ids[1]:",
        "no contact 'NAT-99'",
    ),
    "unpublished contact": (
        lambda r: break_data(r, "ids: [NAT-04, NAT-05, NAT-02]", "ids: [NAT-04, NAT-09]"),
        "data/checklist.yml: contacts.abroad.ids[1]:",
        "has nothing publishable",
    ),
    "marker with another argument": (
        lambda r: replace_in(r / "content/id/cek.md", "explanations=penjelasan.md", "x=1"),
        "content/id/cek.md: line 11: jr:checklist:",
        "takes explanations=<the page with jr:checklist-explanations>",
    ),
    "explanations page missing": (
        lambda r: replace_in(r / "content/id/cek.md", "explanations=penjelasan.md", "explanations=tidak-ada.md"),
        "content/id/cek.md: line 11: jr:checklist explanations:",
        "no such page: 'tidak-ada.md'",
    ),
    "explanations page without its marker": (
        lambda r: replace_in(r / "content/id/penjelasan.md", "<!-- jr:checklist-explanations -->", "Kosong."),
        "content/id/cek.md: line 11: jr:checklist explanations:",
        "penjelasan.md has no <!-- jr:checklist-explanations --> marker",
    ),
    "a question's source not on the explanations page": (
        lambda r: break_data(
            r,
            '          - title: "Jabarnews: perusahaan resmi wajib punya SIP3MI"',
            '          - {title: "Baru", url: "https://new.example/x"}\n'
            '          - title: "Jabarnews: perusahaan resmi wajib punya SIP3MI"',
        ),
        "jr:checklist-explanations:",
        "the source https://new.example/x of question",
    ),
}


@pytest.mark.parametrize("case", BAD_BUILDS)
def test_malformed_entry_stops_the_build_with_one_line(project, case):
    breaks, where, problem = BAD_BUILDS[case]
    breaks(project)
    with pytest.raises(BuildError) as err:
        build(root=project, site_url="https://jalur-resmi.example/")
    message = str(err.value)
    assert where in message and problem in message, message
    assert "\n" not in message
    assert not (project / "site").exists()


# --- The built page ----------------------------------------------------------------------------------


class Inputs(HTMLParser):
    """The checklist's radio buttons and data attributes, as written in the HTML."""

    def __init__(self):
        super().__init__()
        self.radios, self.rule, self.share, self.handlers, self.fieldsets = {}, None, None, [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.handlers += [name for name in attrs if name.startswith("on")]
        if tag == "input" and "data-severity" in attrs:
            self.radios[(attrs["name"][3:], attrs["value"])] = attrs["data-severity"]
        if tag == "form" and attrs.get("id") == "jr-checklist":
            self.rule = json.loads(attrs["data-rule"])
        if tag == "a" and "jr-share" in attrs.get("class", ""):
            self.share = attrs["href"]
        if tag == "fieldset" and "data-q" in attrs:
            self.fieldsets += 1


@pytest.mark.parametrize("lang", LANGS)
def test_built_page_carries_the_severities_and_rule_of_the_data(real_site, checklist, lang):
    html = (real_site.site_dir / lang / "cek-perekrut/index.html").read_text(encoding="utf-8")
    parsed = Inputs()
    parsed.feed(html)
    assert parsed.fieldsets == len(checklist.questions)
    assert parsed.radios == {(q.id, a): q.answers[a] for q in checklist.questions for a in ANSWERS}
    assert parsed.rule == checklist.rule()
    assert parsed.handlers == []  # no inline event handlers
    assert "checklist.js" in html and "checklist.css" in html
    other = (real_site.site_dir / lang / "berangkat-resmi/index.html").read_text(encoding="utf-8")
    assert "checklist.js" not in other and "checklist.css" not in other  # only on this page
    for verdict in checklist.verdicts:
        assert verdict.title[lang] in html


@pytest.mark.parametrize("lang", LANGS)
def test_share_link_is_a_whatsapp_message_with_the_public_page_link_only(real_site, lang):
    html = (real_site.site_dir / lang / "cek-perekrut/index.html").read_text(encoding="utf-8")
    parsed = Inputs()
    parsed.feed(html)
    assert parsed.share.startswith("https://wa.me/?text=")
    message = unquote(parsed.share.removeprefix("https://wa.me/?text="))
    # The address of this build (--site-url), not mkdocs.yml's: the message links where the reader was.
    url = f"{real_site.base}{lang}/cek-perekrut/"
    assert message.endswith(" " + url)
    assert len(message) < 200 and "?" in message  # a short prompt, then the link; no answers


@pytest.mark.parametrize("lang", LANGS)
def test_every_question_source_is_listed_on_the_explanations_page(checklist, lang):
    path = ROOT / "content" / lang / "cek-perekrut" / "index.md"
    page = frontmatter.split(path.read_text(encoding="utf-8"), str(path))
    assert frontmatter.validate(page.meta, str(path))["template"] == "checklist.html"
    assert "<!-- jr:checklist explanations=cek-perekrut/penjelasan.md -->" in page.body
    path = ROOT / "content" / lang / "cek-perekrut" / "penjelasan.md"
    page = frontmatter.split(path.read_text(encoding="utf-8"), str(path))
    listed = {s["url"] for s in frontmatter.validate(page.meta, str(path))["sources"]}
    assert {s.url for q in checklist.questions for s in q.sources} <= listed
    assert "<!-- jr:checklist-explanations -->" in page.body


@pytest.mark.parametrize("lang", LANGS)
def test_each_question_links_to_why_it_matters_and_its_numbered_sources(real_site, checklist, lang):
    form = (real_site.site_dir / lang / "cek-perekrut" / "index.html").read_text(encoding="utf-8")
    page = (real_site.site_dir / lang / "cek-perekrut" / "penjelasan" / "index.html").read_text(encoding="utf-8")
    sources = dict(re.findall(r'<li id="jr-source-(\d+)"><a href="([^"]+)"', page))
    for q in checklist.questions:
        assert f'href="penjelasan/#jr-q-{q.id}"' in form
        words = unescape(re.sub(r"<[^>]+>", "", form))  # the glossary wraps abbreviations in <abbr>
        assert q.if_bad[lang] in words and q.why[lang] not in words  # what to do here, why over there
        section = page[page.index(f'id="jr-q-{q.id}"') :]
        section = section[: section.find("<h3", 1)]
        said = unescape(re.sub(r"<[^>]+>", "", section))
        assert q.why[lang] in said and q.if_bad[lang] in said and q.find_out[lang] in said
        numbers = re.findall(r'<a href="#jr-source-(\d+)">\[\d+\]</a>', section)
        assert [unescape(sources[n]) for n in numbers] == [s.url for s in q.sources]
    # The printed form names the explanations page's address.
    printed = re.search(r'<p class="jr-print-url">[^<]*</p>', form)
    assert printed and f"/{lang}/cek-perekrut/penjelasan/</p>" in printed.group(0)


# --- The script --------------------------------------------------------------------------------------


def test_script_is_small_and_framework_free():
    text = SCRIPT.read_text(encoding="utf-8")
    assert len(gzip.compress(text.encode("utf-8"), 9)) <= 5 * 1024
    assert "import " not in text and "require(" not in text


def test_script_sends_nothing_and_stores_only_when_asked():
    text = SCRIPT.read_text(encoding="utf-8")
    for forbidden in (
        "fetch(",
        "XMLHttpRequest",
        "sendBeacon",
        "WebSocket",
        "document.cookie",
        "sessionStorage",
        "location.hash",
        "location.search",
        "history.",
        "http:",
        "https:",
        "innerHTML",
        "eval(",
    ):
        assert forbidden not in text, forbidden
    # localStorage is written in one place only, right after the "remember" check.
    assert text.count("localStorage.setItem") == 1
    assert re.search(r"if \(!remember\.checked\) \{ localStorage\.removeItem\(KEY\); return; \}", text)
