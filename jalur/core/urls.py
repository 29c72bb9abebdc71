"""How every address of the site is made: one function per rule.

URLs below a language root are MkDocs directory URLs: index.md -> "", kontak/index.md -> kontak/,
berangkat-resmi/biaya.md -> berangkat-resmi/biaya/. Public addresses start with the site's root
address (site_url, always ending with a slash); links inside the site are relative, so that the site
works from any address and under a sub-path.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote, urlparse

from jalur.core.errors import BuildError

# Folders and files below each language root that other parts of the site link to.
LEAFLETS_DIR = "cetak"  # <lang>/cetak/<leaflet>/
CONTACT_DOWNLOADS_DIR = "kontak/unduh"  # <lang>/kontak/unduh/<file>
CONTACT_DOWNLOADS = {"vcard": "hotline-nasional.vcf", "json": "kontak.json", "csv": "kontak.csv"}
OFFLINE_DIR = "unduh"  # <lang>/unduh/<zip>
PREVIEWS_DIR = "assets/previews"  # <lang>/assets/previews/<slug>.png


def site_root(url: str, source: str = "mkdocs.yml") -> str:
    """The site's root address as every other function expects it: http(s), ending with a slash.
    `source` names where the address came from, for the error message."""
    parsed = urlparse(url or "")
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise BuildError(source, "site_url", f"must be an http:// or https:// address, not {url!r}")
    return url if url.endswith("/") else url + "/"


def page_url(path: str) -> str:
    """A content path's URL below its language root."""
    stem = path[:-3] if path.endswith(".md") else path
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def language_url(site_url: str, lang: str) -> str:
    """The public address of a language's home: <site_url><lang>/."""
    return f"{site_url}{lang}/"


def public_url(site_url: str, lang: str, path: str) -> str:
    """The public address of a content page."""
    return language_url(site_url, lang) + page_url(path)


def site_path(site_url: str) -> str:
    """The path part of the site's address ("/" at a domain's root, "/jr/" under a sub-path)."""
    return urlparse(site_url).path or "/"


def language_path(site_url: str, lang: str) -> str:
    """A language root as an absolute path on the host: /id/ (or /jr/id/ under a sub-path)."""
    return f"{site_path(site_url)}{lang}/"


def display_address(site_url: str) -> str:
    """The site's address as printed for a reader to type: no scheme, no trailing slash."""
    return site_url.split("://", 1)[-1].rstrip("/")


def leaflets_url(lang: str, folder: str = "") -> str:
    """A folder of printables below the site root: <lang>/cetak/, a leaflet's <lang>/cetak/<slug>/, an
    office's page <lang>/cetak/<office-id>/ (for relative_url)."""
    return f"{lang}/{LEAFLETS_DIR}/" + (f"{folder}/" if folder else "")


def relative_url(from_url: str, to_url: str) -> str:
    """A relative link between two URLs below the site root, from the directory URL `from_url`
    ("id/kontak/") to `to_url` ("id/kontak/unduh/kontak.csv" or a directory "en/cetak/x/")."""
    start = from_url.rstrip("/") or "."
    rel = posixpath.relpath(to_url.rstrip("/") or ".", start)
    return rel + "/" if to_url.endswith("/") else rel


def linked_page(page: str, target: str) -> str:
    """The content path a relative Markdown link in `page` points at ("../kontak/index.md")."""
    if not target:
        return page
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), target))


def page_link(page: str, target: str) -> str:
    """A relative Markdown link target from one content page to another ("kontak/index.md")."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def offline_zip_name(lang: str) -> str:
    return f"jalur-resmi-offline-{lang}.zip"


def offline_zip_url(site_url: str, lang: str) -> str:
    """Absolute, so that the link also works from inside the offline copy itself."""
    return f"{language_url(site_url, lang)}{OFFLINE_DIR}/{offline_zip_name(lang)}"


def preview_path(path: str) -> str:
    """A content page's link-preview image below its language root: index.md -> assets/previews/index.png,
    kontak/daerah.md -> assets/previews/kontak-daerah.png."""
    return f"{PREVIEWS_DIR}/{page_url(path).strip('/').replace('/', '-') or 'index'}.png"


def preview_url(site_url: str, lang: str, path: str) -> str:
    """The public address of that image (link previews need an absolute address)."""
    return language_url(site_url, lang) + preview_path(path)


def whatsapp_share(text: str) -> str:
    """A link that opens WhatsApp with `text` ready to send (nothing is sent by the site)."""
    return "https://wa.me/?text=" + quote(text, safe="")
