"""The law tracker's demo: the fast-tracked laws and the Cybercrime Law's history, loaded once."""

from datetime import date

import pytest

from sala.core.models import AuditEntry
from sala.demo.laws_loader import load_laws
from sala.laws.models import Analysis, Law, LawStage

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(Law.objects.values_list("slug", "updated_at")),
        list(LawStage.objects.values_list("pk", "date")),
        Analysis.objects.count(),
        AuditEntry.objects.count(),
    )


def test_the_demo_loads_the_fast_tracked_laws_and_the_cybercrime_history(organiser):
    load_laws(organiser)
    assert Law.objects.filter(fast_tracked=True).count() == 8
    assert all(
        law.title_en and law.title_km and law.summary_en and law.summary_km for law in Law.objects.all()
    )
    law = Law.objects.get(slug="cybercrime-law")
    assert (law.public_consultation, law.sensitivity, law.ministry_en) == (
        "no",
        "high",
        "Ministry of Interior",
    )
    stages = list(law.stages.all())
    assert (stages[0].date, stages[0].precision) == (date(2010, 1, 1), "year")
    assert (stages[1].date, stages[1].precision) == (date(2012, 5, 1), "month")
    assert all(s.note_en and s.note_km and s.source_url and s.source_title for s in stages)
    assert "withdrawn" in {s.stage for s in stages} and stages[-1].stage == "ministry"
    assert law.analyses.count() == 4
    assert AuditEntry.objects.filter(scope=f"laws.law:{law.pk}", action="law.stage_added").count() == len(
        stages
    )


def test_loading_twice_changes_nothing_and_keeps_organisers_edits(organiser):
    load_laws(organiser)
    Law.objects.filter(slug="cybercrime-law").update(sensitivity="medium")
    before = snapshot()
    load_laws(organiser)
    assert snapshot() == before
    assert Law.objects.get(slug="cybercrime-law").sensitivity == "medium"
