"""The scenario registry: each scenario measures one thing and returns named metrics.

Add one with `@scenario("name", targets=[...], needs=[...])` on a function taking a
`Context` and returning `{metric_name: Metric}`; `bench/run.py name` then runs it (after
the scenarios it needs), prints it, checks its targets and writes it to results.json.
"""

from __future__ import annotations

import json
import operator
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bench.load import LoadConfig, LoadResult, run_rounds
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


def load_metrics(prefix: str, r: LoadResult) -> Metrics:
    """The standard figures for one URL under load."""
    wall = max(r.wall_s, 1e-9)
    return {
        f"{prefix}.rps": Metric(round(r.rps, 1), "req/s"),
        f"{prefix}.p50_ms": Metric(round(r.percentile(50), 2), "ms"),
        f"{prefix}.p95_ms": Metric(round(r.percentile(95), 2), "ms"),
        f"{prefix}.p99_ms": Metric(round(r.percentile(99), 2), "ms"),
        f"{prefix}.errors": Metric(r.error_count, "requests"),
        f"{prefix}.requests": Metric(r.requests, "requests"),
        f"{prefix}.server_cpu_ms_per_req": Metric(
            round(1000 * r.server_cpu_s / max(1, r.completed), 3), "ms"
        ),
        f"{prefix}.client_cpu": Metric(round(100 * r.client_cpu_s / wall, 1), "% of a core"),
        f"{prefix}.other_cpu": Metric(round(100 * r.other_cpu_s / wall, 1), "% of a core"),
    }


def measure(ctx: Context, urls: dict[str, str]) -> Metrics:
    """Load {prefix: path} URLs with the same client, interleaved; metrics per prefix."""
    assert ctx.server.proc is not None
    cfg = ctx.load
    print(
        f"  {cfg.concurrency} keep-alive clients; per URL {cfg.warmup:g}s warm-up + "
        f"{cfg.duration:g}s in {cfg.rounds} interleaved slices: {', '.join(urls.values())}",
        flush=True,
    )
    found = run_rounds(HOST, ctx.server.port, list(urls.values()), cfg, ctx.server.proc.pid)
    out: Metrics = {}
    for prefix, path in urls.items():
        r = found[path]
        out.update(load_metrics(prefix, r))
        if r.error_count:
            ctx.note(f"{prefix}: statuses {dict(r.statuses)} errors {dict(r.errors)}")
        if r.other_cpu_s > 0.2 * r.wall_s:
            ctx.note(
                f"{prefix}: other processes used {100 * r.other_cpu_s / r.wall_s:.0f}% of a core "
                "meanwhile; absolute figures are noisy (the ratio less so)"
            )
    return out


THROUGHPUT_URLS = {"minimal_view": MINIMAL, **PUBLIC_PAGES}


@scenario(
    "throughput",
    targets=[
        Target("public_to_minimal_ratio", ">=", 0.5),
        *(Target(f"{p}.errors", "==", 0) for p in THROUGHPUT_URLS),
    ],
)
def throughput(ctx: Context) -> Metrics:
    """Public meeting page (en, km) vs /healthz/, the minimal Django view: req/s, latency."""
    out = measure(ctx, THROUGHPUT_URLS)
    ceiling = out["minimal_view.rps"].value
    ratios = {p: out[f"{p}.rps"].value / ceiling if ceiling else 0.0 for p in PUBLIC_PAGES}
    for prefix, ratio in ratios.items():
        out[f"{prefix}.ratio_to_minimal"] = Metric(round(ratio, 3), "ratio")
    out["public_to_minimal_ratio"] = Metric(round(min(ratios.values()), 3), "ratio (worst)")
    return out


FIRST_VISIT = {
    "first_visit": PUBLIC_PAGES["public_page_en"],
    "first_visit_km": PUBLIC_PAGES["public_page_km"],
}


