"""The scenario registry: each scenario measures one thing and returns named metrics.

Add one with `@scenario("name", targets=[...], needs=[...])` on a function taking a
`Context` and returning `{metric_name: Metric}`; `bench/run.py name` then runs it (after
the scenarios it needs), prints it, checks its targets and writes it to results.json.
"""

from __future__ import annotations

import json
import operator
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from bench.load import LoadConfig, LoadResult, cpu_seconds_of_group, run_load
from bench.server import HOST, Server
from bench.transfer import first_visit

PUBLIC_PAGES = {
    "public_page_en": "/en/meetings/cybercrime-law-2014/",
    "public_page_km": "/km/meetings/cybercrime-law-2014/",
}
MINIMAL = "/healthz/"
OPS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    "<": operator.lt,
    ">": operator.gt,
    "==": operator.eq,
}


@dataclass(frozen=True)
class Metric:
    value: float
    unit: str


@dataclass(frozen=True)
class Target:
    metric: str
    op: str
    threshold: float

    def check(self, value: float) -> bool:
        return OPS[self.op](value, self.threshold)

    def __str__(self) -> str:
        return f"{self.op} {self.threshold:g}"


Metrics = dict[str, Metric]


@dataclass
class Context:
    """What a scenario may use: the running server, the load settings, earlier results."""

    server: Server
    load: LoadConfig
    results: Metrics = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def note(self, line: str) -> None:
        """Detail printed under the table (evidence for a MISS, fetched assets...)."""
        self.notes.append(line)
        print(f"  {line}", flush=True)


@dataclass(frozen=True)
class Scenario:
    name: str
    doc: str
    run: Callable[[Context], Metrics]
    targets: tuple[Target, ...]
    needs: tuple[str, ...]


SCENARIOS: dict[str, Scenario] = {}


def scenario(
    name: str,
    targets: list[Target] | None = None,
    needs: list[str] | None = None,
) -> Callable[[Callable[[Context], Metrics]], Callable[[Context], Metrics]]:
    def register(fn: Callable[[Context], Metrics]) -> Callable[[Context], Metrics]:
        doc = (fn.__doc__ or "").strip().splitlines()[0] if fn.__doc__ else ""
        SCENARIOS[name] = Scenario(name, doc, fn, tuple(targets or ()), tuple(needs or ()))
        return fn

    return register


def resolve(names: list[str]) -> list[Scenario]:
    """The requested scenarios plus what they need, in registry order."""
    wanted: set[str] = set()

    def add(name: str) -> None:
        if name not in wanted:
            wanted.add(name)
            for dep in SCENARIOS[name].needs:
                add(dep)

    for name in names:
        add(name)
    return [s for s in SCENARIOS.values() if s.name in wanted]


def measure(ctx: Context, prefix: str, path: str) -> Metrics:
    """One URL under the shared load settings, plus server CPU per request."""
    assert ctx.server.proc is not None
    pgid = ctx.server.proc.pid
    print(
        f"  load {path}: {ctx.load.concurrency} clients, {ctx.load.warmup:g}s warm-up + "
        f"{ctx.load.duration:g}s",
        flush=True,
    )
    cpu_before = cpu_seconds_of_group(pgid)
    r: LoadResult = run_load(HOST, ctx.server.port, path, ctx.load)
    server_cpu = cpu_seconds_of_group(pgid) - cpu_before
    wall = ctx.load.warmup + r.elapsed
    if r.errors or any(not 200 <= c < 400 for c in r.statuses):
        ctx.note(f"{prefix}: statuses {dict(r.statuses)} errors {dict(r.errors)}")
    time.sleep(1)  # let keep-alive connections drain before the next run
    return {
        f"{prefix}.rps": Metric(round(r.rps, 1), "req/s"),
        f"{prefix}.p50_ms": Metric(round(r.percentile(50), 2), "ms"),
        f"{prefix}.p95_ms": Metric(round(r.percentile(95), 2), "ms"),
        f"{prefix}.p99_ms": Metric(round(r.percentile(99), 2), "ms"),
        f"{prefix}.errors": Metric(r.error_count, "requests"),
        f"{prefix}.requests": Metric(r.requests, "requests"),
        f"{prefix}.server_cpu_ms_per_req": Metric(
            round(1000 * server_cpu / max(1, r.completed), 3), "ms"
        ),
        f"{prefix}.client_cpu": Metric(round(100 * r.client_cpu_s / wall, 1), "% of a core"),
    }


