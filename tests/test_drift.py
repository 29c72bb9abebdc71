"""The drift command, on a throw-away git repository with real commits."""

from __future__ import annotations

import os
import subprocess

from jalur.core.project import Project
from jalur.devtools import drift as drift_mod
from tests.helpers import make_project, write

PAGE = "---\ntitle: t\ndescription: d\nreviewed: 2026-01-01\nsources:\n  - {title: s, url: 'https://example.go.id/'}\n---\n"


def git(root, *args, when=None):
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def test_missing_outdated_and_orphaned(tmp_path):
    root = make_project(tmp_path)
    write(root / "content/id/baru.md", PAGE + "# Baru\n")  # no English: missing
    write(root / "content/en/bagian/index.md", PAGE + "# Section\n")  # English exists...
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "first", when="2026-01-01T10:00:00")
    write(root / "content/id/bagian/index.md", PAGE + "# Bagian, diubah\n")  # ...but Indonesian changed later
    git(root, "commit", "-qam", "change the source", when="2026-02-01T10:00:00")
    write(root / "content/en/lama.md", PAGE + "# Old\n")  # English with no source: orphaned
    git(root, "add", "-A")
    git(root, "commit", "-qm", "orphan", when="2026-03-01T10:00:00")

    [report] = drift_mod.drift(Project(root))
    assert report.lang == "en"
    assert report.missing == ["baru.md"]
    assert report.outdated == ["bagian/index.md"]
    assert report.orphaned == ["lama.md"]

    # Translating the outdated page (a newer commit) clears it.
    write(root / "content/en/bagian/index.md", PAGE + "# Section, updated\n")
    git(root, "commit", "-qam", "translate", when="2026-04-01T10:00:00")
    [report] = drift_mod.drift(Project(root))
    assert report.outdated == []


def test_uncommitted_source_change_counts_as_outdated(tmp_path):
    root = make_project(tmp_path)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "first", when="2026-01-01T10:00:00")
    assert drift_mod.drift(Project(root))[0].outdated == []
    write(root / "content/id/index.md", (root / "content/id/index.md").read_text() + "\nTambahan.\n")
    assert drift_mod.drift(Project(root))[0].outdated == ["index.md"]


def test_command_prints_the_report_and_check_fails_on_drift(tmp_path, monkeypatch, capsys):
    root = make_project(tmp_path)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "first")
    monkeypatch.setattr(drift_mod, "ROOT", root)
    assert drift_mod.main([]) == 0
    out = capsys.readouterr().out
    assert "missing: 1" in out and "bagian/index.md" in out
    assert drift_mod.main(["--check"]) == 1