@scenario(
    "first_visit",
    targets=[
        t
        for p in FIRST_VISIT
        for t in (
            Target(f"{p}_bytes_gzip", "<", 40_000),
            Target(f"{p}_web_fonts", "==", 0),
            Target(f"{p}_foreign_assets", "==", 0),
            Target(f"{p}_failed_fetches", "==", 0),
        )
    ],
)
def first_visit_transfer(ctx: Context) -> Metrics:
    """Bytes a cold, cookieless browser downloads (gzip) for the public page, en and km."""
    out: Metrics = {}
    for prefix, path in FIRST_VISIT.items():
        visit = first_visit(ctx.server.base_url + path)
        for f in visit.fetched:
            shown = f.url.removeprefix(ctx.server.base_url)
            ctx.note(f"{f.status} {f.kind:<10} {f.encoding or '-':<5} {f.wire_bytes:>7} B  {shown}")
        out |= {
            f"{prefix}_bytes_gzip": Metric(visit.total_bytes, "bytes"),
            f"{prefix}_requests": Metric(len(visit.fetched), "requests"),
            f"{prefix}_web_fonts": Metric(len(visit.fonts), "files"),
            f"{prefix}_foreign_assets": Metric(len(visit.foreign), "files"),
            f"{prefix}_failed_fetches": Metric(len(visit.failed), "requests"),
        }
    return out


# Calls Django's WSGI handler directly (not the test client, which keeps the database
# connection open between requests) so the figures include per-request connection handling.
QUERY_PROBE = textwrap.dedent("""
    import io, json, statistics, sys, time
    from collections import Counter
    import django
    django.setup()
    from django.core.cache import cache
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection

    app = WSGIHandler()

    def run(path, uncached):
        if uncached:
            cache.clear()
        environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "",
                   "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1",
                   "HTTP_ACCEPT_ENCODING": "gzip", "wsgi.input": io.BytesIO(),
                   "wsgi.url_scheme": "http"}
        status, sql = [], []
        def spy(execute, query, params, many, context):
            sql.append(query)
            return execute(query, params, many, context)
        with connection.execute_wrapper(spy):
            t = time.perf_counter()
            response = app(environ, lambda s, h, e=None: status.append(int(s[:3])))
            b"".join(response)
            response.close()
            ms = (time.perf_counter() - t) * 1000
        return status[0], ms, sql

    out = {}
    for path in sys.argv[1:]:
        run(path, False)  # load templates and translations once
        for label, uncached in (("uncached", True), ("cached", False)):
            runs = [run(path, uncached) for _ in range(21)]
            status, _, sql = runs[-1]
            out[f"{path} {label}"] = {
                "status": status, "queries": len(sql), "duplicates": len(sql) - len(set(sql)),
                "ms": statistics.median(r[1] for r in runs[1:]),
                "top": [[n, q[:160]] for q, n in Counter(sql).most_common(3) if n > 1]}
    print(json.dumps(out))
""")