@scenario("minimal_view", targets=[Target("minimal_view.errors", "==", 0)])
def minimal_view(ctx: Context) -> Metrics:
    """/healthz/ through the full middleware stack: the ceiling for any Django page here."""
    return measure(ctx, "minimal_view", MINIMAL)


@scenario(
    "public_page",
    needs=["minimal_view"],
    targets=[
        Target("public_to_minimal_ratio", ">=", 0.5),
        *(Target(f"{p}.errors", "==", 0) for p in PUBLIC_PAGES),
    ],
)
def public_page(ctx: Context) -> Metrics:
    """The public meeting page in English and Khmer, and its throughput relative to /healthz/."""
    out: Metrics = {}
    for prefix, path in PUBLIC_PAGES.items():
        out.update(measure(ctx, prefix, path))
    ceiling = ctx.results["minimal_view.rps"].value
    ratios = {p: out[f"{p}.rps"].value / ceiling if ceiling else 0.0 for p in PUBLIC_PAGES}
    for prefix, ratio in ratios.items():
        out[f"{prefix}.ratio_to_minimal"] = Metric(round(ratio, 3), "ratio")
    out["public_to_minimal_ratio"] = Metric(round(min(ratios.values()), 3), "ratio (worst)")
    return out


@scenario(
    "first_visit",
    targets=[
        Target("first_visit_bytes_gzip", "<", 40_000),
        Target("first_visit_web_fonts", "==", 0),
        Target("first_visit_foreign_assets", "==", 0),
        Target("first_visit_failed_fetches", "==", 0),
    ],
)
def first_visit_transfer(ctx: Context) -> Metrics:
    """Bytes a cold, cookieless browser downloads (gzip) for the English public page."""
    visit = first_visit(ctx.server.base_url + PUBLIC_PAGES["public_page_en"])
    for f in visit.fetched:
        path = f.url.removeprefix(ctx.server.base_url)
        ctx.note(f"{f.status} {f.kind:<10} {f.encoding or '-':<5} {f.wire_bytes:>7} B  {path}")
    return {
        "first_visit_bytes_gzip": Metric(visit.total_bytes, "bytes"),
        "first_visit_requests": Metric(len(visit.fetched), "requests"),
        "first_visit_web_fonts": Metric(len(visit.fonts), "files"),
        "first_visit_foreign_assets": Metric(len(visit.foreign), "files"),
        "first_visit_failed_fetches": Metric(len(visit.failed), "requests"),
    }


QUERY_PROBE = textwrap.dedent("""
    import json, statistics, sys, time
    from collections import Counter
    import django
    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    def run(client, path, uncached):
        if uncached:
            cache.clear()
        with CaptureQueriesContext(connection) as q:
            t = time.perf_counter()
            status = client.get(path).status_code
            ms = (time.perf_counter() - t) * 1000
        return status, ms, [x["sql"] for x in q.captured_queries]

    out = {}
    for path in sys.argv[1:]:
        client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip")
        client.get(path)  # load templates and translations once
        for label, uncached in (("uncached", True), ("cached", False)):
            runs = [run(client, path, uncached) for _ in range(21)]
            status, _, sql = runs[-1]
            out[f"{path} {label}"] = {
                "status": status, "queries": len(sql), "duplicates": len(sql) - len(set(sql)),
                "ms": statistics.median(r[1] for r in runs[1:]),
                "top": [[n, q[:160]] for q, n in Counter(sql).most_common(3) if n > 1]}
    print(json.dumps(out))
""")


@scenario("queries")
def queries(ctx: Context) -> Metrics:
    """SQL queries and in-process render time per public page (no HTTP, no contention)."""
    done = subprocess.run(
        [sys.executable, "-c", QUERY_PROBE, *PUBLIC_PAGES.values()],
        env={**ctx.server.env(), "DJANGO_SETTINGS_MODULE": "sala.settings"},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    out: Metrics = {}
    for prefix, path in PUBLIC_PAGES.items():
        for label in ("uncached", "cached"):
            r = found[f"{path} {label}"]
            if r["status"] != 200:
                ctx.note(f"{prefix} ({label}): in-process status {r['status']}")
            for n, sql in r["top"]:
                ctx.note(f"{prefix} ({label}): {n}x {sql}")
            out[f"{prefix}.queries_{label}"] = Metric(r["queries"], "queries")
            out[f"{prefix}.duplicate_queries_{label}"] = Metric(r["duplicates"], "queries")
            out[f"{prefix}.render_ms_{label}"] = Metric(round(r["ms"], 2), "ms (in-process)")
    return out
