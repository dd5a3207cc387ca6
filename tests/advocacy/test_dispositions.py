"""Dispositions: a reason for what is not integrated, whole groups at once, merges that hold."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sala.advocacy.models import Disposition
from sala.advocacy.services import decide_inputs, save_finding
from sala.core.errors import DomainError
from sala.core.models import AuditEntry
from sala.participation.services.inputs import withdraw_input

from .conftest import add_input, article

pytestmark = pytest.mark.django_db


def status_of(input) -> tuple:
    d = Disposition.objects.filter(input=input).first()
    return (d.status, d.merged_into_id) if d else None


@pytest.fixture
def group(consultation):
    """Three near-copies on article 12 and one on article 13 (the same group id)."""
    a12, a13 = article(consultation, "12"), article(consultation, "13")
    members = [add_input(consultation, article=a12) for _ in range(3)] + [
        add_input(consultation, article=a13)
    ]
    for member in members:
        member.group = members[0].pk
        member.save()
    return members


@pytest.mark.parametrize("reason", [{}, {"reason_en": "  "}])
def test_not_integrated_needs_a_reason(consultation, organiser, reason):
    given = add_input(consultation)
    with pytest.raises(DomainError) as error:
        decide_inputs(input=given, actor=organiser, status="not_integrated", **reason)
    assert error.value.code == "disposition.reason_required"
    assert not Disposition.objects.exists()


def test_a_reason_in_khmer_only_is_enough(consultation, organiser):
    given = add_input(consultation)
    decide_inputs(input=given, actor=organiser, status="not_integrated", reason_km="ក្រៅវិសាលភាព")
    assert Disposition.objects.get(input=given).reason == "ក្រៅវិសាលភាព"


@pytest.mark.parametrize(
    ("target", "code"),
    [
        (None, "disposition.merged_into_required"),
        (999_999, "disposition.merged_into_unknown"),
        ("self", "disposition.merged_into_itself"),
    ],
)
def test_a_merge_names_another_input_of_the_consultation(consultation, organiser, target, code):
    given = add_input(consultation)
    with pytest.raises(DomainError) as error:
        decide_inputs(
            input=given,
            actor=organiser,
            status="merged",
            merged_into=given.pk if target == "self" else target,
        )
    assert error.value.code == code


def test_the_group_is_decided_at_once_on_its_article_only(consultation, organiser, group):
    decided = decide_inputs(
        input=group[0], actor=organiser, status="not_integrated", reason_en="Already law.", whole_group=True
    )
    assert decided == [g.pk for g in group[:3]]
    assert [status_of(g) for g in group] == [("not_integrated", None)] * 3 + [None]
    assert Disposition.objects.get(input=group[1]).reason_en == "Already law."
    assert Disposition.objects.get(input=group[0]).decided_by == organiser
    entry = AuditEntry.objects.get(action="disposition.decided")
    assert entry.data["count"] == 3 and entry.data["status"] == "not_integrated"
    assert entry.scope == f"meetings.consultation:{consultation.pk}"


def test_a_group_merged_into_its_first_copy_leaves_that_one_as_it_was(consultation, organiser, group):
    """The demo's campaign: the first copy integrated, the other copies merged into it."""
    decide_inputs(input=group[0], actor=organiser, status="integrated")
    decided = decide_inputs(
        input=group[0], actor=organiser, status="merged", merged_into=group[0].pk, whole_group=True
    )
    assert decided == [group[1].pk, group[2].pk]
    assert [status_of(g) for g in group] == [
        ("integrated", None),
        ("merged", group[0].pk),
        ("merged", group[0].pk),
        None,
    ]


def test_deciding_again_replaces_the_decision(consultation, organiser):
    given, target = add_input(consultation), add_input(consultation)
    decide_inputs(input=given, actor=organiser, status="not_integrated", reason_en="No.")
    decide_inputs(input=given, actor=organiser, status="merged", merged_into=target.pk, reason_en="ignored")
    disposition = Disposition.objects.get(input=given)
    assert (disposition.status, disposition.merged_into, disposition.reason_en) == ("merged", target, "")
    decide_inputs(input=given, actor=organiser, status="integrated")
    assert status_of(given) == ("integrated", None)
    assert Disposition.objects.count() == 1


def test_merges_point_at_an_input_that_is_not_merged(consultation, organiser):
    a, b, c = (add_input(consultation) for _ in range(3))
    decide_inputs(input=b, actor=organiser, status="merged", merged_into=a.pk)
    decide_inputs(input=c, actor=organiser, status="merged", merged_into=b.pk)  # follows b to a
    assert status_of(c) == ("merged", a.pk)
    with pytest.raises(DomainError) as error:  # c leads back to a itself
        decide_inputs(input=a, actor=organiser, status="merged", merged_into=c.pk)
    assert error.value.code == "disposition.merged_into_itself"


def test_inputs_merged_into_one_follow_it_when_it_is_merged(consultation, organiser):
    a, b, c = (add_input(consultation) for _ in range(3))
    decide_inputs(input=b, actor=organiser, status="merged", merged_into=a.pk)
    decide_inputs(input=a, actor=organiser, status="merged", merged_into=c.pk)
    assert status_of(b) == ("merged", c.pk) and status_of(a) == ("merged", c.pk)


def test_withdrawing_an_input_undecides_those_merged_into_it(consultation, organiser, people):
    target = add_input(consultation, author=people["named"])
    follower = add_input(consultation)
    decide_inputs(input=follower, actor=organiser, status="merged", merged_into=target.pk)
    consultation.inputs_open_from = timezone.now() - timedelta(days=1)
    consultation.save()
    withdraw_input(input=target, author=people["named"])
    assert status_of(follower) is None


def test_findings_belong_to_articles_of_the_draft(consultation, organiser):
    from .conftest import make_draft

    other = make_draft(consultation.law, label="Another").articles.first()
    with pytest.raises(DomainError) as error:
        save_finding(consultation=consultation, article=other, actor=organiser, finding_en="x")
    assert error.value.code == "finding.not_in_draft"
