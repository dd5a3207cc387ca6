import re
from datetime import datetime

import pytest
from django.utils import translation

from sala.core.errors import MESSAGES
from sala.meetings.models import AgendaItem, Facilitator
from sala.people.models import Person
from tests.factories import PP, pp

pytestmark = pytest.mark.django_db
M = "/{lang}/manage/meetings/cybercrime-law-2014/"


def item_form(item, **changes):
    data = {
        "day": "2014-06-05",
        "start": f"{item.starts_at.astimezone(pp(0).tzinfo):%H:%M}",
        "end": f"{item.ends_at.astimezone(pp(0).tzinfo):%H:%M}",
        "kind": item.kind,
        "title_en": item.title_en,
        "title_km": item.title_km,
        "led_by_en": item.led_by_en,
        "led_by_km": item.led_by_km,
        "sub-TOTAL_FORMS": "0",
        "sub-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("lang", ["en", "km"])
def test_overlapping_edit_shows_error_in_the_users_language_and_saves_nothing(
    organiser_client, demo_meeting, lang
):
    item = demo_meeting.agenda_items.get(kind="break")
    url = M.format(lang=lang) + f"agenda/{item.pk}/edit/"
    before = list(AgendaItem.objects.values_list("starts_at", "ends_at", "title_en"))
    response = organiser_client.post(url, item_form(item, end="10:30", title_en="Long break"))
    assert response.status_code == 422
    with translation.override(lang):
        template = str(MESSAGES["agenda.overlap"])
    fragment = max(re.split(r"%\(\w+\)s", template), key=len).strip()
    assert len(fragment) > 3 and fragment in response.content.decode()
    assert list(AgendaItem.objects.values_list("starts_at", "ends_at", "title_en")) == before


def test_htmx_edit_returns_the_agenda_fragment(organiser_client, demo_meeting):
    item = demo_meeting.agenda_items.get(kind="closing")
    response = organiser_client.post(
        M.format(lang="en") + f"agenda/{item.pk}/edit/",
        item_form(item, title_en="Way forward"),
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="agenda">') and "<html" not in body
    assert "Way forward" in body


def test_htmx_error_retargets_the_item_editor(organiser_client, demo_meeting):
    item = demo_meeting.agenda_items.get(kind="break")
    response = organiser_client.post(
        M.format(lang="en") + f"agenda/{item.pk}/edit/",
        item_form(item, end="10:30"),
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 422
    assert response["HX-Retarget"] == f"#item-{item.pk}"
    assert "overlaps" in response.content.decode()


def add_lunch(client, start: str):
    return client.post(M.format(lang="en") + "agenda/add/", {
        "day": "2014-06-05", "start": start, "end": "12:30", "kind": "break", "title_en": "Lunch",
        "sub-TOTAL_FORMS": "0", "sub-INITIAL_FORMS": "0",
    })  # fmt: skip


def test_adding_an_item_out_of_the_window_is_refused(organiser_client, demo_meeting):
    count = AgendaItem.objects.count()
    response = add_lunch(organiser_client, start="12:00")
    assert response.status_code == 422
    assert "outside the meeting" in response.content.decode()
    assert AgendaItem.objects.count() == count


def test_an_impossible_time_is_refused_with_a_message(organiser_client, demo_meeting):
    count = AgendaItem.objects.count()
    response = add_lunch(organiser_client, start="25:61")
    assert response.status_code == 422
    assert "Enter a valid time" in response.content.decode()
    assert AgendaItem.objects.count() == count


def test_a_valid_item_is_added_where_there_is_room(organiser_client, demo_meeting):
    closing = demo_meeting.agenda_items.get(kind="closing")
    closing.ends_at = pp(11, 45)
    closing.save()  # 11:30-11:45 leaves room until 12:00
    response = add_lunch(organiser_client, start="11:45")
    assert response.status_code == 422  # 12:30 is still past the end
    response = organiser_client.post(M.format(lang="en") + "agenda/add/", {
        "day": "2014-06-05", "start": "11:45", "end": "12:00", "kind": "closing",
        "title_en": "Photo", "sub-TOTAL_FORMS": "1", "sub-INITIAL_FORMS": "0",
        "sub-0-text_en": "Group photo", "sub-0-text_km": "ថតរូបជុំគ្នា",
    })  # fmt: skip
    assert response.status_code == 302
    photo = demo_meeting.agenda_items.get(title_en="Photo")
    assert [s.text_km for s in photo.sub_items.all()] == ["ថតរូបជុំគ្នា"]


def test_declined_facilitator_is_flagged_on_the_organisers_agenda(organiser_client, demo_meeting):
    facilitator = Facilitator.objects.get(person__name_en="Lam Socheat")
    facilitator.status = "declined"
    facilitator.save()
    html = organiser_client.get(M.format(lang="en") + "agenda/").content.decode()
    article = html.split(f'id="item-{facilitator.item_id}"')[0].rsplit("<article", 1)[1]
    assert "flagged" in article
    assert "Declined: find someone else." in html
    assert "1 declined" in html


def test_adding_a_new_person_as_facilitator(organiser_client, demo_meeting):
    item = demo_meeting.agenda_items.get(kind="plenary")
    response = organiser_client.post(
        M.format(lang="en") + f"agenda/{item.pk}/facilitators/add/",
        {
            "name_en": "Chan Sophea",
            "title": "ms",
            "role_en": "Rapporteur",
            "status": "tbc",
        },
    )
    assert response.status_code == 302
    facilitator = item.facilitators.get()
    assert facilitator.person.name_en == "Chan Sophea" and facilitator.status == "tbc"
    assert Person.objects.filter(name_en="Chan Sophea").count() == 1


def test_concept_note_saves_fields_objectives_and_outcomes(organiser_client, demo_meeting):
    page = organiser_client.get(M.format(lang="en") + "edit/")
    form = page.context["form"]
    data = {name: ("" if value is None else value) for name, value in form.initial.items()}
    data.update(
        {
            "day": "2014-06-05",
            "start": "07:30",
            "end": "12:00",
            "organisations": [o.pk for o in demo_meeting.organisations.all()],
            "purpose_en": "Protect democratic space.",
        }
    )
    data["title_en"] = demo_meeting.title_en
    objectives = list(demo_meeting.objectives.all())
    data.update({"objectives-TOTAL_FORMS": "3", "objectives-INITIAL_FORMS": "0"})
    for i, objective in enumerate(objectives):
        data.update(
            {
                f"objectives-{i}-id": objective.pk,
                f"objectives-{i}-text_en": objective.text_en,
                f"objectives-{i}-ORDER": 3 - i,
            }
        )
    data.update(
        {
            "outcomes-TOTAL_FORMS": "1",
            "outcomes-INITIAL_FORMS": "0",
            "outcomes-0-text_en": "Findings shared",
            "outcomes-0-objective_ids": [objectives[0].pk],
        }
    )
    data = {k: v for k, v in data.items() if v is not None}
    response = organiser_client.post(M.format(lang="en") + "edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    demo_meeting.refresh_from_db()
    assert demo_meeting.purpose_en == "Protect democratic space."
    assert [o.pk for o in demo_meeting.objectives.all()] == [o.pk for o in reversed(objectives)]
    outcome = demo_meeting.outcomes.get()
    assert list(outcome.objectives.all()) == [objectives[0]]


def test_deleting_an_item_asks_first(organiser_client, demo_meeting):
    item = demo_meeting.agenda_items.get(kind="plenary")
    url = M.format(lang="en") + f"agenda/{item.pk}/delete/"
    assert "Are you sure?" in organiser_client.get(url).content.decode()
    assert AgendaItem.objects.filter(pk=item.pk).exists()
    organiser_client.post(url)
    assert not AgendaItem.objects.filter(pk=item.pk).exists()


def test_facilitator_page_confirms_and_shows_the_answer(client, demo_meeting):
    facilitator = Facilitator.objects.get(person__name_en="Tek Vannara")
    url = f"/km/f/{facilitator.token}/"
    page = client.get(url)
    assert page.status_code == 200 and "noindex" in page["X-Robots-Tag"]
    response = client.post(url, {"status": "confirmed", "note": "បាទ"}, follow=True)
    facilitator.refresh_from_db()
    assert facilitator.status == "confirmed" and facilitator.note == "បាទ"
    assert response.status_code == 200


def meeting_form(**changes):
    data = {
        "slug": "follow-up-2014", "visibility": "public", "day": "2014-07-10", "start": "08:00",
        "end": "11:00", "title_en": "Follow-up meeting", "title_km": "កិច្ចប្រជុំតាមដាន",
    }  # fmt: skip
    return {**data, **changes}


def test_organiser_creates_a_meeting_in_their_consultation(organiser_client, demo_meeting):
    url = "/en/manage/meetings/new/?consultation=" + demo_meeting.consultation.slug
    assert organiser_client.get(url).status_code == 200
    response = organiser_client.post(url, meeting_form())
    assert response.status_code == 302 and response.url.endswith("/follow-up-2014/agenda/")
    meeting = demo_meeting.consultation.meetings.get(slug="follow-up-2014")
    july_10 = datetime(2014, 7, 10, tzinfo=PP)
    assert (meeting.starts_at, meeting.ends_at) == (july_10.replace(hour=8), july_10.replace(hour=11))
    refused = organiser_client.post(url, meeting_form(slug="other", start="11:00", end="08:00"))
    assert refused.status_code == 422 and "must end after it starts" in refused.content.decode()
    assert not demo_meeting.consultation.meetings.filter(slug="other").exists()


def test_nobody_creates_a_meeting_in_a_consultation_they_do_not_organise(
    client, demo_meeting, other_organiser
):
    client.force_login(other_organiser)
    url = "/en/manage/meetings/new/?consultation=" + demo_meeting.consultation.slug
    assert client.get(url).status_code == 403
    assert client.post(url, meeting_form()).status_code == 403
    assert not demo_meeting.consultation.meetings.filter(slug="follow-up-2014").exists()


def test_a_meeting_over_two_days_ends_on_its_last_day(organiser_client, demo_meeting):
    url = "/en/manage/meetings/new/?consultation=" + demo_meeting.consultation.slug
    response = organiser_client.post(url, meeting_form(last_day="2014-07-11", start="14:00", end="12:00"))
    assert response.status_code == 302
    meeting = demo_meeting.consultation.meetings.get(slug="follow-up-2014")
    assert (meeting.starts_at, meeting.ends_at) == (
        datetime(2014, 7, 10, 14, tzinfo=PP),
        datetime(2014, 7, 11, 12, tzinfo=PP),
    )
    edit = organiser_client.get(f"/en/manage/meetings/{meeting.slug}/edit/").context["form"]
    assert (str(edit.initial["day"]), str(edit.initial["last_day"])) == ("2014-07-10", "2014-07-11")
    # The agenda editor asks for the day of each item, and takes one on the second day.
    add = organiser_client.get(f"/en/manage/meetings/{meeting.slug}/agenda/").context["add_form"]
    assert not add.fields["day"].widget.is_hidden
    response = organiser_client.post(f"/en/manage/meetings/{meeting.slug}/agenda/add/", {
        "day": "2014-07-11", "start": "08:00", "end": "09:00", "kind": "session", "title_en": "Day two",
        "sub-TOTAL_FORMS": "0", "sub-INITIAL_FORMS": "0",
    })  # fmt: skip
    assert response.status_code == 302
    assert meeting.agenda_items.get().starts_at == datetime(2014, 7, 11, 8, tzinfo=PP)


def test_the_last_day_cannot_come_before_the_first(organiser_client, demo_meeting):
    url = "/en/manage/meetings/new/?consultation=" + demo_meeting.consultation.slug
    response = organiser_client.post(url, meeting_form(last_day="2014-07-09"))
    assert response.status_code == 422
    assert "The last day is before the first day." in response.content.decode()
    assert not demo_meeting.consultation.meetings.filter(slug="follow-up-2014").exists()


def test_a_second_day_added_to_a_meeting_keeps_its_agenda_inside(organiser_client, demo_meeting):
    data = organiser_client.get(M.format(lang="en") + "edit/").context["form"].initial
    response = organiser_client.post(M.format(lang="en") + "edit/", {
        "slug": data["slug"], "visibility": data["visibility"], "title_en": data["title_en"],
        "day": "2014-06-05", "last_day": "2014-06-06", "start": "07:30", "end": "09:00",
        "objectives-TOTAL_FORMS": "0", "objectives-INITIAL_FORMS": "0",
        "outcomes-TOTAL_FORMS": "0", "outcomes-INITIAL_FORMS": "0",
    })  # fmt: skip
    assert response.status_code == 302  # a second day leaves the agenda inside the meeting
    demo_meeting.refresh_from_db()
    assert demo_meeting.ends_at == pp(9, day=6)
