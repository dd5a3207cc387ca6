"""`make bench`: start a throw-away Sala under gunicorn and run the benchmark scenarios.

    .venv/bin/python bench/run.py                 # every scenario
    .venv/bin/python bench/run.py first_visit     # just one (plus what it needs)
    .venv/bin/python bench/run.py --list

Prints a table with PASS/MISS per target and writes bench/results.json. Exits 0 even when
a target is missed; non-zero only when the harness itself (or the app's setup) failed.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make `bench` importable
    sys.path.insert(0, str(ROOT))

from bench.load import LoadConfig  # noqa: E402
from bench.scenarios import SCENARIOS, Context, Metrics, resolve  # noqa: E402
from bench.server import GunicornConfig, Server  # noqa: E402

RESULTS = ROOT / "bench" / "results.json"


def parse_args(argv: list[str]) -> argparse.Namespace:
    d, g = LoadConfig(), GunicornConfig()
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("scenarios", nargs="*", metavar="scenario", help="default: all")
    p.add_argument("--list", action="store_true", help="list scenarios and exit")
    p.add_argument("--concurrency", type=int, default=d.concurrency)
    p.add_argument("--duration", type=float, default=d.duration, help="measured seconds per URL")
    p.add_argument("--warmup", type=float, default=d.warmup)
    p.add_argument("--max-requests", type=int, default=d.max_requests, help="hard cap per URL")
    p.add_argument("--rounds", type=int, default=d.rounds, help="interleaved slices per URL")
    p.add_argument("--client-processes", type=int, default=d.processes)
    p.add_argument("--workers", type=int, default=g.workers)
    p.add_argument("--worker-class", default=g.worker_class)
    p.add_argument("--threads", type=int, default=g.threads)
    p.add_argument("--keep-data", action="store_true", help="keep the temporary data dir")
    p.add_argument("--json", type=Path, default=RESULTS, help=f"default: {RESULTS}")
    args = p.parse_args(argv)
    unknown = [s for s in args.scenarios if s not in SCENARIOS]
    if unknown:
        p.error(f"unknown scenario(s) {unknown}; known: {list(SCENARIOS)}")
    if not 0 < args.duration <= 120 or not 0 <= args.warmup <= 30:
        p.error("keep --duration in (0, 120] and --warmup in [0, 30]: loads must stay bounded")
    if not 0 < args.concurrency <= 256 or not 0 < args.max_requests <= 1_000_000:
        p.error("keep --concurrency in (0, 256] and --max-requests in (0, 1000000]")
    if not 1 <= args.rounds <= 50 or not 1 <= args.client_processes <= 4:
        p.error("keep --rounds in [1, 50] and --client-processes in [1, 4]")
    return args


def report(results: Metrics, names: list[str]) -> list[str]:
    """The table, one row per metric, with PASS/MISS where a target applies."""
    targets = {t.metric: t for name in names for t in SCENARIOS[name].targets}
    rows = [("metric", "value", "unit", "target", "")]
    for metric, m in results.items():
        t = targets.get(metric)
        verdict = "" if t is None else ("PASS" if t.check(m.value) else "MISS")
        rows.append((metric, f"{m.value:,.6g}", m.unit, str(t or ""), verdict))
    for metric, t in targets.items():
        if metric not in results:
            rows.append((metric, "-", "", str(t), "MISS"))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = [
        "  ".join(
            c.ljust(w) if i != 1 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
        ).rstrip()
        for r in rows
    ]
    lines.insert(1, "-" * len(lines[0]))
    return lines


def interrupt(*_: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.list:
        for s in SCENARIOS.values():
            print(f"{s.name:<14} {s.doc}")
        return 0
    plan = resolve(args.scenarios or list(SCENARIOS))
    load = LoadConfig(
        concurrency=args.concurrency,
        duration=args.duration,
        warmup=args.warmup,
        max_requests=args.max_requests,
        processes=args.client_processes,
        rounds=args.rounds,
    )
    gunicorn = GunicornConfig(workers=args.workers, worker_class=args.worker_class, threads=args.threads)
    # SIGTERM (e.g. from make or CI) unwinds like Ctrl-C, so `with Server` stops gunicorn.
    signal.signal(signal.SIGTERM, interrupt)
    failed: list[str] = []
    print(
        f"gunicorn: {gunicorn.workers} x {gunicorn.worker_class}, {gunicorn.threads} threads;"
        f" scenarios: {', '.join(s.name for s in plan)}",
        flush=True,
    )
    with Server(gunicorn=gunicorn, keep_data=args.keep_data) as server:
        ctx = Context(server=server, load=load)
        for s in plan:
            print(f"\n== {s.name}: {s.doc}", flush=True)
            if any(dep in failed for dep in s.needs):
                failed.append(s.name)
                print("  skipped: a scenario it needs failed", flush=True)
                continue
            try:
                ctx.results.update(s.run(ctx))
            except Exception:
                failed.append(s.name)
                traceback.print_exc()
        server.save_log(ROOT / "bench" / "out" / "gunicorn.log")
    table = report(ctx.results, [s.name for s in plan])
    verdicts = [line.rsplit(" ", 1)[-1] for line in table if line.endswith(("PASS", "MISS"))]
    print("\n" + "\n".join(table))
    print(f"\ntargets: {verdicts.count('PASS')} PASS, {verdicts.count('MISS')} MISS")
    args.json.write_text(
        json.dumps({k: {"value": m.value, "unit": m.unit} for k, m in ctx.results.items()}, indent=2) + "\n"
    )
    print(f"\nwrote {args.json}")
    if failed:
        print(f"harness error in: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        print("\ninterrupted; gunicorn stopped", file=sys.stderr)
        sys.exit(130)
