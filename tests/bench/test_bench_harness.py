"""The `make bench` harness itself: HTTP parsing, bounded load, asset walk, registry.

Runs against a stdlib HTTP server on loopback for well under a second of load.
"""

import asyncio
import gzip
import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.load import (
    LoadConfig,
    read_response,
    require_loopback,
    run_coroutine,
    run_load,
    run_rounds,
)
from bench.run import report
from bench.scenarios import SCENARIOS, Metric, resolve
from bench.transfer import AssetParser, css_references, first_visit

PAGE = (
    b"<html><head><link rel='stylesheet' href='/s/a.css'><script src='/s/a.js' defer></script>"
    b"<link rel=icon href='http://elsewhere.example/i.png'></head><body>" + b"x" * 2000 + b"</body>"
)
CSS = b"/* url(/s/ignored.png) */ @font-face{src:url('/s/f.woff2')} a{background:url(data:x)}"
FILES = {
    "/": (PAGE, "text/html"),
    "/s/a.css": (CSS, "text/css"),
    "/s/a.js": (b"1;" * 50, "text/javascript"),
    "/s/f.woff2": (b"F" * 300, "font/woff2"),
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        body, ctype = FILES.get(self.path, (b"missing", "text/plain"))
        gz = "gzip" in self.headers.get("Accept-Encoding", "") and ctype != "font/woff2"
        body = gzip.compress(body) if gz else body
        self.send_response(200 if self.path in FILES else 404)
        self.send_header("Content-Type", ctype)
        if gz:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[ThreadingHTTPServer]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def parse(raw: bytes) -> tuple[int, bool, int]:
    async def go() -> tuple[int, bool, int]:
        reader = asyncio.StreamReader()
        reader.feed_data(raw)
        reader.feed_eof()
        return await read_response(reader)

    return run_coroutine(go())


def test_read_response_framings() -> None:
    assert parse(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc") == (200, True, 3)
    chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n1\r\nc\r\n0\r\n\r\n"
    assert parse(chunked) == (200, True, 3)
    assert parse(b"HTTP/1.1 404 X\r\nConnection: close\r\nContent-Length: 0\r\n\r\n") == (
        404,
        False,
        0,
    )
    assert parse(b"HTTP/1.0 200 OK\r\n\r\nuntil-eof") == (200, False, 9)


def test_load_is_bounded_and_counts_errors(server: ThreadingHTTPServer) -> None:
    port = server.server_address[1]
    cfg = LoadConfig(concurrency=2, duration=0.3, warmup=0.1, max_requests=50)
    ok = run_load("127.0.0.1", port, "/", cfg)
    assert 0 < ok.requests <= 50 and ok.error_count == 0 and ok.rps > 0
    assert ok.percentile(50) <= ok.percentile(99)
    bad = run_load("127.0.0.1", port, "/nope", cfg)
    assert bad.error_count == bad.requests > 0


def test_rounds_interleave_and_account_cpu(server: ThreadingHTTPServer) -> None:
    cfg = LoadConfig(concurrency=2, duration=0.4, warmup=0.1, rounds=2, max_requests=40)
    found = run_rounds("127.0.0.1", server.server_address[1], ["/", "/s/a.js"], cfg, os.getpgrp())
    for r in found.values():
        assert 0 < r.requests <= 40 and r.error_count == 0
        assert r.wall_s >= 0.4 and r.elapsed <= r.wall_s and r.server_cpu_s > 0


def test_refuses_non_loopback() -> None:
    with pytest.raises(ValueError):
        require_loopback("10.0.0.1")


def test_first_visit_walks_css_and_flags_fonts_and_foreign(server: ThreadingHTTPServer) -> None:
    visit = first_visit(f"http://127.0.0.1:{server.server_address[1]}/")
    paths = [f.url.rsplit(":", 1)[-1] for f in visit.fetched]
    assert len(paths) == 5 and not any("ignored" in p for p in paths)
    assert [f.url.endswith("f.woff2") for f in visit.fonts] == [True]
    assert [f.url for f in visit.foreign] == ["http://elsewhere.example/i.png"]
    assert visit.fetched[0].encoding == "gzip" and visit.total_bytes < len(PAGE)


def test_parsers() -> None:
    p = AssetParser()
    p.feed("<link rel='preload' as='font' href='/f.woff2'><img src=/i.png><script>1</script>")
    assert p.assets == [("font", "/f.woff2"), ("image", "/i.png")]
    assert css_references("@import 'b.css'; x{src:url( \"c.woff\" )}") == ["b.css", "c.woff"]


def test_registry_and_report() -> None:
    assert [s.name for s in resolve(["queries", "throughput"])] == ["throughput", "queries"]
    table = "\n".join(report({"public_to_minimal_ratio": Metric(0.4, "ratio")}, list(SCENARIOS)))
    assert "MISS" in table and "first_visit_bytes_gzip" in table
