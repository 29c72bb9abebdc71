"""data/checklist.yml: the recruiter checklist at cek-perekrut/ ("is this recruiter legal?").

The verdict rule lives in the data: every answer of every question has a severity, and the ordered
`verdicts` say which severities lead to which result. `verdict()` below applies that rule for the tests
and for nothing else; the page's script (overrides/assets/javascripts/checklist.js) applies the same
rule to the same data, rendered into the page by jalur/content/render_checklist.py (`data-severity` on
each answer, `data-rule` on the form).
The browser tests check that both agree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from urllib.parse import urlparse

from jalur.core.errors import BuildError, relpath
from jalur.core.yamlfile import load_yaml, require_bilingual, require_known_fields, require_text

ANSWERS = ("yes", "no", "unsure")
SEVERITIES = ("stop", "warning", "unsure", "ok")  # the CSS knows these; the data gives their meaning
BAD = ("stop", "warning")  # what the bad answer of a question may be
MIN_QUESTIONS, MAX_QUESTIONS = 12, 16
_ID = re.compile(r"^[a-z][a-z0-9-]*$")
_CONTACT_ID = re.compile(r"^[A-Z0-9]+(-[A-Z0-9]+)*$")
_QUESTION_KEYS = {"id", "text", "why", "if_bad", "find_out", "answers", "sources"}


@dataclass(frozen=True)
class Severity:
    id: str
    label: dict[str, str]
    describe: dict[str, str]  # how the rule in words names answers of this severity
    badge: bool  # answers with this severity carry the label as a mark in the form


@dataclass(frozen=True)
class Verdict:
    id: str
    title: dict[str, str]
    summary: dict[str, str]
    when_any: tuple[str, ...]  # applies if at least one answer has one of these severities
    when_all: tuple[str, ...]  # applies if every question is answered, all with these severities

    def applies(self, severities: list[str], complete: bool) -> bool:
        if self.when_any:
            return any(s in self.when_any for s in severities)
        return complete and all(s in self.when_all for s in severities)


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Question:
    id: str
    group: str
    text: dict[str, str]
    why: dict[str, str]
    if_bad: dict[str, str]  # what to do after the bad answer
    find_out: dict[str, str]  # how to find out, after "not sure"
    answers: dict[str, str]  # answer -> severity
    sources: tuple[Source, ...]

    @property
    def bad_answer(self) -> str:
        return "yes" if self.answers["yes"] != "ok" else "no"

    @property
    def severity(self) -> str:
        """The severity of the bad answer: stop or warning."""
        return self.answers[self.bad_answer]


@dataclass(frozen=True)
class Group:
    id: str
    title: dict[str, str]
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Situation:
    id: str
    title: dict[str, str]
    contact_ids: tuple[str, ...]


@dataclass(frozen=True)
class Checklist:
    rel: str  # the data file, for error messages
    severities: dict[str, Severity]
    verdicts: tuple[Verdict, ...]
    situations: tuple[Situation, ...]
    groups: tuple[Group, ...]

    @property
    def questions(self) -> list[Question]:
        return [q for g in self.groups for q in g.questions]

    def rule(self) -> list[dict]:
        """The verdict rule as the page's script reads it (the form's data-rule attribute)."""
        return [
            {"id": v.id, "any": list(v.when_any)} if v.when_any else {"id": v.id, "all": list(v.when_all)}
            for v in self.verdicts
        ]

    def _check_answers(self, answers: Mapping[str, str]) -> dict[str, Question]:
        questions = {q.id: q for q in self.questions}
        for qid, answer in answers.items():
            if qid not in questions:
                raise ValueError(f"no question {qid!r}")
            if answer not in ANSWERS:
                raise ValueError(f"{qid}: {answer!r} is not one of {', '.join(ANSWERS)}")
        return questions

    def verdict(self, answers: Mapping[str, str]) -> str | None:
        """The result for {question id: "yes" | "no" | "unsure"} (unanswered questions left out):
        the id of the first verdict that applies, or None while no verdict applies yet."""
        questions = self._check_answers(answers)
        severities = [questions[qid].answers[a] for qid, a in answers.items()]
        complete = len(answers) == len(questions)
        return next((v.id for v in self.verdicts if v.applies(severities, complete)), None)

    def problems(self, answers: Mapping[str, str]) -> list[tuple[Question, str]]:
        """The answers that are not ok, most severe first (STOP, then WARNING, then "find out first"; in
        question order within each): (question, answer). The page lists what to do in this order."""
        self._check_answers(answers)
        rank = {sid: i for i, sid in enumerate(self.severities)}
        found = [(q, answers[q.id]) for q in self.questions if q.id in answers and q.answers[answers[q.id]] != "ok"]
        return sorted(found, key=lambda item: rank[item[0].answers[item[1]]])


# --------------------------------------------------------------------------------------------------
# Loading and checking


def _mapping(value, rel: str, field: str) -> dict:
    if not isinstance(value, dict):
        raise BuildError(rel, field, "must be a mapping")
    return value


def _list(value, rel: str, field: str) -> list:
    if not isinstance(value, list) or not value:
        raise BuildError(rel, field, "must be a non-empty list")
    return value


def _id(value, rel: str, field: str, seen: set[str]) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise BuildError(rel, field, f"must be lowercase letters, digits and hyphens, not {value!r}")
    if value in seen:
        raise BuildError(rel, field, f"duplicate id {value!r}")
    seen.add(value)
    return value


def _severities(raw, rel: str, langs: list[str]) -> dict[str, Severity]:
    raw = _mapping(raw, rel, "severities")
    if set(raw) != set(SEVERITIES):
        raise BuildError(
            rel,
            "severities",
            f"must define exactly {', '.join(SEVERITIES)} (found {', '.join(map(str, raw)) or 'none'})",
        )
    out = {}
    for sid in SEVERITIES:
        item = _mapping(raw[sid], rel, f"severities.{sid}")
        badge = item.get("badge", False)
        if not isinstance(badge, bool):
            raise BuildError(rel, f"severities.{sid}.badge", "must be true or false")
        out[sid] = Severity(
            id=sid,
            label=require_bilingual(item.get("label"), rel, f"severities.{sid}.label", langs),
            describe=require_bilingual(item.get("describe"), rel, f"severities.{sid}.describe", langs),
            badge=badge,
        )
    return out


def _severity_list(value, rel: str, field: str) -> tuple[str, ...]:
    items = _list(value, rel, field)
    for item in items:
        if item not in SEVERITIES:
            raise BuildError(rel, field, f"unknown severity {item!r} (known: {', '.join(SEVERITIES)})")
    return tuple(items)


def _verdicts(raw, rel: str, langs: list[str]) -> tuple[Verdict, ...]:
    seen: set[str] = set()
    out = []
    for i, item in enumerate(_list(raw, rel, "verdicts")):
        item = _mapping(item, rel, f"verdicts[{i}]")
        vid = _id(item.get("id"), rel, f"verdicts[{i}].id", seen)
        field = f"verdicts[{i}] ({vid})"
        has_any, has_all = "when_any" in item, "when_all" in item
        if has_any == has_all:
            raise BuildError(rel, field, "needs exactly one of when_any or when_all")
        out.append(
            Verdict(
                id=vid,
                title=require_bilingual(item.get("title"), rel, f"{field}.title", langs),
                summary=require_bilingual(item.get("summary"), rel, f"{field}.summary", langs),
                when_any=_severity_list(item["when_any"], rel, f"{field}.when_any") if has_any else (),
                when_all=_severity_list(item["when_all"], rel, f"{field}.when_all") if has_all else (),
            )
        )
    # Every complete set of answers must get a verdict, whatever mix of severities it holds.
    for size in range(1, len(SEVERITIES) + 1):
        for mix in combinations(SEVERITIES, size):
            if not any(v.applies(list(mix), complete=True) for v in out):
                raise BuildError(
                    rel,
                    "verdicts",
                    f"no verdict applies when every question is answered and the answers are marked {' + '.join(mix)}",
                )
    return tuple(out)


def _situations(raw, rel: str, langs: list[str]) -> tuple[Situation, ...]:
    raw = _mapping(raw, rel, "contacts")
    if not raw:
        raise BuildError(rel, "contacts", "must name at least one situation")
    seen: set[str] = set()
    out = []
    for key, item in raw.items():
        sid = _id(key, rel, f"contacts.{key}", seen)
        item = _mapping(item, rel, f"contacts.{sid}")
        ids = _list(item.get("ids"), rel, f"contacts.{sid}.ids")
        for j, cid in enumerate(ids):
            if not isinstance(cid, str) or not _CONTACT_ID.match(cid):
                raise BuildError(rel, f"contacts.{sid}.ids[{j}]", f"must be a contact id like NAT-01, not {cid!r}")
        out.append(
            Situation(
                id=sid,
                title=require_bilingual(item.get("title"), rel, f"contacts.{sid}.title", langs),
                contact_ids=tuple(ids),
            )
        )
    return tuple(out)


def _answers(raw, rel: str, field: str) -> dict[str, str]:
    raw = _mapping(raw, rel, field)
    # YAML 1.1 reads bare yes/no as booleans: turn them back into the answers they name.
    answers = {({True: "yes", False: "no"}.get(k, k) if isinstance(k, bool) else k): v for k, v in raw.items()}
    if set(answers) != set(ANSWERS):
        raise BuildError(
            rel,
            field,
            f"must give the severity of exactly yes, no and unsure (found {', '.join(map(str, answers)) or 'none'})",
        )
    for answer, severity in answers.items():
        if severity not in SEVERITIES:
            raise BuildError(
                rel, f"{field}.{answer}", f"unknown severity {severity!r} (known: {', '.join(SEVERITIES)})"
            )
    yes, no = answers["yes"], answers["no"]
    if sorted([yes == "ok", no == "ok"]) != [False, True]:
        raise BuildError(rel, field, f"exactly one of yes and no must be ok (yes: {yes}, no: {no})")
    bad = yes if no == "ok" else no
    if bad not in BAD:
        raise BuildError(rel, field, f"the bad answer must be {' or '.join(BAD)}, not {bad!r}")
    if answers["unsure"] == "ok":
        raise BuildError(rel, f"{field}.unsure", '"not sure" cannot be ok')
    return {a: answers[a] for a in ANSWERS}


def _sources(raw, rel: str, field: str) -> tuple[Source, ...]:
    out = []
    for i, item in enumerate(_list(raw, rel, field)):
        item = _mapping(item, rel, f"{field}[{i}]")
        title = require_text(item.get("title"), rel, f"{field}[{i}].title")
        url = require_text(item.get("url"), rel, f"{field}[{i}].url")
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise BuildError(rel, f"{field}[{i}].url", f"is not a web address: {url!r}")
        out.append(Source(title=title, url=url))
    return tuple(out)


def _question(item, rel: str, field: str, group: str, langs: list[str], seen: set[str]) -> Question:
    item = _mapping(item, rel, field)
    qid = _id(item.get("id"), rel, f"{field}.id", seen)
    field = f"{field} ({qid})"
    require_known_fields(item, _QUESTION_KEYS, rel, field)
    return Question(
        id=qid,
        group=group,
        text=require_bilingual(item.get("text"), rel, f"{field}.text", langs),
        why=require_bilingual(item.get("why"), rel, f"{field}.why", langs),
        if_bad=require_bilingual(item.get("if_bad"), rel, f"{field}.if_bad", langs),
        find_out=require_bilingual(item.get("find_out"), rel, f"{field}.find_out", langs),
        answers=_answers(item.get("answers"), rel, f"{field}.answers"),
        sources=_sources(item.get("sources"), rel, f"{field}.sources"),
    )


def load_checklist(path: Path, root: Path, langs: list[str]) -> Checklist:
    rel = relpath(path, root)
    raw = _mapping(load_yaml(path, root), rel, "(top level)")
    unknown = set(raw) - {"severities", "verdicts", "contacts", "groups"}
    if unknown:
        raise BuildError(
            rel,
            ", ".join(sorted(map(str, unknown))),
            "unknown top-level key (known: severities, verdicts, contacts, groups)",
        )
    severities = _severities(raw.get("severities"), rel, langs)
    verdicts = _verdicts(raw.get("verdicts"), rel, langs)
    situations = _situations(raw.get("contacts"), rel, langs)
    group_ids: set[str] = set()
    question_ids: set[str] = set()
    groups = []
    for i, item in enumerate(_list(raw.get("groups"), rel, "groups")):
        item = _mapping(item, rel, f"groups[{i}]")
        gid = _id(item.get("id"), rel, f"groups[{i}].id", group_ids)
        field = f"groups[{i}] ({gid})"
        questions = tuple(
            _question(q, rel, f"groups[{i}].questions[{j}]", gid, langs, question_ids)
            for j, q in enumerate(_list(item.get("questions"), rel, f"{field}.questions"))
        )
        groups.append(
            Group(id=gid, title=require_bilingual(item.get("title"), rel, f"{field}.title", langs), questions=questions)
        )
    if not MIN_QUESTIONS <= len(question_ids) <= MAX_QUESTIONS:
        raise BuildError(
            rel,
            "groups",
            f"the checklist must have {MIN_QUESTIONS} to {MAX_QUESTIONS} questions, not {len(question_ids)}",
        )
    return Checklist(rel=rel, severities=severities, verdicts=verdicts, situations=situations, groups=tuple(groups))
