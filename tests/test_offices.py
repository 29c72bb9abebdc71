"""data/offices/ and data/regencies.yml (jalur/models/offices.py): the schema, one error per problem
naming the file and the field, and the publication rule for offices. The offices here are fixtures
(tests/fixtures/offices/): made-up offices whose numbers are valid in form and never leave the tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from jalur.core.errors import BuildError
from jalur.core.project import ROOT, Project
from jalur.models.offices import by_province, load_offices, load_regencies
from jalur.models.sitedata import SiteData
from tests.helpers import write

LANGS = ["id", "en"]
FIXTURES = Path(__file__).parent / "fixtures" / "offices"
TODAY = dt.date(2026, 12, 1)
REGENCIES = load_regencies(ROOT / "data/regencies.yml", ROOT)


def fixture(name: str) -> dict:
    return yaml.safe_load((FIXTURES / f"{name}.yml").read_text(encoding="utf-8"))


def load_one(tmp_path: Path, raw: dict, name: str | None = None):
    path = write(tmp_path / "offices" / f"{name or raw.get('id')}.yml", yaml.safe_dump(raw, allow_unicode=True))
    return load_offices(path.parent, tmp_path, LANGS, REGENCIES, TODAY)


def test_the_real_data_has_no_office_yet_and_its_places_load():
    """No office in the fact base meets the publication rule: data/offices/ ships empty."""
    data = SiteData(Project(ROOT))
    assert data.offices == []
    assert not list((ROOT / "data/offices").glob("*.yml"))
    assert REGENCIES.province_of["Kabupaten Ponorogo"] == "Jawa Timur"
    assert REGENCIES.province_of["Kabupaten Tojo Una-Una"] == "Sulawesi Tengah"
    assert REGENCIES.province_of["Kabupaten Ogan Ilir"] == "Sumatera Selatan"


def test_fixture_offices_load_and_follow_the_publication_rule():
    offices = {o.id: o for o in load_offices(FIXTURES, ROOT, LANGS, REGENCIES, TODAY)}
    assert list(offices) == ["bp3mi-uji", "disnaker-uji", "kanim-uji"]
    own = offices["kanim-uji"]
    # Confirmed by the office itself (a named role, with a date): the entry and every channel count.
    assert own.on_paper() and own.confirmed_by and own.confirmed_by.date == dt.date(2026, 11, 30)
    assert own.checked == own.confirmed_by.date
    assert [c.type for c in own.channels_on_paper()] == ["phone", "whatsapp", "address"]
    assert own.channels[0].e164 == "+622155501234"
    assert own.whatsapp_group and own.whatsapp_group.url.startswith("https://chat.whatsapp.com/")
    assert own.desa_binaan == ("Desa Uji Satu", "Desa Uji Dua")
    # Confirmed by two sources: only its confirmed channels go on paper.
    sourced = offices["bp3mi-uji"]
    assert sourced.on_paper() and [c.value for c in sourced.channels_on_paper()] == ["+62 21 5550 9876"]
    # One source only: no edition, nothing printed.
    single = offices["disnaker-uji"]
    assert not single.on_paper() and single.channels_on_paper() == []
    assert {p: [o.id for o in os] for p, os in by_province(list(offices.values())).items()} == {
        "Jawa Timur": ["kanim-uji"],
        "Sulawesi Tengah": ["bp3mi-uji"],
    }


def confirmed(**change) -> dict:
    return {**fixture("kanim-uji"), **change}


def sourced(**change) -> dict:
    return {**fixture("bp3mi-uji"), **change}


def channel(raw: dict, i: int, **change) -> dict:
    channels = [dict(c) for c in raw["channels"]]
    channels[i] = {**channels[i], **change}
    return {**raw, "channels": channels}


@pytest.mark.parametrize(
    "raw,field,problem",
    [
        (confirmed(id="Kanim Uji"), "id", "lowercase letters"),
        (confirmed(kind="embassy"), "kind", "must be one of immigration, bp3mi, disnaker, ltsa"),
        (confirmed(name={"id": "Kanim"}), "name.en", "missing or empty"),
        (confirmed(province="Jatim"), "province", "unknown province"),
        (confirmed(regencies=[]), "regencies", "at least one"),
        (confirmed(regencies=["Kabupaten Atlantis"]), "regencies[0]", "not in data/regencies.yml"),
        (
            confirmed(regencies=["Kabupaten Ponorogo", "Kabupaten Ponorogo"]),
            "regencies",
            "twice",
        ),
        (confirmed(colour="red"), None, "unknown field colour"),
        (confirmed(confirmed_by={"who": "office"}), "confirmed_by", "must be {who: office"),
        (confirmed(confirmed_by={"who": "office", "date": "soon"}), "confirmed_by.date", "YYYY-MM-DD"),
        (
            confirmed(confirmed_by={"who": "office", "date": dt.date(2027, 1, 1)}),
            "confirmed_by.date",
            "in the future",
        ),
        (confirmed(confirmed_by={"who": {"id": "Kepala"}, "date": TODAY}), "confirmed_by.who.en", "missing"),
        (confirmed(confidence="single-source"), "confidence", "leave confidence out"),
        (channel(confirmed(), 0, e164="+62215550123"), "channels[0].value", "is not the same number"),
        (channel(confirmed(), 0, e164="+6221"), "channels[0].e164", "not a valid phone number"),
        (channel(confirmed(), 1, e164=None), "channels[1].e164", "E.164 number"),
        (channel(confirmed(), 0, type="fax"), "channels[0].type", "must be one of"),
        (channel(confirmed(), 0, type="shortcode", value="0812 0000 4321", e164=None), "channels[0].value", "short"),
        (channel(confirmed(), 2, type="email", value="kantor at uji"), "channels[2].value", "not an email"),
        (channel(confirmed(), 2, type="web", value="not a site"), "channels[2].value", "not a web address"),
        (
            confirmed(whatsapp_group={"url": "https://wa.me/6281200004321", "purpose": {"id": "a", "en": "b"}}),
            "whatsapp_group.url",
            "invitation link",
        ),
        (
            confirmed(whatsapp_group={"url": "https://chat.whatsapp.com/FIXTUREtestGROUP0001"}),
            "whatsapp_group",
            "must be {url",
        ),
        (sourced(confidence="probably"), "confidence", "must be one of"),
        (sourced(checked="2026-13-01"), "checked", "YYYY-MM-DD"),
        (sourced(sources=[]), "sources", "at least one source"),
        (sourced(sources=[{"url": "fixture.example/a", "date": None}]), "sources[0].url", "not a web address"),
        (channel(sourced(), 0, confidence=None), "channels[0].confidence", "must be one of"),
        (channel(sourced(), 0, sources=None), "channels[0].sources", "at least one source"),
        (
            sourced(
                whatsapp_group={
                    "url": "https://chat.whatsapp.com/FIXTUREtestGROUP0001",
                    "purpose": {"id": "a", "en": "b"},
                }
            ),
            "whatsapp_group.url",
            "needs confirmed_by",
        ),
    ],
)
def test_every_mistake_names_the_file_and_the_field(tmp_path, raw, field, problem):
    name = "kanim-uji" if raw.get("kind") != "bp3mi" else "bp3mi-uji"
    with pytest.raises(BuildError) as err:
        load_one(tmp_path, raw, name)
    assert err.value.file == f"offices/{name}.yml"
    assert err.value.field == field and problem in err.value.problem, str(err.value)
    assert "\n" not in str(err.value)


def test_the_id_is_the_file_name_and_offices_are_yml_files(tmp_path):
    with pytest.raises(BuildError, match=r"offices/other.yml: id: must be the file's name: 'other'"):
        load_one(tmp_path, fixture("kanim-uji"), "other")
    write(tmp_path / "offices2" / "kanim-uji.yaml", "id: kanim-uji\n")
    with pytest.raises(BuildError, match=r"kanim-uji.yaml: an office file ends in .yml"):
        load_offices(tmp_path / "offices2", tmp_path, LANGS, REGENCIES, TODAY)
    # Anything else in the folder (the README) is not an office.
    write(tmp_path / "offices3" / "README.md", "# Offices\n")
    assert load_offices(tmp_path / "offices3", tmp_path, LANGS, REGENCIES, TODAY) == []


@pytest.mark.parametrize(
    "text,field,problem",
    [
        ("regencies: []\n", "regencies", "non-empty list"),
        (
            "regencies:\n  - {province: Jatim, names: [Kota Malang], sources: [https://a.example/]}\n",
            "regencies[0].province",
            "unknown province",
        ),
        (
            "regencies:\n  - {province: Jawa Timur, names: [Malang], sources: [https://a.example/]}\n",
            "regencies[0].names[0]",
            "Kabupaten",
        ),
        (
            "regencies:\n  - {province: Jawa Timur, names: [Kota Malang, Kota Malang], sources: [https://a.example/]}\n",
            "regencies[0].names[1]",
            "listed twice",
        ),
        ("regencies:\n  - {province: Jawa Timur, names: [Kota Malang]}\n", "regencies[0].sources", "at least one page"),
    ],
)
def test_every_mistake_in_the_regencies_names_the_field(tmp_path, text, field, problem):
    path = write(tmp_path / "regencies.yml", text)
    with pytest.raises(BuildError) as err:
        load_regencies(path, tmp_path)
    assert err.value.field == field and problem in err.value.problem
