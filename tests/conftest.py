"""Shared fixtures: a built copy of a fixture project, a built copy of the real site, a local server,
and a real Chromium (Debian's, through Playwright). Browser tests skip without Chromium, except in CI.

Markers (`make test-fast` leaves both out): `browser` for every test that uses Chromium, `pdf` for
every test that makes PDFs (WeasyPrint), including every test of the real site, whose build makes them.
They are given here from the fixtures a test uses, so a new test cannot forget them."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import threading
from pathlib import Path

import pytest

from jalur.build import build
from jalur.core import yamlfile
from jalur.core.project import ROOT
from tests.helpers import make_project


def counted_build(**kwargs):
    """build(), with `reads`: how often it read each data file and content page (by path)."""
    before = yamlfile.READS.copy()
    result = build(**kwargs)
    result.reads = yamlfile.READS - before
    return result


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory):
    """The small fixture project, built once."""
    root = make_project(tmp_path_factory.mktemp("mini"))
    return counted_build(root=root, site_url="https://jalur-resmi.example/")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The real site from this repository, built once into a temporary folder and served on localhost.

    site_url is the local server's address, so absolute links and sitemaps point at the server."""
    tmp = tmp_path_factory.mktemp("real")
    port = free_port()
    result = counted_build(root=ROOT, site_dir=tmp / "site", work=tmp / "work", site_url=f"http://127.0.0.1:{port}/")
    server = serve(result.site_dir, port)
    result.port = port
    result.base = f"http://127.0.0.1:{port}/"
    yield result
    server.shutdown()


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory):
    """The real site built for an address with a sub-path (http://127.0.0.1:<port>/jr/) and served there,
    plus the same files served from another address and path (`copy_base`: <other port>/copy/), as a
    mirror or a preview would serve them."""
    tmp = tmp_path_factory.mktemp("subpath")
    port, other = free_port(), free_port()
    site_url = f"http://127.0.0.1:{port}/jr/"
    result = build(root=ROOT, site_dir=tmp / "root" / "jr", work=tmp / "work", site_url=site_url)
    (tmp / "other").mkdir()
    (tmp / "other" / "copy").symlink_to(result.site_dir, target_is_directory=True)
    servers = [serve(tmp / "root", port), serve(tmp / "other", other)]
    result.base = site_url
    result.copy_base = f"http://127.0.0.1:{other}/copy/"
    yield result
    for server in servers:
        server.shutdown()


CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        message = "Chromium not found (Debian package 'chromium'; .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(message + ": browser tests must run in CI")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def pytest_collection_modifyitems(config, items):
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        if fixtures & {"real_site", "subpath_site"}:
            item.add_marker(pytest.mark.pdf)