@scenario("queries")
def queries(ctx: Context) -> Metrics:
    """SQL queries and in-process time per page, cache cleared and warm (no HTTP, no load)."""
    done = subprocess.run(
        [sys.executable, "-c", QUERY_PROBE, *THROUGHPUT_URLS.values()],
        env={**ctx.server.env(), "DJANGO_SETTINGS_MODULE": "sala.settings"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"query probe failed:\n{done.stderr[-3000:]}")
    found = json.loads(done.stdout.strip().splitlines()[-1])
    out: Metrics = {}
    for prefix, path in THROUGHPUT_URLS.items():
        for label in ("uncached", "cached"):
            r = found[f"{path} {label}"]
            if r["status"] != 200:
                ctx.note(f"{prefix} ({label}): in-process status {r['status']}")
            for n, sql in r["top"]:
                ctx.note(f"{prefix} ({label}): {n}x {sql}")
            out[f"{prefix}.queries_{label}"] = Metric(r["queries"], "queries")
            out[f"{prefix}.duplicate_queries_{label}"] = Metric(r["duplicates"], "queries")
            out[f"{prefix}.app_ms_{label}"] = Metric(round(r["ms"], 2), "ms (in-process)")
    return out


# A national consultation's consolidation, in-process: inputs made with the ORM, then timed in a
# fresh process (so its peak memory is the work's, not the data generation's). The inputs are
# those of tests/core/test_nearduplicates.py: 30% edited copies of campaign texts, en and km.
CONSOLIDATION_INPUTS = 100_000
CONSOLIDATION_DB = "sala_bench_consolidation"  # on PostgreSQL: created, then dropped
CONSOLIDATION_PROBE = textwrap.dedent("""
    import json, random, resource, sys, time
    sys.path.insert(0, ".")  # tests/ holds the generator
    import django
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    action, name = sys.argv[1], sys.argv[2]
    postgres = connection.vendor == "postgresql"

    def setup(count):
        from sala.laws.models import Article, DraftVersion, Law
        from sala.meetings.models import Consultation
        from sala.participation.models import Concern, Input
        from sala.people.models import Organisation
        from tests.core.test_nearduplicates import generate_inputs

        if postgres:
            settings.DATABASES["default"]["TEST"]["NAME"] = name
            connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        else:
            call_command("migrate", verbosity=0)
        law = Law.objects.create(slug="bench-law", title_en="Bench law")
        draft = DraftVersion.objects.create(law=law, label="Bench draft", language="en", status="published")
        articles = Article.objects.bulk_create(
            Article(draft=draft, position=n, number=str(n + 1), heading=f"Article {n + 1}") for n in range(15)
        )
        consultation = Consultation.objects.create(slug="bench-consultation", law=law, draft=draft)
        organisations = Organisation.objects.bulk_create(Organisation(name_en=f"Org {n}") for n in range(300))
        texts, labels = generate_inputs(count)
        rng = random.Random(11)
        # Campaigns n and n + 4 (English, Khmer) are on articles 12, 13, 5 and 7.
        campaigns = [(articles[11], "expression"), (articles[12], "expression"),
                     (articles[4], "powers"), (articles[6], "privacy")]

        def place(label):
            if label is None:
                return rng.choice([None, *articles]), rng.choice(Concern.values)
            return campaigns[label % 4]

        Input.objects.bulk_create(
            (
                Input(consultation=consultation, draft=draft, article=article, concern=concern, comment=text,
                      organisation=rng.choice([None, *organisations]))
                for text, (article, concern) in ((t, place(label)) for t, label in zip(texts, labels))
            ),
            batch_size=5000,
        )
        print(json.dumps({"inputs": Input.objects.count()}))

    def measure():
        from sala.advocacy import queries
        from sala.advocacy.services import group_inputs
        from sala.meetings.models import Consultation

        consultation = Consultation.objects.get(slug="bench-consultation")
        started = time.perf_counter()
        groups = group_inputs(consultation=consultation)
        grouped = time.perf_counter()
        matrix = queries.consolidation_matrix(consultation)
        queries.near_duplicate_groups(consultation)
        queries.disposition_progress(consultation)
        done = time.perf_counter()
        print(json.dumps({
            "group_s": grouped - started, "matrix_s": done - grouped, "groups": groups,
            "inputs": matrix.total.inputs,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,  # Linux: KiB
        }))

    def teardown():
        old = connection.settings_dict["NAME"]
        connection.settings_dict["NAME"] = name
        connection.creation.destroy_test_db(old, verbosity=0)

    {"setup": lambda: setup(int(sys.argv[3])), "measure": measure, "teardown": teardown}[action]()
""")


def consolidation_database(ctx: Context) -> tuple[dict[str, str], dict[str, str], str]:
    """Environments to create the data in and to measure it in, and what the database is.

    PostgreSQL when DATABASE_URL points to it (a database of its own, dropped afterwards),
    else a SQLite file in the bench's throw-away data directory.
    """
    env = {**ctx.server.env(), "DJANGO_SETTINGS_MODULE": "sala.settings"}
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        bench_url = urlsplit(url)._replace(path=f"/{CONSOLIDATION_DB}").geturl()
        return {**env, "DATABASE_URL": url}, {**env, "DATABASE_URL": bench_url}, "PostgreSQL"
    sqlite = {**env, "DATABASE_URL": f"sqlite:///{ctx.server.data_dir / 'consolidation.sqlite3'}"}
    return sqlite, sqlite, "SQLite"


def consolidation_step(env: dict[str, str], action: str, *args: str) -> dict:
    """Run one step of the probe in its own process; what it printed last, as JSON."""
    done = subprocess.run(
        [sys.executable, "-c", CONSOLIDATION_PROBE, action, CONSOLIDATION_DB, *args],
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"consolidation {action} failed:\n{done.stderr[-3000:]}")
    lines = done.stdout.strip().splitlines()
    return json.loads(lines[-1]) if lines else {}


@scenario(
    "consolidation-100k",
    targets=[
        Target("consolidation_100k.seconds", "<", 10),
        Target("consolidation_100k.peak_rss_mb", "<", 1024),
    ],
)
def consolidation_100k(ctx: Context) -> Metrics:
    """Group 100,000 inputs (30% campaign copies, en and km) and build the matrix: s, peak RSS."""
    setup_env, bench_env, database = consolidation_database(ctx)
    try:
        made = consolidation_step(setup_env, "setup", str(CONSOLIDATION_INPUTS))
        ctx.note(f"{made['inputs']:,} inputs on {database}")
        found = consolidation_step(bench_env, "measure")
    finally:
        if database == "PostgreSQL":
            consolidation_step(setup_env, "teardown")
    ctx.note(
        f"group_inputs {found['group_s']:.2f} s ({found['groups']} groups), "
        f"matrix, groups and progress {found['matrix_s']:.2f} s"
    )
    return {
        "consolidation_100k.seconds": Metric(round(found["group_s"] + found["matrix_s"], 2), "s"),
        "consolidation_100k.group_s": Metric(round(found["group_s"], 2), "s"),
        "consolidation_100k.matrix_s": Metric(round(found["matrix_s"], 2), "s"),
        "consolidation_100k.peak_rss_mb": Metric(round(found["peak_rss_mb"]), "MB"),
        "consolidation_100k.groups": Metric(found["groups"], "groups"),
        "consolidation_100k.inputs": Metric(found["inputs"], "inputs"),
    }


# The live meeting: 300 phones on the Q&A of Session 1 while questions and upvotes arrive, on
# gunicorn over PostgreSQL (a database of its own, dropped afterwards) and Redis when reachable.
LIVE_DB = "sala_bench_live"
LIVE_PARTICIPANTS = 300
LIVE_PROBE = textwrap.dedent("""
    import json, sys
    import django
    django.setup()
    from sala.attendance.models import Invitation
    from sala.meetings.models import Meeting
    from sala.participation.models import QuestionBoard
    from sala.people.models import Person

    meeting = Meeting.objects.get(slug=sys.argv[1])
    wanted = int(sys.argv[2])
    missing = wanted - Invitation.objects.filter(meeting=meeting).count()
    people = Person.objects.bulk_create(Person(name_en=f"Bench participant {n}") for n in range(missing))
    Invitation.objects.bulk_create(Invitation(meeting=meeting, person=p, category="cso") for p in people)
    item = meeting.agenda_items.filter(kind="session").order_by("starts_at").first()
    board, _ = QuestionBoard.objects.get_or_create(item=item)
    QuestionBoard.objects.filter(pk=board.pk).update(pre_moderation=True)  # a sensitive law
    from django.db import connection
    if connection.vendor == "postgresql":  # the steady state of a server in use, not of one just
        connection.cursor().execute("VACUUM ANALYZE")  # made: statistics fresh, the set-up's
        connection.cursor().execute("CHECKPOINT")  # writes on disk, so no background pass mid-run
    print(json.dumps({
        "item": item.pk,
        "tokens": list(Invitation.objects.filter(meeting=meeting).values_list("token", flat=True)[:wanted]),
        "approved": list(board.questions.filter(status="approved").values_list("pk", flat=True)),
        "facilitator": item.facilitators.order_by("pk").first().token,
    }))
""")


def postgres_admin_url() -> str | None:
    """The machine's PostgreSQL (DATABASE_URL if it points to one), if it answers."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = "postgres://postgres@127.0.0.1:5432/postgres"
    try:
        import psycopg

        psycopg.connect(url, connect_timeout=3).close()
    except Exception:
        return None
    return url


def recreate_database(admin_url: str, name: str, drop_only: bool = False) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            conn.execute(
                f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
                "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
            )


def redis_url() -> str | None:
    """A Redis database for the run's shared cache (rate limits, versions), if one answers."""
    import socket

    try:
        socket.create_connection((HOST, 6379), timeout=2).close()
    except OSError:
        return None
    return os.environ.get("REDIS_URL") or f"redis://{HOST}:6379/7"


def live_metrics(kinds: dict, wall: float) -> Metrics:
    from bench.live import percentile

    every = [ms for k in kinds.values() for ms in k.latencies_ms]
    polls = kinds["poll"]
    answered = sum(polls.statuses.values())
    out: Metrics = {
        "live.requests": Metric(len(every), "requests"),
        "live.rps": Metric(round(len(every) / max(wall, 1e-9), 1), "req/s"),
        "live.p50_ms": Metric(round(percentile(every, 50), 2), "ms"),
        "live.p95_ms": Metric(round(percentile(every, 95), 2), "ms"),
        "live.p99_ms": Metric(round(percentile(every, 99), 2), "ms"),
        "live.errors": Metric(sum(k.error_count for k in kinds.values()), "requests"),
        "live.polls_304_share": Metric(round(100 * polls.statuses[304] / max(1, answered), 1), "%"),
    }
    for name, kind in kinds.items():
        out[f"live.{name}.requests"] = Metric(len(kind.latencies_ms), "requests")
        out[f"live.{name}.p95_ms"] = Metric(round(percentile(kind.latencies_ms, 95), 2), "ms")
    return out


@scenario(
    "live-meeting",
    targets=[
        Target("live.errors", "==", 0),
        Target("live.p95_ms", "<", 100),
        Target("live.polls_304_share", ">=", 80),
    ],
)
def live_meeting(ctx: Context) -> Metrics:
    """300 phones polling the Q&A every 3 s, 10 questions and 30 upvotes a second, for 60 s."""
    from bench.live import LiveConfig, LivePlan, run_live

    admin = postgres_admin_url()
    extra = {"SALA_QUESTION_LIMIT_PER_ADDRESS": "100000"}  # every phone comes from 127.0.0.1
    if admin:
        recreate_database(admin, LIVE_DB)
        extra["DATABASE_URL"] = urlsplit(admin)._replace(path=f"/{LIVE_DB}").geturl()
    else:
        ctx.note("PostgreSQL is not reachable: the live meeting runs on SQLite")
    if cache := redis_url():
        extra["REDIS_URL"] = cache
    try:
        with Server(gunicorn=ctx.server.gunicorn, extra_env=extra) as server:
            env = {**server.env(), "DJANGO_SETTINGS_MODULE": "sala.settings"}
            done = subprocess.run(
                [sys.executable, "-c", LIVE_PROBE, "cybercrime-law-2014", str(LIVE_PARTICIPANTS)],
                env=env, capture_output=True, text=True, timeout=600, check=False,
            )  # fmt: skip
            if done.returncode:
                raise RuntimeError(f"live setup failed:\n{done.stderr[-3000:]}")
            made = json.loads(done.stdout.strip().splitlines()[-1])
            item, facilitator = made["item"], made["facilitator"]
            plan = LivePlan(
                tokens=made["tokens"],
                page=f"/en/i/{{token}}/questions/{item}/",
                poll=f"/en/i/{{token}}/questions/{item}/live/",
                ask=f"/en/i/{{token}}/questions/{item}/",
                upvote=f"/en/i/{{token}}/questions/{item}/{{pk}}/upvote/",
                upvotable=made["approved"],
                moderate_page=f"/en/f/{facilitator}/session/",
                approve=f"/en/f/{facilitator}/questions/{{pk}}/approve/",
                pending_pattern=rf"/f/{facilitator}/questions/(\d+)/approve/",
            )
            cfg = LiveConfig()
            ctx.note(
                f"{len(plan.tokens)} phones polling every {cfg.poll_every:g} s, {cfg.questions_per_s:g} "
                f"questions and {cfg.upvotes_per_s:g} upvotes a second, an approval every "
                f"{cfg.approve_every:g} s, for {cfg.duration:g} s; "
                f"{'PostgreSQL' if admin else 'SQLite'}, {'Redis' if cache else 'per-process'} cache"
            )
            kinds, wall = run_live(HOST, server.port, plan, cfg)
            server.save_log(Path(__file__).resolve().parent / "out" / "gunicorn-live.log")
    finally:
        if admin:
            recreate_database(admin, LIVE_DB, drop_only=True)
    for name, kind in kinds.items():
        if kind.error_count:
            ctx.note(f"{name}: statuses {dict(kind.statuses)} errors {dict(kind.errors)}")
    return live_metrics(kinds, wall)


import bench.report  # noqa: E402, F401  (registers the "report" scenario)
