"""The handbook and the README say what the code does: every make target the README names exists,
every command of the command line has a make target in the README, every marker is documented."""

from __future__ import annotations

import re

from jalur.cli import COMMANDS
from jalur.content.markers import MARKERS
from jalur.core.project import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][a-z-]*):", MAKEFILE, re.M))


def test_every_make_target_the_readme_names_exists():
    named = set(re.findall(r"`make ([a-z][a-z-]*)", README))
    assert {"site", "test", "test-fast", "lint", "bench", "lighthouse", "tools"} <= named
    assert named - make_targets() == set()


def test_every_command_has_a_make_target_that_runs_it():
    for command in COMMANDS:
        assert f"-m jalur {command}" in MAKEFILE, command
    assert "python -m jalur" in README


def test_every_marker_is_documented_and_every_documented_marker_exists():
    documented = set(re.findall(r"<!-- jr:([a-z][a-z-]*)", (ROOT / "docs/content-conventions.md").read_text("utf-8")))
    assert documented == set(MARKERS)


def test_ci_installs_the_tools_and_runs_the_readme_test_command():
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert "make tools" in ci and ci.rstrip().endswith("make test")
