"""Serving public pages cheaply: one version string decides the ETag and the cache key.

A visitor who has the version gets 304 with no body. Otherwise the page is rendered once
per version and language, kept in the shared cache with its gzip form, and answered with
an ETag per encoding (matched weakly: GZipMiddleware or a proxy may send it back as W/"…").
Signed-in visitors and anyone with a message waiting get a page of their own, never cached.
"""

import hashlib
from collections.abc import Callable

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import parse_etags, quote_etag
from django.utils.text import compress_string
from django.utils.translation import get_language

PAGE_CACHE_SECONDS = 300


def etag_matches(request: HttpRequest, etag: str) -> bool:
    wanted = etag.strip('"')
    tags = parse_etags(request.headers.get("If-None-Match", ""))
    return any(tag.removeprefix("W/").strip('"') == wanted for tag in tags)


def public_page(request: HttpRequest, *, kind: str, version: str, render: Callable[[], str]) -> HttpResponse:
    """The page `render()` makes, for this `version` of it, as cheaply as the visitor allows."""
    if request.user.is_authenticated or len(messages.get_messages(request)) > 0:
        return HttpResponse(render(), headers={"Cache-Control": "private, no-cache"})
    version = f"{kind}.{version}.{get_language()}"
    gzipped = "gzip" in request.headers.get("Accept-Encoding", "")
    etag = quote_etag(hashlib.sha1(version.encode()).hexdigest()[:20] + ("-gz" if gzipped else ""))
    headers = {"ETag": etag, "Cache-Control": "public, max-age=0, must-revalidate",
               "Vary": "Accept-Encoding, Cookie"}  # fmt: skip
    if etag_matches(request, etag):
        return HttpResponseNotModified(headers=headers)
    key = f"page:{version}"
    page = cache.get(key)
    if page is None:
        html = render().encode()
        page = (html, compress_string(html))
        cache.set(key, page, PAGE_CACHE_SECONDS)
    response = HttpResponse(page[1] if gzipped else page[0], headers=headers)
    if gzipped:
        response["Content-Encoding"] = "gzip"  # GZipMiddleware leaves it as it is
    return response
