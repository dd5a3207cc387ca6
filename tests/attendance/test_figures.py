"""The attendance figures page: counts against the target, the breakdowns, and the live block's 304s."""

import pytest

from sala.attendance.models import Category, Registration
from sala.attendance.services import check_in, invite_people, register_person
from tests.factories import MeetingFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(demo_meeting):
    """A meeting of the demo's consultation (so its organisers manage it), with nobody in it yet."""
    return MeetingFactory(consultation=demo_meeting.consultation, participants_min=3, participants_max=4)


def page(meeting, lang: str = "en") -> str:
    return f"/{lang}/manage/meetings/{meeting.slug}/attendance/"


def counts(meeting, lang: str = "en") -> str:
    return page(meeting, lang) + "counts/"


def arrive(meeting, actor, *, gender="woman", kind: str | None = "cso", category=Category.PARTICIPANT):
    """An invited person of an organisation of that type (None: of no organisation), checked in."""
    person = PersonFactory(gender=gender, organisation=OrganisationFactory(type=kind) if kind else None)
    invite_people(meeting=meeting, people=[person], category=category, actor=actor)
    check_in(meeting=meeting, person=person, actor=actor)
    return person


def labelled(rows) -> dict[str, int]:
    return {str(label): count for label, count in rows}


def test_figures_count_by_category_organisation_type_and_gender(organiser_client, organiser, meeting):
    arrive(meeting, organiser, gender="woman", kind="cso")
    arrive(meeting, organiser, gender="woman", kind="cso")
    arrive(meeting, organiser, gender="man", kind="government", category=Category.OBSERVER)
    arrive(meeting, organiser, gender="", kind="academia", category=Category.SPEAKER)
    arrive(meeting, organiser, gender="man", kind=None, category=Category.GUEST)
    invited_only = PersonFactory(gender="woman", organisation=OrganisationFactory(type="media"))
    invite_people(meeting=meeting, people=[invited_only], actor=organiser)
    register_person(meeting=meeting, person=PersonFactory(), source=Registration.Source.FORM)

    response = organiser_client.get(page(meeting))

    assert response.status_code == 200
    figures = response.context["figures"]
    assert (figures.invited, figures.registered, figures.checked_in) == (6, 1, 5)
    assert labelled(figures.by_category) == {
        "Participant": 2,
        "Speaker or resource person": 1,
        "Honoured guest": 1,
        "Observer": 1,
        "Organiser": 0,
    }
    assert labelled(figures.by_type) == {
        "Civil society organisation": 2,
        "Academia": 1,
        "Legal profession": 0,
        "Government": 1,
        "Private sector": 0,
        "Development partner": 0,
        "Media": 0,
        "Not given": 1,
    }
    assert labelled(figures.by_gender) == {"Woman": 2, "Man": 2, "Another gender": 0, "Not given": 1}
    html = response.content.decode()
    assert "5 checked in" in html and "target 3–4" in html and "above target" in html
    for label in ("Legal profession", "Organiser", "Another gender"):  # zero rows are shown too
        assert f'<th scope="row">{label}</th><td>0</td>' in html


STATES = ("below target", "within target", "above target")


@pytest.mark.parametrize(("arrivals", "state"), list(zip((2, 4, 5), STATES, strict=True)))
def test_checked_in_count_is_compared_with_the_target(organiser_client, organiser, meeting, arrivals, state):
    for _ in range(arrivals):
        arrive(meeting, organiser)
    html = organiser_client.get(page(meeting)).content.decode()
    assert [s for s in STATES if s in html] == [state]


def test_without_a_target_no_state_is_claimed(organiser_client, organiser, meeting):
    meeting.participants_min = meeting.participants_max = None
    meeting.save()
    arrive(meeting, organiser)
    html = organiser_client.get(page(meeting)).content.decode()
    assert "1 checked in" in html and "target" not in html


def test_numbers_are_in_khmer_digits_on_khmer_pages(organiser_client, organiser, meeting):
    for _ in range(3):
        arrive(meeting, organiser)
    html = organiser_client.get(page(meeting, "km")).content.decode()
    assert "<td>៣</td>" in html and "<td>3</td>" not in html


def test_page_links_the_exports_and_loads_the_polling_script(organiser_client, meeting):
    html = organiser_client.get(page(meeting)).content.decode()
    for name in ("sign-in-sheet.pdf", "attendance-list.pdf", "attendance.xlsx"):
        assert f'href="{page(meeting)}{name}"' in html
    assert 'hx-trigger="every 5s, visibilitychange from:document"' in html
    assert "/static/attendance/poll.js" in html
    assert "<script>" not in html  # the CSP forbids inline scripts


def test_counts_answer_304_until_someone_checks_in(organiser_client, organiser, meeting):
    arrive(meeting, organiser)
    first = organiser_client.get(counts(meeting))
    assert first.status_code == 200
    assert "1 checked in" in first.content.decode() and "<html" not in first.content.decode()
    assert "private" in first["Cache-Control"] and "no-cache" in first["Cache-Control"]
    etag = first["ETag"]

    unchanged = organiser_client.get(counts(meeting), headers={"If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    weak = organiser_client.get(counts(meeting), headers={"If-None-Match": f"W/{etag}"})  # after gzip
    assert weak.status_code == 304

    arrive(meeting, organiser)
    changed = organiser_client.get(counts(meeting), headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "2 checked in" in changed.content.decode()


def test_counts_tag_differs_by_language_and_the_page_starts_the_poll_with_it(organiser_client, meeting):
    page_tag = organiser_client.get(page(meeting)).context["etag"]
    assert organiser_client.get(counts(meeting))["ETag"] == page_tag
    assert organiser_client.get(counts(meeting, "km"))["ETag"] != page_tag
    assert organiser_client.get(counts(meeting), headers={"If-None-Match": page_tag}).status_code == 304
