"""The live-meeting load generator, against a stdlib stand-in for Sala's Q&A on loopback.

The stand-in keeps a version that only an approval changes, answers polls carrying the
current ETag with 304, hands out a CSRF cookie and refuses posts without it: so the test
shows the phones send their ETag back, the writers post at their rates with the cookie,
and the moderator finds waiting questions in the queue page and approves them.
"""

import gzip
import re
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

from bench.live import LiveConfig, LivePlan, percentile, run_live
from bench.scenarios import SCENARIOS, live_metrics

SECRET = "s" * 32


class QA:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.version = 1
        self.pending = [101, 102, 103]
        self.posts: Counter[str] = Counter()
        self.refused = 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    qa: QA

    def reply(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        qa = self.qa
        if self.path.endswith("/live/"):
            etag = f'"v{qa.version}"'
            if self.headers.get("If-None-Match") == etag:
                return self.reply(304, headers={"ETag": etag})
            return self.reply(200, b"<ul>questions</ul>", {"ETag": etag})
        if self.path.startswith("/f/"):
            links = "".join(f'<form action="/f/x/questions/{pk}/approve/">' for pk in qa.pending)
            return self.reply(200, links.encode(), {"Set-Cookie": f"csrftoken={SECRET}; Path=/"})
        page = f'<form>page</form><section data-poll data-etag="&quot;v{qa.version}&quot;">'.encode()
        cookie = {"Set-Cookie": f"csrftoken={SECRET}; Path=/"}  # the page comes gzipped, as from Sala
        return self.reply(200, gzip.compress(page), {**cookie, "Content-Encoding": "gzip"})

    def do_POST(self) -> None:
        qa = self.qa
        fields = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        if (
            fields.get("csrfmiddlewaretoken") != [SECRET]
            or f"csrftoken={SECRET}" not in self.headers["Cookie"]
        ):
            qa.refused += 1
            return self.reply(403)
        kind = re.search(r"/(ask|upvote|approve)/$", self.path).group(1)
        with qa.lock:
            qa.posts[kind] += 1
            if kind == "approve":
                qa.pending.remove(int(self.path.split("/")[-3]))
                qa.version += 1
        self.reply(200, b"ok")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def qa() -> Iterator[tuple[QA, int]]:
    state = QA()
    handler = type("BoundHandler", (Handler,), {"qa": state})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield state, httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def test_phones_writers_and_moderator_at_their_rates(qa) -> None:
    state, port = qa
    plan = LivePlan(
        tokens=[f"t{n}" for n in range(6)],
        page="/i/{token}/qa/",
        poll="/i/{token}/qa/live/",
        ask="/i/{token}/qa/ask/",
        upvote="/i/{token}/qa/{pk}/upvote/",
        upvotable=[1, 2],
        moderate_page="/f/x/session/",
        approve="/f/x/questions/{pk}/approve/",
        pending_pattern=r"/f/x/questions/(\d+)/approve/",
    )
    cfg = LiveConfig(duration=2.0, poll_every=0.25, questions_per_s=5, upvotes_per_s=10, approve_every=0.8)
    kinds, wall = run_live("127.0.0.1", port, plan, cfg)

    assert 2.0 <= wall < 4.0
    assert state.refused == 0  # every post carried the CSRF cookie and its token
    assert state.posts["ask"] == len(kinds["ask"].latencies_ms) == 10
    assert state.posts["upvote"] == len(kinds["upvote"].latencies_ms) == 20
    assert state.posts["approve"] == 2 and state.pending == [103]
    polls = kinds["poll"].statuses
    assert 40 <= sum(polls.values()) <= 56  # 6 phones, every 0.25 s, for 2 s
    # The page gave each phone its ETag: a full answer only after each of the 2 approvals.
    assert 0 < polls[200] <= 6 * 2 and polls[304] >= sum(polls.values()) - 12
    metrics = live_metrics(kinds, wall)
    assert metrics["live.errors"].value == 0
    assert metrics["live.polls_304_share"].value == round(100 * polls[304] / sum(polls.values()), 1)


def test_percentile_is_a_real_latency() -> None:
    assert percentile([5.0, 1.0, 3.0, 2.0, 4.0], 95) == 5.0
    assert percentile([5.0, 1.0, 3.0, 2.0, 4.0], 50) == 3.0
    assert percentile([], 99) == 0.0


def test_live_scenario_is_registered_with_the_issue_targets() -> None:
    targets = {str(t.metric): str(t) for t in SCENARIOS["live-meeting"].targets}
    assert targets == {"live.errors": "== 0", "live.p95_ms": "< 100", "live.polls_304_share": ">= 80"}
