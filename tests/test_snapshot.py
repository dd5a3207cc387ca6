"""The demo copied into a test (tests/snapshot.py) is the demo a real load makes."""

import pytest
from django.db import transaction

from sala.demo.loader import load_demo
from sala.meetings.models import Meeting
from sala.people.models import Organisation

from . import snapshot
from .factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def rows_per_table() -> dict[str, int]:
    return {m._meta.label: m._base_manager.count() for m in snapshot._tables()}


def after(make) -> tuple[dict[str, int], str]:
    with transaction.atomic():
        meeting = make()
        seen = rows_per_table(), meeting.slug
        transaction.set_rollback(True)
    return seen


def test_a_copy_has_the_rows_of_a_real_load(demo_copy):
    copied, slug = after(lambda: snapshot.restore(demo_copy))
    loaded, real_slug = after(lambda: load_demo(with_inputs=False))
    assert copied == loaded and slug == real_slug == "cybercrime-law-2014"
    assert copied["meetings.Meeting"] == 1 and copied["attendance.CheckIn"] > 50


def test_a_taken_key_means_nothing_is_copied(demo_copy):
    model, pk = demo_copy.result
    assert model is Meeting and pk >= snapshot.FLOOR
    (organisations,) = [rows for model, rows in demo_copy.rows if model is Organisation]
    OrganisationFactory(pk=organisations[-1]["id"])
    before = rows_per_table()
    assert snapshot.restore(demo_copy) is None and rows_per_table() == before
