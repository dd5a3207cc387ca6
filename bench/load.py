"""A small closed-loop HTTP/1.1 load generator on asyncio streams (stdlib only).

Each client holds one keep-alive connection and sends the next request as soon as the
previous answer is read, so every URL is measured by the same client code. Loads are
bounded three ways: a fixed duration, a hard cap on requests and a per-request timeout.
Only loopback targets are accepted.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import ipaddress
import math
import multiprocessing
import os
import resource
import signal
import threading
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace

MAX_HEADER_BYTES = 64 * 1024


@dataclass(frozen=True)
class LoadConfig:
    """How hard and how long to push one URL."""

    concurrency: int = 16
    duration: float = 10.0
    warmup: float = 2.0
    max_requests: int = 200_000
    timeout: float = 10.0
    processes: int = 1
    rounds: int = 5  # slices per URL, interleaved across URLs
    headers: tuple[tuple[str, str], ...] = (("Accept-Encoding", "gzip"),)


@dataclass
class LoadResult:
    """What one URL did under load; latencies are in milliseconds."""

    url: str
    elapsed: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    body_bytes: int = 0
    completed: int = 0  # every response, warm-up included, for CPU-per-request figures
    client_cpu_s: float = 0.0
    server_cpu_s: float = 0.0  # filled by run_rounds, like the two below
    other_cpu_s: float = 0.0  # everything else on the machine: noise
    wall_s: float = 0.0

    @property
    def requests(self) -> int:
        return len(self.latencies_ms)

    @property
    def rps(self) -> float:
        return self.requests / self.elapsed if self.elapsed else 0.0

    @property
    def error_count(self) -> int:
        bad_status = sum(n for code, n in self.statuses.items() if not 200 <= code < 400)
        return bad_status + sum(self.errors.values())

    def percentile(self, p: float) -> float:
        """Nearest-rank percentile, so p99 is a latency some request really had."""
        if not self.latencies_ms:
            return 0.0
        ordered = sorted(self.latencies_ms)
        rank = min(len(ordered), max(1, math.ceil(p / 100 * len(ordered))))
        return ordered[rank - 1]

    def merge(self, other: LoadResult, *, sequential: bool = False) -> None:
        """Add a parallel share (same window) or, if sequential, a later slice."""
        self.elapsed = self.elapsed + other.elapsed if sequential else max(self.elapsed, other.elapsed)
        self.latencies_ms.extend(other.latencies_ms)
        self.statuses.update(other.statuses)
        self.errors.update(other.errors)
        self.body_bytes += other.body_bytes
        self.completed += other.completed
        self.client_cpu_s += other.client_cpu_s
        self.server_cpu_s += other.server_cpu_s
        self.other_cpu_s += other.other_cpu_s
        self.wall_s += other.wall_s


def build_request(host: str, port: int, path: str, headers: tuple[tuple[str, str], ...]) -> bytes:
    lines = [f"GET {path} HTTP/1.1", f"Host: {host}:{port}", "User-Agent: sala-bench"]
    lines += [f"{name}: {value}" for name, value in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bool, int]:
    """Read one response; return (status, connection reusable, body bytes)."""
    head = await reader.readuntil(b"\r\n\r\n")
    if len(head) > MAX_HEADER_BYTES:
        raise ValueError("response head too large")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    version, status_text = status_line.split(" ", 2)[:2]
    status = int(status_text)
    headers: dict[str, str] = {}
    for line in header_lines:
        if line:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
    connection = headers.get("connection", "").lower()
    keep_alive = version == "HTTP/1.1" and "close" not in connection
    if "chunked" in headers.get("transfer-encoding", "").lower():
        size = 0
        while True:
            chunk_len = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if chunk_len:
                size += len(await reader.readexactly(chunk_len))
            await reader.readexactly(2)
            if not chunk_len:
                return status, keep_alive, size
    if "content-length" in headers:
        return status, keep_alive, len(await reader.readexactly(int(headers["content-length"])))
    if status in (204, 304) or 100 <= status < 200:
        return status, keep_alive, 0
    return status, False, len(await reader.read())


async def _client(
    host: str,
    port: int,
    request: bytes,
    cfg: LoadConfig,
    start: float,
    stop: float,
    cap: int,
    result: LoadResult,
    halt: asyncio.Event,
) -> None:
    """One connection's loop; records only requests that start and end inside the window."""
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None
    loop = asyncio.get_running_loop()
    try:
        while not halt.is_set() and (now := loop.time()) < stop and result.requests < cap:
            try:
                if writer is None or reader is None:
                    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), cfg.timeout)
                writer.write(request)
                status, keep_alive, size = await asyncio.wait_for(read_response(reader), cfg.timeout)
                done = loop.time()
                result.completed += 1
                if now >= start and done <= stop:
                    result.latencies_ms.append((done - now) * 1000)
                    result.statuses[status] += 1
                    result.body_bytes += size
                if not keep_alive:
                    writer.close()
                    reader = writer = None
            except (OSError, EOFError, TimeoutError, ValueError, asyncio.IncompleteReadError) as e:
                if start <= now < stop:
                    result.errors[type(e).__name__] += 1
                if writer is not None:
                    writer.close()
                reader = writer = None
                await asyncio.sleep(0.05)
    finally:
        if writer is not None:
            writer.close()


