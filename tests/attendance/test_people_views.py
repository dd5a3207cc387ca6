"""The organisers' people screens: list, add, edit, erase, invitations, places, agenda notices."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from sala.attendance import services
from sala.attendance.models import CheckIn, Invitation, Registration
from sala.core.models import AuditEntry
from sala.meetings import services as meeting_services
from sala.people.models import Person

pytestmark = pytest.mark.django_db
M = "/en/manage/meetings/cybercrime-law-2014/"


def test_people_list_finds_by_part_of_a_khmer_or_latin_name(organiser_client, demo_meeting):
    person = Invitation.objects.filter(meeting=demo_meeting).exclude(person__name_km="").first().person
    for fragment in (person.name_km.split()[-1][:3], person.name_en.split()[-1][:4].lower()):
        page = organiser_client.get(M + "people/", {"q": fragment}).content.decode()
        assert person.name_en in page, fragment
    page = organiser_client.get(M + "people/", {"q": "zzzz"}).content.decode()
    assert "No one matches." in page


def test_people_list_shows_contacts_and_paginates(organiser_client, demo_meeting):
    page = organiser_client.get(M + "people/").content.decode()
    person = Invitation.objects.filter(meeting=demo_meeting).order_by("person__name_en").first().person
    assert person.email in page
    assert "Page 1 of 2" in page  # 64 people, 50 a page
    assert "Page 2 of 2" in organiser_client.get(M + "people/", {"page": 2}).content.decode()


def test_add_a_person_invites_them(organiser_client, demo_meeting):
    response = organiser_client.post(
        M + "people/add/",
        {"name_en": "Lim Dara", "name_km": "លឹម ដារ៉ា", "gender": "woman", "email": "dara@example.org",
         "language": "km", "category": "speaker"},
    )  # fmt: skip
    assert response.status_code == 302
    invitation = Invitation.objects.get(meeting=demo_meeting, person__name_en="Lim Dara")
    assert invitation.category == "speaker"


def test_a_person_needs_a_name(organiser_client, demo_meeting):
    response = organiser_client.post(M + "people/add/", {"language": "km", "category": "participant"})
    assert "Give a name, in Khmer or Latin script." in response.content.decode()
    assert not Person.objects.filter(name_en="", name_km="").exists()


def test_sending_invitations_emails_link_qr_and_calendar_in_their_language(organiser_client, demo_meeting):
    person = Person.objects.create(
        name_en="Sok Dara", name_km="សុខ ដារ៉ា", email="d@example.org", language="km"
    )
    services.invite_people(meeting=demo_meeting, people=[person], actor=None)
    organiser_client.post(M + "invitations/send/")
    invitation = Invitation.objects.get(person=person)
    [email] = [m for m in mail.outbox if m.to == ["d@example.org"]]
    assert f"/km/i/{invitation.token}/" in email.body
    assert "សុខ ដារ៉ា" in email.body and "Dear" not in email.body
    kinds = {name.rsplit(".", 1)[1]: mimetype for name, _, mimetype in email.attachments}
    assert kinds == {"png": "image/png", "ics": "text/calendar"}
    assert invitation.sent_at is not None and invitation.send_count == 1
    organiser_client.post(M + f"invitations/{invitation.pk}/resend/")
    assert len([m for m in mail.outbox if m.to == ["d@example.org"]]) == 2


def test_withdraw_asks_first_then_frees_the_place(organiser_client, demo_meeting):
    registration = Registration.objects.filter(
        meeting=demo_meeting, status="confirmed", source="invitation"
    ).first()
    invitation = Invitation.objects.get(meeting=demo_meeting, person=registration.person)
    page = organiser_client.get(M + f"invitations/{invitation.pk}/withdraw/").content.decode()
    assert "Yes, withdraw it" in page
    organiser_client.post(M + f"invitations/{invitation.pk}/withdraw/")
    assert not Invitation.objects.filter(pk=invitation.pk).exists()
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_erasing_keeps_counts_but_removes_the_name_everywhere(organiser_client, demo_meeting):
    checkin = CheckIn.objects.filter(meeting=demo_meeting, person__gender="woman").first()
    person = checkin.person
    name, email = person.name_en, person.email
    women_before = CheckIn.objects.filter(meeting=demo_meeting, person__gender="woman").count()
    assert "cannot be undone" in organiser_client.get(M + f"people/{person.pk}/erase/").content.decode()
    organiser_client.post(M + f"people/{person.pk}/erase/")
    person.refresh_from_db()
    assert (person.name_en, person.name_km, person.email, person.phone) == ("", "", "", "")
    assert person.gender == "woman" and person.erased_at is not None
    assert CheckIn.objects.filter(meeting=demo_meeting, person__gender="woman").count() == women_before
    assert not AuditEntry.objects.filter(data__icontains=name).exists()
    page = organiser_client.get(M + "people/", {"status": "here"}).content.decode()
    assert name not in page and email not in page


def test_capacity_change_promotes_the_waiting(organiser_client, demo_meeting):
    organiser_client.post(M + "places/", {"capacity": 57})
    late = Person.objects.create(name_en="Late Comer")
    waiting = services.register_person(meeting=demo_meeting, person=late, source="form")
    assert waiting.status == "waitlisted"
    assert "Late Comer" in organiser_client.get(M + "people/").content.decode().split("Waiting list")[1]
    organiser_client.post(M + "places/", {"capacity": 58})
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"


def test_agenda_changes_reach_people_once_in_their_language(organiser_client, demo_meeting):
    registered = Registration.objects.filter(meeting=demo_meeting, status="confirmed").exclude(
        person__email=""
    )
    services.send_invitations(
        meeting=demo_meeting, invitations=[], actor=None
    )  # nothing to send: no snapshot
    services.notices.remember_agenda(demo_meeting)
    mail.outbox.clear()
    item = demo_meeting.agenda_items.order_by("starts_at").last()
    meeting_services.update_agenda_item(item=item, actor=None, title_en="Closing and next steps",
                                        title_km="ការបិទ និងជំហានបន្ទាប់")  # fmt: skip
    meeting_services.update_agenda_item(item=item, actor=None, title_en="Closing remarks and next steps")
    assert "1 change since people were last told" in organiser_client.get(M + "people/").content.decode()
    organiser_client.post(M + "agenda-notice/")
    assert len(mail.outbox) == registered.count()  # one each, though the item was edited twice
    english = next(p for p in registered if p.person.language == "en").person
    khmer = next(p for p in registered if p.person.language == "km").person
    by_address = {m.to[0]: m for m in mail.outbox}
    assert "Closing remarks and next steps" in by_address[english.email].body
    assert "ការបិទ និងជំហានបន្ទាប់" in by_address[khmer.email].body
    organiser_client.post(M + "agenda-notice/")
    assert len(mail.outbox) == registered.count()  # nothing new to tell


def test_the_cron_command_waits_for_a_quiet_agenda_then_sends_once(demo_meeting):
    services.notices.remember_agenda(demo_meeting)
    item = demo_meeting.agenda_items.order_by("starts_at").first()
    meeting_services.update_agenda_item(item=item, actor=None, title_en="Registration and coffee")
    out = StringIO()
    call_command("send_agenda_notices", stdout=out)
    assert out.getvalue() == "" and not mail.outbox  # edited just now: wait for more edits
    call_command("send_agenda_notices", "--quiet-minutes", "0", stdout=out)
    assert "notices queued" in out.getvalue() and mail.outbox
    sent = len(mail.outbox)
    call_command("send_agenda_notices", "--quiet-minutes", "0", stdout=out)
    assert len(mail.outbox) == sent
