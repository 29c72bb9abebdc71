import datetime as dt

import pytest

from jalur.core.errors import BuildError
from jalur.models import frontmatter

GOOD = """---
title: Judul
description: Deskripsi singkat.
reviewed: 2026-03-17
sources:
  - title: Sumber
    url: https://example.go.id/
---

# Judul
"""


def test_parses_and_validates_a_good_page():
    page = frontmatter.split(GOOD, "content/id/a.md")
    meta = frontmatter.validate(page.meta, "content/id/a.md")
    assert meta["reviewed"] == dt.date(2026, 3, 17)
    assert page.body.strip() == "# Judul"


@pytest.mark.parametrize("field", ["title", "description", "reviewed", "sources"])
def test_missing_field_names_file_and_field(field):
    text = "\n".join(line for line in GOOD.splitlines() if not line.startswith(field))
    if field == "sources":
        text = text.replace("  - title: Sumber\n    url: https://example.go.id/\n", "")
    page = frontmatter.split(text + "\n", "content/id/a.md")
    with pytest.raises(BuildError) as err:
        frontmatter.validate(page.meta, "content/id/a.md")
    assert str(err.value).startswith(f"content/id/a.md: {field}")


@pytest.mark.parametrize(
    "old,new,field",
    [
        ("title: Judul", "title: '  '", "title"),
        ("reviewed: 2026-03-17", "reviewed: 17-03-2026", "reviewed"),
        ("url: https://example.go.id/", "url: example.go.id", "sources[0].url"),
        ("  - title: Sumber\n", "  - title: ''\n", "sources[0].title"),
    ],
)
def test_bad_values_name_the_field(old, new, field):
    page = frontmatter.split(GOOD.replace(old, new), "x.md")
    with pytest.raises(BuildError) as err:
        frontmatter.validate(page.meta, "x.md")
    assert str(err.value).startswith(f"x.md: {field}:")


def test_malformed_yaml_and_missing_block():
    with pytest.raises(BuildError, match=r"x.md: front matter: malformed YAML \(line \d+\)"):
        frontmatter.split(GOOD.replace("title: Judul", "title: [Judul"), "x.md")
    with pytest.raises(BuildError, match="x.md: front matter: missing"):
        frontmatter.split("# Judul\n", "x.md")
