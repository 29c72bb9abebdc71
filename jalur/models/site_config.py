"""mkdocs.yml: the settings our own code reads from the shared base config (read once per build).

MkDocs reads the file itself for each language build (through the generated configs' INHERIT);
we read it for the site's name, its production address and our own keys under `extra:`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import get_yaml_loader

from jalur.core.errors import BuildError, relpath
from jalur.core.urls import site_root
from jalur.core.yamlfile import load_yaml


@dataclass(frozen=True)
class SiteConfig:
    site_name: str
    site_url: str  # as mkdocs.yml gives it (SITE_URL through its !ENV tag), with a slash
    quick_exit_url: str  # extra.quick_exit_url: where "Quick exit" goes


def load_site_config(path: Path, root: Path) -> SiteConfig:
    rel = relpath(path, root)
    # MkDocs' own loader: it knows the !ENV and !relative tags mkdocs.yml may use.
    raw: Any = load_yaml(path, root, loader=get_yaml_loader())
    if not isinstance(raw, dict):
        raise BuildError(rel, None, "must be a YAML mapping")
    name = raw.get("site_name")
    if not isinstance(name, str) or not name.strip():
        raise BuildError(rel, "site_name", "is missing or empty")
    url = raw.get("site_url")
    if not isinstance(url, str) or not url:
        raise BuildError(rel, "site_url", "is missing")
    extra = raw.get("extra") or {}
    if not isinstance(extra, dict):
        raise BuildError(rel, "extra", "must be a mapping")
    quick_exit = extra.get("quick_exit_url")
    if not isinstance(quick_exit, str) or not quick_exit.startswith("https://"):
        raise BuildError(rel, "extra.quick_exit_url", "must be an https:// address")
    return SiteConfig(site_name=name.strip(), site_url=site_root(url), quick_exit_url=quick_exit)


def build_site_url(override: str | None, config: Callable[[], SiteConfig]) -> tuple[str, str]:
    """The address this build is for, and where it came from (for messages): --site-url, else
    SITE_URL, else mkdocs.yml's site_url (`config` reads mkdocs.yml only when it is needed)."""
    if override:
        return site_root(override, "--site-url"), "--site-url"
    if os.environ.get("SITE_URL"):
        return site_root(os.environ["SITE_URL"], "SITE_URL"), "SITE_URL"
    return config().site_url, "mkdocs.yml"
