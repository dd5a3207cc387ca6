"""A new version of the draft keeps the inputs on the matching (renumbered) articles, and lists
those it could not place until an organiser places them by hand."""

import pytest

from sala.core.errors import DomainError
from sala.core.models import AuditEntry
from sala.laws.models import DraftVersion
from sala.participation import services
from sala.participation.models import Input
from tests.factories import LawFactory

from .conftest import ARTICLES, make_draft

pytestmark = pytest.mark.django_db

INSERTED = (
    "Competent authority",
    "3",
    "Oversight",
    "A parliamentary commission shall oversee the Committee and report every year.",
)


def renumbered(rows):
    return [(chapter, str(n), heading, text) for n, (chapter, _, heading, text) in enumerate(rows, start=1)]


@pytest.fixture
def second_version(consultation):
    """Version 2: an article inserted after article 2, and article 5 (false information) deleted."""
    rows = renumbered([*ARTICLES[:2], INSERTED, *ARTICLES[2:4]])
    return make_draft(consultation.law, rows, label="Version 2")


@pytest.fixture
def given(consultation, articles, inputs_organiser):
    def typed(article, comment):
        return services.give_input(
            consultation=consultation,
            article=article,
            concern="expression",
            comment=comment,
            channel="paper",
            anonymous=True,
            entered_by=inputs_organiser,
        )

    return {
        "on 1": typed(articles["1"], "on purpose"),
        "on 3": typed(articles["3"], "on the committee"),
        "on 4": typed(articles["4"], "on content"),
        "on 5": typed(articles["5"], "on false information"),
        "whole": typed(None, "on the whole text"),
    }


def article_of(given: Input) -> tuple:
    given.refresh_from_db()
    return (given.draft.label, given.article.number if given.article else None, given.unplaced)


def test_inputs_follow_their_articles_to_the_new_numbers(
    consultation, second_version, given, inputs_organiser
):
    report = services.switch_draft(
        consultation=consultation, new_draft=second_version, actor=inputs_organiser
    )
    assert article_of(given["on 1"]) == ("Version 2", "1", False)
    assert article_of(given["on 3"]) == ("Version 2", "4", False)  # renumbered by the insertion
    assert article_of(given["on 4"]) == ("Version 2", "5", False)
    assert article_of(given["whole"]) == ("Version 2", None, False)
    assert article_of(given["on 5"]) == ("Version 1", "5", True)  # deleted: kept where it was, flagged
    assert (report.moved, report.whole_text, report.unplaced) == (3, 1, 1)
    assert [(a.number, n) for a, n in report.lost] == [("5", 1)]
    consultation.refresh_from_db()
    assert consultation.draft == second_version
    entry = AuditEntry.objects.get(action="input.draft_switched")
    assert entry.data == {"from": "Version 1", "to": "Version 2", "moved": 3, "whole_text": 1, "unplaced": 1}


def test_the_plan_is_the_report_and_changes_nothing(consultation, second_version, given):
    plan = services.plan_switch(consultation=consultation, new_draft=second_version)
    assert (plan.moved, plan.whole_text, plan.unplaced) == (3, 1, 1)
    assert not Input.objects.exclude(draft=consultation.draft).exists()


def test_an_unplaced_input_is_placed_by_hand(consultation, second_version, given, inputs_organiser):
    services.switch_draft(consultation=consultation, new_draft=second_version, actor=inputs_organiser)
    target = second_version.articles.get(number="3")
    services.place_input(input=given["on 5"], article=target, actor=inputs_organiser)
    assert article_of(given["on 5"]) == ("Version 2", "3", False)
    with pytest.raises(DomainError):
        services.place_input(input=given["on 5"], article=consultation.draft.articles.first(), actor=None)


def test_switching_again_gives_unplaced_inputs_another_chance(
    consultation, second_version, given, inputs_organiser
):
    services.switch_draft(consultation=consultation, new_draft=second_version, actor=inputs_organiser)
    third = make_draft(
        consultation.law, renumbered([*ARTICLES[:2], INSERTED, *ARTICLES[2:]]), label="Version 3"
    )
    report = services.switch_draft(consultation=consultation, new_draft=third, actor=inputs_organiser)
    assert article_of(given["on 5"]) == ("Version 3", "6", False)  # back in the text
    assert (report.moved, report.whole_text, report.unplaced) == (4, 1, 0)


def test_only_a_published_version_of_the_same_law(consultation, inputs_organiser):
    preview = make_draft(consultation.law, label="Preview", status=DraftVersion.Status.PREVIEW)
    other_law = make_draft(LawFactory(), label="Other")
    for draft, code in [
        (preview, "input.draft_not_published"),
        (other_law, "input.draft_other_law"),
        (consultation.draft, "input.draft_unchanged"),
    ]:
        with pytest.raises(DomainError) as error:
            services.switch_draft(consultation=consultation, new_draft=draft, actor=inputs_organiser)
        assert error.value.code == code


def test_a_first_version_is_chosen_the_same_way(meeting):
    consultation = meeting.consultation
    assert consultation.draft is None
    first = make_draft(consultation.law)
    report = services.switch_draft(consultation=consultation, new_draft=first, actor=None)
    assert (report.moved, report.unplaced) == (0, 0)
    consultation.refresh_from_db()
    assert consultation.draft == first
