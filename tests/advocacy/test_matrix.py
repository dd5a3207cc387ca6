"""The consolidation matrix, the groups and the progress of dispositions, counted by the database."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sala.advocacy import queries
from sala.advocacy.queries import Tally
from sala.advocacy.services import decide_inputs
from sala.participation.models import Concern
from tests.factories import ConsultationFactory

from .conftest import add_input, article, make_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def inputs(consultation, organisations):
    """On article 12: 3 on expression from 2 organisations (and one anonymous without any),
    1 on penalties; on the whole text: 1; on an article of an earlier draft: 1."""
    cchr, cja, odc = organisations
    a12 = article(consultation, "12")
    made = [
        add_input(consultation, article=a12, concern="expression", organisation=cchr),
        add_input(consultation, article=a12, concern="expression", organisation=cchr),
        add_input(consultation, article=a12, concern="expression", organisation=cja),
        add_input(consultation, article=a12, concern="expression"),
        add_input(consultation, article=a12, concern="penalties", organisation=odc),
        add_input(consultation, concern="due_process", organisation=odc),
    ]
    old = make_draft(consultation.law, label="Draft V.2")
    made.append(
        add_input(consultation, article=old.articles.get(number="5"), concern="powers", organisation=cja)
    )
    return made


def row(matrix, key: str):
    return next(r for r in matrix.rows if r.place.key == key)


def cell(matrix, key: str, concern: str) -> Tally:
    return next(c.tally for c in row(matrix, key).cells if c.concern == concern)


def test_cells_count_inputs_and_distinct_organisations(consultation, inputs):
    matrix = queries.consolidation_matrix(consultation)
    a12 = str(article(consultation, "12").pk)

    assert [r.place.label for r in matrix.rows] == [
        "The text as a whole",
        "Article 5: Powers of the Committee",
        "Article 7: Collection of traffic data",
        "Article 12: Content offences",
        "Article 13: False information",
        "Articles of an earlier draft",
    ]
    assert [label for _value, label in matrix.concerns] == [str(label) for label in Concern.labels]
    assert cell(matrix, a12, "expression") == Tally(inputs=4, organisations=2)
    assert cell(matrix, a12, "penalties") == Tally(inputs=1, organisations=1)
    assert cell(matrix, a12, "privacy") == Tally()
    assert row(matrix, a12).total == Tally(inputs=5, organisations=3)
    assert row(matrix, "text").total == Tally(inputs=1, organisations=1)
    assert cell(matrix, "other", "powers") == Tally(inputs=1, organisations=1)
    assert row(matrix, str(article(consultation, "5").pk)).total == Tally()
    expression = matrix.column_totals[Concern.values.index("expression")]
    assert expression == Tally(inputs=4, organisations=2)
    assert matrix.total == Tally(inputs=7, organisations=3)


def test_the_earlier_draft_row_shows_only_when_inputs_sit_there(consultation, organisations):
    add_input(consultation, article=article(consultation, "13"))
    assert [r.place.key for r in queries.consolidation_matrix(consultation).rows][-1] != "other"


def test_a_consultation_without_a_draft_has_the_whole_text_row(organisations):
    bare = ConsultationFactory()
    matrix = queries.consolidation_matrix(bare)
    assert [r.place.key for r in matrix.rows] == ["text"] and matrix.total == Tally()


def test_the_matrix_takes_five_queries_whatever_the_size(consultation, inputs):
    with CaptureQueriesContext(connection) as captured:
        queries.consolidation_matrix(consultation)
    assert len(captured) == 5


def test_the_cell_lists_its_inputs(consultation, inputs):
    place = queries.place_of(consultation, str(article(consultation, "12").pk))
    listed = queries.inputs_at(consultation, place).filter(concern="expression")
    assert sorted(listed.values_list("pk", flat=True)) == [i.pk for i in inputs[:4]]
    other = queries.inputs_at(consultation, queries.place_of(consultation, "other"))
    assert list(other) == [inputs[-1]]


def test_groups_with_counts_and_the_first_inputs_text(consultation, organisations):
    a12 = article(consultation, "12")
    first = add_input(
        consultation, article=a12, comment="Withdraw article 12.", organisation=organisations[0]
    )
    copies = [add_input(consultation, article=a12, organisation=organisations[1]) for _ in range(3)]
    pair = [add_input(consultation, comment="Consult the public.") for _ in range(2)]
    for members in ([first, *copies], pair):
        for i in members:
            i.group = members[0].pk
            i.save()

    groups = queries.near_duplicate_groups(consultation)

    assert groups.count == 2 and groups.grouped_inputs == 6
    assert [(g.number, g.inputs, g.organisations, g.text) for g in groups.shown] == [
        (first.pk, 4, 2, "Withdraw article 12."),
        (pair[0].pk, 2, 0, "Consult the public."),
    ]
    assert groups.shown[0].place.article == a12 and groups.shown[1].place.key == "text"


def test_progress_counts_dispositions_and_the_share_integrated(consultation, inputs, organiser):
    decide_inputs(input=inputs[0], actor=organiser, status="integrated")
    decide_inputs(input=inputs[1], actor=organiser, status="merged", merged_into=inputs[0].pk)
    decide_inputs(input=inputs[2], actor=organiser, status="not_integrated", reason_en="Out of scope.")

    progress = queries.disposition_progress(consultation)

    assert (progress.inputs, progress.decided, progress.undecided) == (7, 3, 4)
    assert (progress.integrated, progress.merged, progress.not_integrated) == (1, 1, 1)
    assert progress.merged_into_integrated == 1
    assert progress.percent_integrated == 67 and progress.percent_decided == 43
