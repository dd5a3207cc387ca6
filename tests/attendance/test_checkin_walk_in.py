"""Walk-ins: registered and checked in at the door in a few taps, after the duplicate check."""

import pytest

from sala.attendance import services
from sala.attendance.models import CheckIn, Registration
from sala.core.errors import DomainError
from sala.people.models import Organisation, Person
from sala.people.services import find_or_create_organisation
from tests.factories import MeetingFactory, OrganisationFactory, PersonFactory

SLUG = "cybercrime-law-2014"
URL = f"/en/manage/meetings/{SLUG}/check-in/walk-in/"


@pytest.fixture
def kydr(db):
    return OrganisationFactory(acronym="KYDR", name_en="Khmer Youth for Digital Rights", name_km="យុវជនខ្មែរ")


def walk_in(client, status: int, **data):
    response = client.post(URL, {"gender": "", "phone": "", "organisation": "", **data})
    assert response.status_code == status, response.content.decode()[:2000]
    return response


def checked_in(meeting, **person) -> Person:
    """The one person of that description, checked in to the meeting as a walk-in."""
    found = Person.objects.get(**person)
    assert CheckIn.objects.filter(meeting=meeting, person=found).count() == 1
    assert Registration.objects.get(meeting=meeting, person=found).source == Registration.Source.WALK_IN
    return found


def test_the_form_offers_the_meetings_organisations_and_takes_the_searched_name(organiser_client):
    html = organiser_client.get(URL, {"name": "ស៊ឹម"}).content.decode()
    assert 'value="ស៊ឹម"' in html
    assert '<option value="CHRC">Cambodian Human Rights Centre</option>' in html  # a demo invitee's
    assert 'list="organisations"' in html and 'type="radio"' in html and 'type="tel"' in html


def test_a_walk_in_in_khmer_with_a_known_organisation(organiser_client, demo_meeting, kydr):
    response = walk_in(organiser_client, 302, name=" ស៊ឹម  ចន្ទា ", organisation="kydr", gender="woman")
    person = checked_in(demo_meeting, name_km="ស៊ឹម ចន្ទា")
    assert (person.name_en, person.organisation, person.gender) == ("", kydr, "woman")
    assert response["Location"].startswith(f"/en/manage/meetings/{SLUG}/check-in/?q=")
    page = organiser_client.get(response["Location"]).content.decode()
    assert "ស៊ឹម ចន្ទា is checked in." in page and "Checked in at" in page


def test_a_walk_in_from_a_new_organisation_creates_it(organiser_client, demo_meeting):
    walk_in(
        organiser_client, 302, name="Sim Chantha", organisation="Phnom Penh  Youth Club", phone="012 345 678"
    )
    person = checked_in(demo_meeting, name_en="Sim Chantha")
    assert (person.organisation.name_en, person.organisation.type) == ("Phnom Penh Youth Club", "")
    assert person.phone == "012 345 678" and person.gender == ""


def test_a_walk_in_needs_a_name(organiser_client, demo_meeting):
    count = Person.objects.count()
    response = walk_in(organiser_client, 422, name="  ", organisation="New Club")
    assert "This field is required." in response.content.decode()
    assert Person.objects.count() == count and not Organisation.objects.filter(name_en="New Club").exists()


def test_someone_like_a_known_person_is_offered_first(organiser_client, demo_meeting, kydr):
    known = PersonFactory(name_en="Sim Chantha", organisation=kydr)  # known, not tied to this meeting
    count = Person.objects.count()
    response = walk_in(organiser_client, 422, name="sim  CHANTHA", organisation="KYDR")
    html = response.content.decode()
    assert "Someone like “sim CHANTHA” is already known." in html
    assert "Check in this person" in html and "No, this is someone new" in html
    assert "Register and check in" not in html
    assert Person.objects.count() == count and not CheckIn.objects.filter(person=known).exists()

    choice = response.context["candidates"][0][1]
    response = organiser_client.post(URL, {"candidate": choice}, follow=True)
    assert "Sim Chantha is checked in." in response.content.decode()
    assert checked_in(demo_meeting, pk=known.pk) == known
    assert Person.objects.count() == count


