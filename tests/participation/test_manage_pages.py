"""The organisers' input screens: the list and its filters, typing up, the window, the draft, the export."""

import csv
import io

import pytest

from sala.core.models import AuditEntry
from sala.participation import services
from sala.participation.models import Input
from sala.participation.views.manage import PAGE_SIZE
from tests.factories import LawFactory, PersonFactory

from .conftest import ARTICLES, make_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_in(client, inputs_organiser):
    client.force_login(inputs_organiser)
    return client


@pytest.fixture
def base(consultation) -> str:
    return f"/en/manage/consultations/{consultation.slug}/inputs/"


def type_up(consultation, organiser, **fields) -> Input:
    defaults = {"concern": "vague", "comment": "A comment.", "channel": "paper", "anonymous": True}
    return services.give_input(consultation=consultation, entered_by=organiser, **{**defaults, **fields})


def test_the_list_filters_and_pages(
    client_in, base, consultation, inputs_organiser, articles, organisation, person
):
    type_up(
        consultation,
        inputs_organiser,
        article=articles["4"],
        concern="expression",
        comment="Named one",
        author=person,
        anonymous=False,
        organisation=organisation,
    )
    type_up(
        consultation,
        inputs_organiser,
        article=articles["5"],
        comment="Anonymous one",
        channel="meeting",
        meeting=consultation.meetings.get(),
    )
    for n in range(PAGE_SIZE):
        type_up(consultation, inputs_organiser, comment=f"Bulk {n}")
    html = client_in.get(base).content.decode()
    assert "52 inputs" in html and "Page 1 of 2" in html
    html = client_in.get(base, {"article": articles["4"].pk}).content.decode()
    assert "Named one" in html and "Vongsavath Thearith" in html and "Anonymous one" not in html
    html = client_in.get(base, {"concern": "vague", "channel": "meeting"}).content.decode()
    assert "Anonymous one" in html and "Named one" not in html and "1 input" in html
    html = client_in.get(base, {"organisation": organisation.pk}).content.decode()
    assert "Named one" in html and "Bulk" not in html
    html = client_in.get(base, {"article": "whole", "concern": "nonsense"}).content.decode()
    assert "Bulk 0" in html and "Named one" not in html  # a wrong value is ignored


def test_typing_up_a_named_and_an_anonymous_input(
    client_in, base, consultation, invitation, person, articles
):
    data = {
        "channel": "meeting",
        "meeting": consultation.meetings.get().pk,
        "article": articles["3"].pk,
        "concern": "powers",
        "comment": "Written on a card.",
        "author": person.pk,
        "show_author": "on",
    }
    response = client_in.post(base + "add/", data)
    assert response.status_code == 302 and "channel=meeting" in response.url
    named = Input.objects.get()
    assert (named.author, named.organisation, named.show_author) == (person, person.organisation, True)
    assert named.entered_by is not None
    response = client_in.post(
        base + "add/", {**data, "author": "", "show_author": "on", "comment": "Other card."}
    )
    anonymous = Input.objects.exclude(pk=named.pk).get()
    assert (anonymous.author, anonymous.entered_by, anonymous.show_author, anonymous.organisation) == (
        None,
        None,
        False,
        None,
    )
    page = client_in.get(base + "add/?channel=meeting").content.decode()
    assert "Vongsavath Thearith" in page  # the meeting's people, to choose from


def test_typing_up_refuses_a_meeting_input_without_meeting(client_in, base):
    response = client_in.post(base + "add/", {"channel": "meeting", "concern": "other", "comment": "x"})
    assert response.status_code == 422 and not Input.objects.exists()


def test_the_input_window(client_in, base, consultation):
    response = client_in.post(base + "window/", {"opens": "2014-06-01T08:00", "closes": "2014-06-20T17:00"})
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.inputs_open_from.isoformat() == "2014-06-01T01:00:00+00:00"  # 08:00 in Phnom Penh
    response = client_in.post(base + "window/", {"opens": "2014-06-20T08:00", "closes": "2014-06-01T17:00"})
    assert response.status_code == 422 and "Inputs must close after they open." in response.content.decode()
    assert 'value="2014-06-20T08:00"' in response.content.decode()


def test_moving_to_a_new_version_with_confirmation(client_in, base, consultation, inputs_organiser, articles):
    type_up(consultation, inputs_organiser, article=articles["5"], comment="On false information")
    type_up(consultation, inputs_organiser, article=articles["4"], comment="On content")
    version_2 = make_draft(consultation.law, ARTICLES[:4], label="Version 2")
    assert "Version 2" in client_in.get(base + "draft/").content.decode()
    html = client_in.post(base + "draft/", {"draft": version_2.pk}).content.decode()
    assert "Move to “Version 2”?" in html and "Article 5: False information" in html
    consultation.refresh_from_db()
    assert consultation.draft.label == "Version 1"  # nothing moved yet
    response = client_in.post(base + "draft/", {"draft": version_2.pk, "confirm": "yes"}, follow=True)
    html = response.content.decode()
    assert "1 input moved to its article in “Version 2”." in html and "1 input could not be placed" in html
    assert 'id="unplaced"' in html and "On false information" in html
    lost = Input.objects.get(unplaced=True)
    target = version_2.articles.get(number="4")
    client_in.post(base + f"{lost.pk}/place/", {"article": target.pk})
    lost.refresh_from_db()
    assert (lost.article, lost.unplaced) == (target, False)
    assert 'id="unplaced"' not in client_in.get(base).content.decode()


def test_a_version_of_another_law_cannot_be_chosen(client_in, base):
    other = make_draft(LawFactory(), label="Other law")
    response = client_in.post(base + "draft/", {"draft": other.pk})
    assert response.status_code == 422


def test_the_export_names_only_named_authors_and_is_logged(
    client_in, base, consultation, inputs_organiser, person
):
    type_up(consultation, inputs_organiser, comment='=HYPERLINK("x")', author=person, anonymous=False)
    type_up(consultation, inputs_organiser, comment="Anonymous card")
    response = client_in.get(base + "inputs.csv")
    assert response["Cache-Control"] == "private, no-store"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Number" and len(rows) == 3
    by_comment = {row[3]: row for row in rows[1:]}
    assert by_comment['\'=HYPERLINK("x")'][8] == "Vongsavath Thearith"  # no formula runs in Excel
    assert by_comment["Anonymous card"][8] == "Anonymous"
    entry = AuditEntry.objects.get(action="export.inputs")
    assert (entry.actor, entry.data) == (inputs_organiser, {"rows": 2, "named": 1})


def test_people_of_other_meetings_are_not_offered(client_in, base):
    stranger = PersonFactory(name_en="Not Invited Anywhere")
    assert stranger.name_en not in client_in.get(base + "add/").content.decode()
