"""How current a contact is, said honestly: the month of its newest source on its card and in the
downloads, "compared with its sources" for the desk check (never "checked", which reads as a call),
and a caution on a card whose newest source is old."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from jalur.content.contact_cards import contact_cards
from jalur.core import i18n
from jalur.core.project import ROOT
from jalur.models.contact_choice import contacts_shown
from jalur.models.contact_freshness import old_sources, source_is_old
from jalur.models.contacts import load_contacts, source_period_end

FIXTURE = load_contacts(Path(__file__).parent / "fixtures/contacts/data/contacts.yml", ROOT, ["id", "en"])
BY_ID = {c.id: c for c in FIXTURE}


def test_a_source_date_means_the_end_of_its_period():
    assert source_period_end("2024") == dt.date(2024, 12, 31)
    assert source_period_end("2024-02") == dt.date(2024, 2, 29)
    assert source_period_end("2023-12") == dt.date(2023, 12, 31)
    assert source_period_end("2024-08-17") == dt.date(2024, 8, 17)


def test_the_newest_source_is_taken_from_what_is_shown():
    # NAT-01 shows its toll-free line (2025-04-10) and, on the web only, a single-source phone whose
    # source says "2025-04" (which may mean as late as 30 April); its hidden channels' sources do not count.
    nat01 = BY_ID["NAT-01"]
    assert nat01.newest_source("web") == "2025-04"
    assert nat01.newest_source("print") == "2025-04-10"
    assert all(source_is_old(c, dt.date(2040, 1, 1)) for c in FIXTURE if c.listed("web"))
    assert not source_is_old(nat01, dt.date(2026, 12, 1))
    assert not source_is_old(nat01, dt.date(2027, 4, 30))
    assert source_is_old(nat01, dt.date(2027, 5, 1))  # more than 24 months after 30 April 2025
    assert [c.id for c in old_sources(FIXTURE, dt.date(2026, 12, 1))] == [
        c.id for c in contacts_shown(FIXTURE, "web", "en").contacts if source_is_old(c, dt.date(2026, 12, 1))
    ]


@pytest.fixture(scope="module")
def envs(tmp_path_factory):
    return i18n.environments(ROOT / "templates", ROOT / "locales", ["id", "en"], tmp_path_factory.mktemp("l"), ROOT)


def test_a_card_gives_the_month_of_its_newest_source_and_says_compared_not_checked(envs):
    shown = contacts_shown(FIXTURE, "web", "id", ids=["NAT-01"])
    html = contact_cards(envs["id"], "id", shown, today=dt.date(2026, 12, 1))
    assert 'Sumber terbaru: <time datetime="2025-04">April 2025</time>' in html
    assert 'Dicocokkan dengan sumbernya: <time datetime="2026-11-22">22 November 2026</time>' in html
    assert "dicek:" not in html.lower() and "sudah lebih dari" not in html
    english = contact_cards(envs["en"], "en", contacts_shown(FIXTURE, "web", "en", ids=["NAT-01"]))
    assert 'Newest source: <time datetime="2025-04">April 2025</time>' in english
    assert "Compared with its sources:" in english and "checked:" not in english.lower()


def test_a_card_whose_newest_source_is_old_says_so_on_the_web_only(envs):
    later = dt.date(2027, 6, 1)
    web = contact_cards(envs["id"], "id", contacts_shown(FIXTURE, "web", "id", ids=["NAT-01"]), today=later)
    assert "sumber terbaru untuk kontak ini sudah lebih dari 24 bulan" in web
    paper = contact_cards(envs["id"], "id", contacts_shown(FIXTURE, "print", "id", ids=["NAT-01"]), today=later)
    assert "sudah lebih dari" not in paper


def test_the_downloads_carry_the_newest_source_and_say_what_checked_means(mini_site):
    data = json.loads((mini_site.site_dir / "id/kontak/unduh/kontak.json").read_text(encoding="utf-8"))
    assert [c["newest_source"] for c in data["contacts"]] == ["2025-04-10"]
    assert "not called" in data["dates"]
    csv = (mini_site.site_dir / "id/kontak/unduh/kontak.csv").read_text(encoding="utf-8")
    assert csv.splitlines()[0].split(",")[:5] == ["id", "kind", "confidence", "checked", "newest_source"]
    assert ",2026-11-22,2025-04-10," in csv
