"""Issue 12's budget: a first visit of any page at most 75 KB gzip (measured as `make bench` does),
the checklist page included."""

from __future__ import annotations

import pytest

from jalur.devtools.benchmark import every_first_visit

BUDGET = 75_000


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_first_visit_stays_within_its_budget(real_site, lang):
    rows = every_first_visit(real_site.site_dir, lang)
    assert len(rows) >= 30
    over = [(page, size) for size, page in rows if size > BUDGET]
    assert over == []