async def _run_clients(
    host: str,
    port: int,
    path: str,
    cfg: LoadConfig,
    start_wall: float,
    clients: int,
    cap: int,
) -> LoadResult:
    loop = asyncio.get_running_loop()
    # SIGTERM stops the clients between requests; the caller then sees KeyboardInterrupt.
    # (Raising from a plain handler inside the loop would leave tasks half-cancelled.)
    halt = asyncio.Event()
    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.getsignal(signal.SIGTERM)
    if in_main:
        loop.add_signal_handler(signal.SIGTERM, halt.set)
    try:
        await asyncio.sleep(max(0.0, start_wall - time.time()))
        begin = loop.time()
        start, stop = begin + cfg.warmup, begin + cfg.warmup + cfg.duration
        result = LoadResult(url=path)
        request = build_request(host, port, path, cfg.headers)
        await asyncio.gather(
            *(_client(host, port, request, cfg, start, stop, cap, result, halt) for _ in range(clients))
        )
        result.elapsed = min(loop.time(), stop) - start
    finally:
        if in_main:
            loop.remove_signal_handler(signal.SIGTERM)
            signal.signal(signal.SIGTERM, previous)
    if halt.is_set():
        raise KeyboardInterrupt
    return result


def run_coroutine(coro):
    """asyncio.run, also from a thread whose event loop is already running (as pytest's is
    once pytest-playwright has started): then the coroutine runs in a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def _process_main(
    host: str,
    port: int,
    path: str,
    cfg: LoadConfig,
    start_wall: float,
    clients: int,
    cap: int,
) -> LoadResult:
    """Entry point of one client process; also measures the client's own CPU use."""
    before = resource.getrusage(resource.RUSAGE_SELF)
    result = run_coroutine(_run_clients(host, port, path, cfg, start_wall, clients, cap))
    after = resource.getrusage(resource.RUSAGE_SELF)
    result.client_cpu_s = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result


def require_loopback(host: str) -> None:
    """Load tests here may only target this machine."""
    if not ipaddress.ip_address(host).is_loopback:
        raise ValueError(f"refusing to load-test non-loopback address {host}")


def run_load(host: str, port: int, path: str, cfg: LoadConfig) -> LoadResult:
    """Drive `path` with cfg.concurrency clients spread over cfg.processes processes."""
    require_loopback(host)
    procs = max(1, min(cfg.processes, cfg.concurrency))
    shares = [cfg.concurrency // procs + (i < cfg.concurrency % procs) for i in range(procs)]
    caps = [cfg.max_requests // procs] * procs
    if procs == 1:
        return _process_main(host, port, path, cfg, time.time(), shares[0], caps[0])
    start_wall = time.time() + 1.5  # time for the spawned interpreters to start
    deadline = 1.5 + cfg.warmup + cfg.duration + cfg.timeout + 30
    # An executor (unlike a Pool) fails fast instead of respawning a crashing worker.
    with ProcessPoolExecutor(procs, mp_context=multiprocessing.get_context("spawn")) as pool:
        jobs = [
            pool.submit(_process_main, host, port, path, cfg, start_wall, n, cap)
            for n, cap in zip(shares, caps, strict=True)
        ]
        total = LoadResult(url=path)
        for job in jobs:
            total.merge(job.result(timeout=deadline))
    return total


def cpu_seconds_of_group(pgid: int) -> float:
    """User+system CPU seconds used so far by the live processes of a process group."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # fields after "(comm)": state ppid pgrp ...
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


def machine_busy_seconds() -> float:
    """CPU seconds all cores spent busy since boot (/proc/stat), to see other load."""
    with open("/proc/stat") as f:
        user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, f.readline().split()[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def run_rounds(
    host: str, port: int, paths: list[str], cfg: LoadConfig, server_pgid: int
) -> dict[str, LoadResult]:
    """Measure several URLs in interleaved slices, so a burst of other load on this shared
    machine hits each URL alike instead of skewing their ratio; adds CPU accounting."""
    totals = {path: LoadResult(url=path) for path in paths}
    rounds = max(1, cfg.rounds)
    for i in range(rounds):
        for path in paths:
            part = replace(
                cfg,
                warmup=cfg.warmup if i == 0 else min(cfg.warmup, 0.5),
                duration=cfg.duration / rounds,
                max_requests=max(1, cfg.max_requests // rounds),
            )
            server0, busy0, t0 = cpu_seconds_of_group(server_pgid), machine_busy_seconds(), time.monotonic()
            r = run_load(host, port, path, part)
            r.wall_s = time.monotonic() - t0
            r.server_cpu_s = cpu_seconds_of_group(server_pgid) - server0
            r.other_cpu_s = max(0.0, machine_busy_seconds() - busy0 - r.server_cpu_s - r.client_cpu_s)
            totals[path].merge(r, sequential=True)
    return totals
