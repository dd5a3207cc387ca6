"""The live meeting under load: phones polling the Q&A while questions and upvotes arrive.

Open loop, unlike load.py: each phone polls on its own clock (every `poll_every` seconds,
staggered), and questions, upvotes and the moderator's approvals arrive at fixed rates
whatever the server's speed, so a slow server shows as latency and errors, not as a lower
offered load. Each phone sends its last ETag back (If-None-Match) as poll.js does, so the
share of polls answered 304 is what real phones would see. Stdlib only (asyncio streams).
"""

from __future__ import annotations

import asyncio
import gc
import gzip
import html
import math
import random
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from bench.load import MAX_HEADER_BYTES, require_loopback, run_coroutine

FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class LivePlan:
    """What the load acts on, made by the scenario's setup step (paths with {token}, {pk})."""

    tokens: list[str]  # the participants' secret links
    page: str  # a participant's Q&A page: gives the CSRF cookie
    poll: str  # the polled block
    ask: str  # POST a question
    upvote: str  # POST an upvote of question {pk}
    upvotable: list[int]  # approved questions
    moderate_page: str  # the facilitator's queue
    approve: str  # POST: approve question {pk}
    pending_pattern: str  # regex finding pending question ids in the queue page


@dataclass(frozen=True)
class LiveConfig:
    duration: float = 60.0
    poll_every: float = 3.0
    questions_per_s: float = 10.0
    upvotes_per_s: float = 30.0
    approve_every: float = 20.0
    timeout: float = 10.0
    seed: int = 5


@dataclass
class Kind:
    """The requests of one kind (poll, ask, upvote, approve)."""

    latencies_ms: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)

    @property
    def error_count(self) -> int:
        return sum(n for s, n in self.statuses.items() if not 200 <= s < 400) + sum(self.errors.values())


