"""The `report` scenario: build and render the demo meeting's report as PDF and Word, en and km.

Timed in a fresh process on the bench's throw-away Sala (the demo loaded by `sala load_demo`),
as an organiser's download costs it in a running server: one untimed build and render per
format and language first (WeasyPrint's fonts, khmer-nltk's model), then the median of a few.
The first, cold figures are noted too. Registered by importing this module from
bench/scenarios.py; `python -m bench.report` runs the probe alone on $SALA_DATA_DIR.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from bench.scenarios import Context, Metric, Metrics, Target, scenario

ROOT = Path(__file__).resolve().parent.parent
SLUG = "cybercrime-law-2014"
FORMATS = ("pdf", "docx")
LANGUAGES = ("en", "km")
TARGET_SECONDS = 3.0

REPORT_PROBE = textwrap.dedent("""
    import json, statistics, sys, time
    import django
    django.setup()
    from sala.meetings.models import Meeting
    from sala.reports.data import build_report
    from sala.reports.docx import report_docx
    from sala.reports.pdf import report_pdf

    slug, runs = sys.argv[1], int(sys.argv[2])
    meeting = Meeting.objects.get(slug=slug)
    render = {"pdf": report_pdf, "docx": report_docx}
    out = {}

    def once(kind, lang):
        started = time.perf_counter()
        body = render[kind](build_report(meeting, lang))
        return time.perf_counter() - started, len(body)

    for kind in render:
        for lang in ("en", "km"):
            cold, size = once(kind, lang)
            warm = [once(kind, lang)[0] for _ in range(runs)]
            out[f"{kind}_{lang}"] = {"cold_s": cold, "s": statistics.median(warm), "bytes": size}
    print(json.dumps(out))
""")


def report_seconds(env: dict[str, str], runs: int = 3) -> dict[str, dict[str, float]]:
    """{"pdf_km": {"s": median seconds, "cold_s": the first run's, "bytes": size}, ...}."""
    done = subprocess.run(
        [sys.executable, "-c", REPORT_PROBE, SLUG, str(runs)],
        env={**env, "DJANGO_SETTINGS_MODULE": "sala.settings"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"report probe failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


@scenario(
    "report",
    targets=[Target(f"report.{k}_{lang}_s", "<", TARGET_SECONDS) for k in FORMATS for lang in LANGUAGES],
)
def report(ctx: Context) -> Metrics:
    """The demo meeting's report built and rendered, PDF and Word, en and km: seconds each."""
    found = report_seconds(ctx.server.env())
    out: Metrics = {}
    for name, figures in found.items():
        ctx.note(f"{name}: cold {figures['cold_s']:.2f} s, {figures['bytes']:,} bytes")
        out[f"report.{name}_s"] = Metric(round(figures["s"], 2), "s")
        out[f"report.{name}_cold_s"] = Metric(round(figures["cold_s"], 2), "s")
    return out


if __name__ == "__main__":
    print(json.dumps(report_seconds(dict(os.environ)), indent=2))
