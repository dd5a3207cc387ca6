"""First-visit transfer: what a browser with an empty cache downloads for one page.

Fetches the page and every asset it pulls in (stylesheets, scripts, images, icons,
preloads, and url()/@import references inside CSS, which is where web fonts hide) with
`Accept-Encoding: gzip` and no cookies, and counts the bytes of the bodies as sent.
"""

from __future__ import annotations

import gzip
import http.client
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

FONT_EXTENSIONS = (".woff2", ".woff", ".ttf", ".otf", ".eot")
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload"}


@dataclass
class Fetched:
    url: str
    kind: str
    status: int
    encoding: str
    content_type: str
    wire_bytes: int

    @property
    def is_font(self) -> bool:
        path = urlsplit(self.url).path.lower()
        return (
            self.kind == "font"
            or path.endswith(FONT_EXTENSIONS)
            or (self.content_type.startswith(("font/", "application/font", "application/x-font")))
        )


@dataclass
class FirstVisit:
    page: str
    fetched: list[Fetched] = field(default_factory=list)

    @property
    def total_bytes(self) -> int:
        return sum(f.wire_bytes for f in self.fetched)

    @property
    def fonts(self) -> list[Fetched]:
        return [f for f in self.fetched if f.is_font]

    @property
    def foreign(self) -> list[Fetched]:
        origin = _origin(self.page)
        return [f for f in self.fetched if _origin(f.url) != origin]

    @property
    def failed(self) -> list[Fetched]:
        return [f for f in self.fetched if f.status != 200]


class AssetParser(HTMLParser):
    """Collects the URLs a browser fetches while loading the document."""

    def __init__(self) -> None:
        super().__init__()
        self.assets: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        rels = set(a.get("rel", "").lower().split())
        if tag == "link" and a.get("href") and rels & LINK_RELS:
            kind = "stylesheet" if "stylesheet" in rels else a.get("as") or "icon"
            self.assets.append((kind, a["href"]))
        elif tag == "script" and a.get("src"):
            self.assets.append(("script", a["src"]))
        elif tag == "img" and a.get("src"):
            self.assets.append(("image", a["src"]))


def css_references(css: str) -> list[str]:
    """url(...) and @import targets in a stylesheet, data: URIs excluded."""
    refs = []
    for m in CSS_URL.finditer(CSS_COMMENT.sub("", css)):
        ref = (m.group(2) or m.group(4) or "").strip()
        if ref and not ref.startswith(("data:", "#")):
            refs.append(ref)
    return refs


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


def fetch(url: str, timeout: float = 10.0) -> tuple[http.client.HTTPResponse, bytes]:
    """GET with gzip accepted and no cookies; returns the body as it came over the wire."""
    parts = urlsplit(url)
    if parts.scheme != "http" or parts.hostname is None:
        raise ValueError(f"only plain-http URLs are fetched: {url}")
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        conn.request("GET", path or "/", headers={"Accept-Encoding": "gzip"})
        resp = conn.getresponse()
        return resp, resp.read()
    finally:
        conn.close()


def first_visit(page_url: str) -> FirstVisit:
    """Walk the page and its assets once each; cross-origin assets are recorded, not fetched."""
    visit = FirstVisit(page=page_url)
    queue: list[tuple[str, str]] = [("document", page_url)]
    seen: set[str] = set()
    while queue:
        kind, url = queue.pop(0)
        url = url.split("#", 1)[0]
        if url in seen:
            continue
        seen.add(url)
        if _origin(url) != _origin(page_url):
            visit.fetched.append(Fetched(url, kind, 0, "", "", 0))
            continue
        resp, body = fetch(url)
        encoding = resp.getheader("Content-Encoding", "") or ""
        ctype = (resp.getheader("Content-Type", "") or "").split(";")[0].strip()
        visit.fetched.append(Fetched(url, kind, resp.status, encoding, ctype, len(body)))
        if resp.status != 200:
            continue
        text = (gzip.decompress(body) if encoding == "gzip" else body).decode("utf-8", "replace")
        if kind == "document":
            parser = AssetParser()
            parser.feed(text)
            queue += [(k, urljoin(url, href)) for k, href in parser.assets]
        elif ctype == "text/css":
            for ref in css_references(text):
                lower = urlsplit(ref).path.lower()
                sub = (
                    "font"
                    if lower.endswith(FONT_EXTENSIONS)
                    else ("stylesheet" if lower.endswith(".css") else "css-url")
                )
                queue.append((sub, urljoin(url, ref)))
    return visit