def percentile(values: list[float], p: float) -> float:
    """Nearest rank, so p99 is a latency some request really had."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered), max(1, math.ceil(p / 100 * len(ordered)))) - 1]


@dataclass
class Response:
    status: int
    headers: dict[str, list[str]]
    body: bytes

    def header(self, name: str) -> str:
        return (self.headers.get(name) or [""])[-1]


class Connection:
    """One keep-alive HTTP/1.1 connection; reopened after an error or a `Connection: close`."""

    def __init__(self, host: str, port: int, timeout: float):
        self.host, self.port, self.timeout = host, port, timeout
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, headers: dict[str, str], body: bytes = b"") -> Response:
        """Send and read one request. A kept-alive connection the server has meanwhile closed
        (gunicorn drops idle ones after its keep-alive time) is reopened and the request sent
        again, once, as browsers do when no byte of the answer came back."""
        reused = self.writer is not None
        try:
            return await asyncio.wait_for(self._request(method, path, headers, body), self.timeout)
        except (asyncio.IncompleteReadError, ConnectionResetError, BrokenPipeError) as error:
            self.close()
            if not reused or getattr(error, "partial", b""):
                raise
        except BaseException:
            self.close()
            raise
        try:
            return await asyncio.wait_for(self._request(method, path, headers, body), self.timeout)
        except BaseException:
            self.close()
            raise

    async def _request(self, method: str, path: str, headers: dict[str, str], body: bytes) -> Response:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}", "User-Agent: sala-bench"]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        if body:
            lines.append(f"Content-Length: {len(body)}")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        head = await self.reader.readuntil(b"\r\n\r\n")
        if len(head) > MAX_HEADER_BYTES:
            raise ValueError("response head too large")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        found: dict[str, list[str]] = {}
        for line in header_lines:
            if line:
                name, _, value = line.partition(":")
                found.setdefault(name.strip().lower(), []).append(value.strip())
        status = int(status_line.split(" ", 2)[1])
        length = int((found.get("content-length") or ["0"])[-1])
        payload = await self.reader.readexactly(length) if length else b""
        if "close" in (found.get("connection") or [""])[-1].lower():
            self.close()
        return Response(status, found, payload)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def csrf_cookie(response: Response) -> str:
    for cookie in response.headers.get("set-cookie", []):
        name, _, rest = cookie.partition("=")
        if name.strip() == "csrftoken":
            return rest.split(";", 1)[0]
    return ""


class Live:
    """One run: the phones, the writers and the moderator, sharing the results."""

    def __init__(self, host: str, port: int, plan: LivePlan, cfg: LiveConfig):
        self.host, self.port, self.plan, self.cfg = host, port, plan, cfg
        self.kinds = {name: Kind() for name in ("poll", "ask", "upvote", "approve")}
        self.csrf: dict[str, str] = {}
        self.etags: dict[str, str] = {}
        self.pool: list[Connection] = []
        self.rng = random.Random(cfg.seed)
        self.upvotes = [(t, q) for t in plan.tokens for q in plan.upvotable]
        self.rng.shuffle(self.upvotes)

    def connection(self) -> Connection:
        return self.pool.pop() if self.pool else Connection(self.host, self.port, self.cfg.timeout)

    async def timed(self, kind: str, conn: Connection, method: str, path: str, headers: dict, body=b""):
        started = time.monotonic()
        try:
            response = await conn.request(method, path, headers, body)
        except (OSError, EOFError, TimeoutError, ValueError, asyncio.IncompleteReadError) as error:
            self.kinds[kind].errors[type(error).__name__] += 1
            return None
        self.kinds[kind].latencies_ms.append((time.monotonic() - started) * 1000)
        self.kinds[kind].statuses[response.status] += 1
        return response

    async def sign_on(self, token: str, conn: Connection) -> None:
        """The phone opens its Q&A page once: the CSRF cookie its posts will carry, and the
        list's ETag (`data-etag`), which poll.js sends back from the first poll on."""
        response = await conn.request("GET", self.plan.page.format(token=token), {"Accept-Encoding": "gzip"})
        self.csrf[token] = csrf_cookie(response)
        body = response.body
        if response.header("content-encoding") == "gzip":
            body = gzip.decompress(body)
        found = re.search(rb'data-etag="([^"]*)"', body)
        self.etags[token] = html.unescape(found.group(1).decode()) if found else ""

    async def post(self, kind: str, token: str, path: str, fields: dict[str, str]) -> Response | None:
        conn = self.connection()
        secret = self.csrf.get(token, "")
        body = urlencode({"csrfmiddlewaretoken": secret, **fields}).encode()
        headers = {
            "Cookie": f"csrftoken={secret}",
            "Content-Type": FORM,
            "HX-Request": "true",
        }
        response = await self.timed(kind, conn, "POST", path, headers, body)
        self.pool.append(conn)
        return response

    async def phone(self, token: str, stop: float) -> None:
        conn = Connection(self.host, self.port, self.cfg.timeout)
        etag = self.etags.get(token, "")
        path = self.plan.poll.format(token=token)
        await asyncio.sleep(self.rng.uniform(0, self.cfg.poll_every))
        while (now := time.monotonic()) < stop:
            headers = {"Accept-Encoding": "gzip", "HX-Request": "true"}
            if etag:
                headers["If-None-Match"] = etag
            response = await self.timed("poll", conn, "GET", path, headers)
            if response is not None and response.header("etag"):
                etag = response.header("etag")
            await asyncio.sleep(max(0.0, now + self.cfg.poll_every - time.monotonic()))

    async def arrivals(self, rate: float, stop: float, send) -> None:
        """Start `send()` `rate` times a second, on the clock, each in its own task."""
        tasks, n, begin = [], 0, time.monotonic()
        while (at := begin + n / rate) < stop:
            await asyncio.sleep(max(0.0, at - time.monotonic()))
            tasks.append(asyncio.create_task(send(n)))
            n += 1
        await asyncio.gather(*tasks)

    async def ask(self, n: int) -> None:
        token = self.plan.tokens[n % len(self.plan.tokens)]  # each phone in turn: 2 a minute each
        text = f"Question {n} from the bench: how will Article {n % 15 + 1} be applied to online speech?"
        await self.post("ask", token, self.plan.ask.format(token=token), {"text": text})

    async def upvote(self, n: int) -> None:
        token, pk = self.upvotes[n % len(self.upvotes)]
        await self.post("upvote", token, self.plan.upvote.format(token=token, pk=pk), {})

    async def moderator(self, stop: float) -> None:
        """A facilitator approves the oldest waiting question every `approve_every` seconds."""
        conn = Connection(self.host, self.port, self.cfg.timeout)
        page = await conn.request("GET", self.plan.moderate_page, {})
        secret = csrf_cookie(page)
        while time.monotonic() + self.cfg.approve_every < stop:
            await asyncio.sleep(self.cfg.approve_every)
            queue = await conn.request("GET", self.plan.moderate_page, {"Cookie": f"csrftoken={secret}"})
            waiting = re.findall(self.plan.pending_pattern, queue.body.decode(errors="replace"))
            if waiting:
                body = urlencode({"csrfmiddlewaretoken": secret}).encode()
                headers = {"Cookie": f"csrftoken={secret}", "Content-Type": FORM}
                path = self.plan.approve.format(pk=waiting[0])
                await self.timed("approve", conn, "POST", path, headers, body)

    async def run(self) -> float:
        conns = [Connection(self.host, self.port, self.cfg.timeout) for _ in range(20)]
        for i in range(0, len(self.plan.tokens), len(conns)):
            batch = self.plan.tokens[i : i + len(conns)]
            await asyncio.gather(*(self.sign_on(t, c) for t, c in zip(batch, conns, strict=False)))
        self.pool = conns
        begin = time.monotonic()
        stop = begin + self.cfg.duration
        await asyncio.gather(
            *(self.phone(token, stop) for token in self.plan.tokens),
            self.arrivals(self.cfg.questions_per_s, stop, self.ask),
            self.arrivals(self.cfg.upvotes_per_s, stop, self.upvote),
            self.moderator(stop),
        )
        return time.monotonic() - begin


def run_live(host: str, port: int, plan: LivePlan, cfg: LiveConfig) -> tuple[dict[str, Kind], float]:
    """Run the live load once; the requests by kind and the wall time."""
    require_loopback(host)
    live = Live(host, port, plan, cfg)
    # The client's own pauses must not count as the server's latency: a full collection walks
    # every object the earlier scenarios of this process left, mid-request. Freeze those, and
    # collect nothing during the run (its garbage goes by reference counting).
    gc.collect()
    gc.freeze()
    gc.disable()
    try:
        wall = run_coroutine(live.run())
    finally:
        gc.enable()
        gc.unfreeze()
    return live.kinds, wall