def test_an_invitee_picked_as_the_duplicate_keeps_their_invitation(
    organiser_client, demo_meeting, organiser, kydr
):
    invitee = PersonFactory(name_en="Sim Chantha", organisation=kydr)
    services.invite_people(meeting=demo_meeting, people=[invitee], category="observer", actor=organiser)
    response = walk_in(organiser_client, 422, name="Sim Chantha", organisation="kydr")
    organiser_client.post(URL, {"candidate": response.context["candidates"][0][1]})
    assert CheckIn.objects.get(meeting=demo_meeting, person=invitee).category == "observer"
    assert not Registration.objects.filter(person=invitee).exists()  # invited, not a walk-in


def test_no_this_is_someone_new(organiser_client, demo_meeting, kydr):
    PersonFactory(name_en="Sim Chantha", organisation=kydr)
    walk_in(organiser_client, 422, name="Sim Chantha", organisation="KYDR")
    walk_in(organiser_client, 302, name="Sim Chantha", organisation="KYDR", confirm_new="1")
    assert Person.objects.filter(name_en="Sim Chantha").count() == 2
    assert CheckIn.objects.filter(meeting=demo_meeting, person__name_en="Sim Chantha").count() == 1


def test_a_same_phone_is_a_possible_duplicate_and_a_new_organisation_waits(organiser_client, demo_meeting):
    PersonFactory(name_en="Sim Chantha", phone="+85512345678")
    response = walk_in(
        organiser_client, 422, name="Chantha", organisation="Brand New Club", phone="012 345 678"
    )
    assert "Sim Chantha" in response.content.decode()
    assert not Organisation.objects.filter(name_en="Brand New Club").exists()  # nothing saved yet


def test_a_tampered_choice_checks_in_no_one(organiser_client, demo_meeting):
    someone = PersonFactory()
    assert organiser_client.post(URL, {"candidate": str(someone.pk)}).status_code == 404
    assert not CheckIn.objects.filter(person=someone).exists()


def test_a_choice_made_for_another_meeting_is_refused(organiser_client, demo_meeting, kydr):
    known = PersonFactory(name_en="Sim Chantha", organisation=kydr)
    response = walk_in(organiser_client, 422, name="Sim Chantha", organisation="KYDR")
    choice = response.context["candidates"][0][1]
    other = MeetingFactory(consultation=demo_meeting.consultation)
    other_url = f"/en/manage/meetings/{other.slug}/check-in/walk-in/"
    assert organiser_client.post(other_url, {"candidate": choice}).status_code == 404
    assert not CheckIn.objects.filter(person=known).exists()


# Organisations typed by name


@pytest.mark.parametrize("typed", ["kydr", " KYDR ", "khmer youth  for digital rights", "យុវជនខ្មែរ"])
def test_a_known_organisation_is_found_by_name_or_acronym(kydr, typed):
    assert find_or_create_organisation(name=typed) == kydr
    assert Organisation.objects.count() == 1


def test_a_new_organisation_is_made_in_the_script_it_is_typed_in(db):
    khmer = find_or_create_organisation(name="សមាគម  យុវជន")
    latin = find_or_create_organisation(name="Youth Association")
    assert (khmer.name_km, khmer.name_en, khmer.type) == ("សមាគម យុវជន", "", "")
    assert (latin.name_en, latin.name_km) == ("Youth Association", "")
    assert find_or_create_organisation(name="youth association") == latin


def test_an_organisation_needs_a_name(db):
    with pytest.raises(DomainError) as raised:
        find_or_create_organisation(name="   ")
    assert raised.value.code == "organisation.no_name"
