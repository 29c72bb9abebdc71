"""What real hosts read (jalur/outputs/deploy.py): the generated nginx server block, run by a real nginx
(Debian's package, installed by .ci/run) on loopback over the built site, and the _headers file."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from jalur.outputs.security import script_hashes
from tests.conftest import free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


@pytest.fixture(scope="module")
def nginx(real_site, tmp_path_factory):
    if not Path(NGINX).exists():
        message = "nginx not found (Debian package 'nginx'; .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(message + ": the nginx tests must run in CI")
        pytest.skip(message)
    tmp = tmp_path_factory.mktemp("nginx")
    port = free_port()
    server = (real_site.site_dir / "_deploy/nginx-server.conf").read_text(encoding="utf-8")
    server = server.replace("listen 80;", f"listen 127.0.0.1:{port};")
    server = server.replace("root /srv/jalur-resmi/site;", f"root {real_site.site_dir};")
    temp = "".join(f"{name}_temp_path {tmp}/{name};\n" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf = tmp / "nginx.conf"
    conf.write_text(
        f"{user}pid {tmp}/nginx.pid;\nerror_log {tmp}/error.log;\nevents {{}}\n"
        f"http {{\ninclude /etc/nginx/mime.types;\naccess_log off;\n{temp}{server}}}\n",
        encoding="utf-8",
    )
    proc = subprocess.Popen([NGINX, "-p", str(tmp), "-c", str(conf), "-g", "daemon off;"], stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}/"
    for _ in range(50):
        try:
            urllib.request.urlopen(base, timeout=1)
            break
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None:
                pytest.fail(f"nginx did not start: {proc.stderr.read().decode() if proc.stderr else ''}")
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def get(url: str, gzip_ok: bool = False):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


SECURITY = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Strict-Transport-Security": "max-age=31536000",
}


@pytest.mark.parametrize("path", ["", "id/", "en/kontak/", "id/cek-perekrut/", "id/cetak/kontak/"])
def test_pages_carry_the_policy_and_are_revalidated(nginx, real_site, path):
    status, headers, body = get(nginx + path)
    assert status == 200
    for name, value in SECURITY.items():
        assert headers[name] == value, name
    assert "camera=()" in headers["Permissions-Policy"]
    assert headers["Cache-Control"] == "no-cache"
    policy = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "'unsafe-inline'" not in policy.split("; ")[1]
    # The header allows every inline script of this page (the page's own meta allows only these).
    assert set(script_hashes(body.decode("utf-8"))) <= set(re.findall(r"'sha256-[^']+'", policy))


def test_hashed_theme_files_are_immutable_and_sw_js_is_never_cached(nginx, real_site):
    bundle = next((real_site.site_dir / "id/assets/javascripts").glob("bundle.*.min.js")).name
    status, headers, _ = get(f"{nginx}id/assets/javascripts/{bundle}")
    assert status == 200 and headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["X-Content-Type-Options"] == "nosniff"
    for lang in ("id", "en"):
        status, headers, _ = get(f"{nginx}{lang}/sw.js")
        assert status == 200 and headers["Cache-Control"] == "no-cache, no-store"


@pytest.mark.parametrize("path,lang", [("id/tidak-ada/", "id"), ("en/nothing-here/", "en"), ("nowhere/", None)])
def test_each_language_gets_its_own_404_page(nginx, path, lang):
    status, headers, body = get(nginx + path)
    html = body.decode("utf-8")
    assert status == 404
    assert headers["Content-Security-Policy"].startswith("default-src 'self'")
    if lang:
        assert f'<html lang="{lang}"' in html
    else:  # the bilingual root page
        assert "Halaman ini tidak ada" in html and "This page does not exist" in html


def test_text_is_sent_gzipped(nginx, real_site):
    css = next((real_site.site_dir / "id/assets/stylesheets").glob("main.*.min.css")).name
    for path in ("id/kontak/", f"id/assets/stylesheets/{css}", "id/search/search_index.json"):
        status, headers, body = get(nginx + path, gzip_ok=True)
        assert status == 200 and headers["Content-Encoding"] == "gzip", path
        assert gzip.decompress(body)


def test_the_deployment_files_themselves_are_not_served(nginx):
    assert get(nginx + "_deploy/nginx-server.conf")[0] == 404
    assert get(nginx + "_headers")[0] == 404


def test_the_headers_file_gives_static_hosts_the_same_policy(real_site):
    text = (real_site.site_dir / "_headers").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=\S)", text.strip())
    rules = {
        block.splitlines()[0]: dict(line.strip().split(": ", 1) for line in block.splitlines()[1:]) for block in blocks
    }
    everything = rules["/*"]
    assert "frame-ancestors 'none'" in everything["Content-Security-Policy"]
    assert everything["Referrer-Policy"] == "no-referrer" and everything["X-Content-Type-Options"] == "nosniff"
    for page in real_site.site_dir.rglob("*.html"):
        hashes = script_hashes(page.read_text(encoding="utf-8"))
        assert all(h in everything["Content-Security-Policy"] for h in hashes), page
    immutable = [path for path, headers in rules.items() if "immutable" in headers.get("Cache-Control", "")]
    assert immutable and all(re.search(r"\.[0-9a-f]{8}\.min\.(js|css)$", p) for p in immutable)
    assert rules["/id/sw.js"]["Cache-Control"] == "no-cache, no-store"
