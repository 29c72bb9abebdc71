"""What real hosts read, written beside the site after every other phase (docs/deploying.md):

- site/_headers: the format of Netlify and Cloudflare Pages; the same policy as HTTP headers;
- site/_deploy/nginx-server.conf: a `server { }` block for a plain nginx, with the policy, HSTS,
  caching (hashed theme files immutable, pages revalidated, sw.js never cached), gzip and the 404
  page of each language.

The HTTP Content-Security-Policy allows the inline scripts of every page (the union of their hashes);
each page's own <meta> policy (outputs/security.py) allows only its own, and a browser applies both.
A header can also say what a <meta> cannot: frame-ancestors (no page may be framed) and HSTS.
"""

from __future__ import annotations

import re
from pathlib import Path

from jalur.core.urls import language_path, site_path
from jalur.outputs.security import policy

HEADERS_FILE = "_headers"
NGINX_FILE = "_deploy/nginx-server.conf"
# Theme files whose name carries a hash of their content (Material's bundle, styles, search worker).
HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)$")
PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"


def http_policy(hashes: list[str]) -> str:
    return policy("", sorted(hashes)) + "; frame-ancestors 'none'"


def security_headers(hashes: list[str]) -> dict[str, str]:
    return {
        "Content-Security-Policy": http_policy(hashes),
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "Permissions-Policy": PERMISSIONS,
        "Strict-Transport-Security": "max-age=31536000",
    }


def hashed_files(out: Path) -> list[str]:
    """Paths (below the site root) of the theme files that never change under their name."""
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and HASHED.search(p.name))


def write_headers_file(out: Path, site_url: str, hashes: list[str], langs: list[str]) -> Path:
    root = site_path(site_url)
    lines = [f"{root}*"] + [f"  {name}: {value}" for name, value in security_headers(hashes).items()]
    for rel in hashed_files(out):
        lines += [f"{root}{rel}", "  Cache-Control: public, max-age=31536000, immutable"]
    for lang in langs:
        lines += [f"{language_path(site_url, lang)}sw.js", "  Cache-Control: no-cache, no-store"]
    lines += [f"{root}_deploy/*", "  X-Robots-Tag: noindex"]
    path = out / HEADERS_FILE
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def nginx_server(site_url: str, hashes: list[str], langs: list[str]) -> str:
    root = site_path(site_url)
    security = security_headers(hashes)

    def headers(cache: str, indent: str = "        ") -> str:
        # add_header is not inherited by a block that sets its own, so every block repeats them all.
        pairs = {**security, "Cache-Control": cache}
        return "".join(f'{indent}add_header {name} "{value}" always;\n' for name, value in pairs.items())

    blocks = [
        f"    location ~ ^{re.escape(root)}(_deploy/|_headers$) {{\n        return 404;\n    }}\n",
        # A regular expression with braces must be quoted in nginx.
        f'    location ~ "\\.[0-9a-f]{{8}}\\.min\\.(js|css)$" {{\n'
        f"{headers('public, max-age=31536000, immutable')}    }}\n",
    ]
    for lang in langs:
        home = language_path(site_url, lang)
        blocks.append(f"    location = {home}sw.js {{\n{headers('no-cache, no-store')}    }}\n")
        blocks.append(f"    location {home} {{\n{headers('no-cache')}        error_page 404 {home}404.html;\n    }}\n")
    return (
        "# Jalur Resmi: an nginx server block, written by jalur/outputs/deploy.py (docs/deploying.md).\n"
        "# Put it in /etc/nginx/sites-available/, set `root` to the folder that holds the built site and\n"
        "# `server_name` to the site's host, and add TLS (for example with certbot); HSTS assumes https.\n"
        "server {\n"
        "    listen 80;\n"
        "    server_name _;\n"
        "    root /srv/jalur-resmi/site;\n"
        "    index index.html;\n"
        "    charset utf-8;\n"
        "    gzip on;\n"
        "    gzip_comp_level 6;\n"
        "    gzip_types text/css application/javascript application/json image/svg+xml application/xml text/xml;\n"
        f"{headers('no-cache', '    ')}"
        f"    error_page 404 {root}404.html;\n" + "".join(blocks) + "}\n"
    )


def write_nginx(out: Path, site_url: str, hashes: list[str], langs: list[str]) -> Path:
    path = out / NGINX_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(nginx_server(site_url, hashes, langs), encoding="utf-8")
    return path
