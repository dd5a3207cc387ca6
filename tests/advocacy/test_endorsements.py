"""Endorsements: one per organisation, only of a published position; representatives endorse
through their personal link, organisers record paper ones; the public list names only those
that agreed, counts the rest, and its cached page changes with every endorsement."""

import re
import threading

import pytest
from django.core.cache import cache
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from sala.advocacy.models import Endorsement
from sala.advocacy.services import unpublish_position
from sala.advocacy.services.endorsements import endorse_position, withdraw_endorsement
from sala.attendance.models import Registration
from sala.core.errors import DomainError
from sala.core.models import AuditEntry
from sala.meetings.models import Meeting
from tests.core.test_i18n import assert_khmer, get, post

from ..factories import ConsultationFactory, MeetingFactory, OrganisationFactory, PersonFactory
from .conftest import SLUG, make_draft
from .followup import invite, publish

pytestmark = pytest.mark.django_db
PAGE = f"/{{}}/consultations/{SLUG}/position/"
MANAGE = f"/{{}}/manage/consultations/{SLUG}/endorsements/"


@pytest.fixture
def published(consultation, organiser):
    publish(consultation, organiser)
    return consultation


@pytest.fixture
def cchr(organisations):
    return organisations[0]


@pytest.fixture
def member(cchr):
    return PersonFactory(name_en="Sok Member", organisation=cchr)


@pytest.fixture
def link(published, member) -> str:
    """The member's personal endorsement page (English; format with the language)."""
    return "/{}/i/" + invite(published, member).token + "/endorse/"


def endorse(consultation, person, listed=True, **kwargs) -> Endorsement:
    return endorse_position(
        consultation=consultation,
        organisation=person.organisation,
        representative=person,
        listed=listed,
        **kwargs,
    )


def endorsements_section(html: str) -> str:
    found = re.search(r'<section class="position-section" id="endorsements">.*?</section>', html, re.S)
    return found.group(0) if found else ""


# The rules


def test_only_a_published_position_can_be_endorsed(consultation, member):
    with pytest.raises(DomainError) as refused:
        endorse(consultation, member)
    assert refused.value.code == "endorsement.not_published"
    assert not Endorsement.objects.exists()


def test_one_endorsement_per_organisation_a_second_one_updates_it(published, member, cchr, organiser):
    first = endorse(published, member, listed=True)
    colleague = PersonFactory(organisation=cchr)
    second = endorse(published, colleague, listed=False)
    assert Endorsement.objects.get() == first == second
    assert (second.listed, second.representative, second.endorsed_at) == (False, colleague, first.endorsed_at)
    endorse_position(
        consultation=published, organisation=cchr, representative=None, listed=False, actor=organiser
    )
    assert Endorsement.objects.get().representative == colleague  # kept when an organiser names no one
    actions = list(
        AuditEntry.objects.filter(action__startswith="endorsement.")
        .order_by("pk")
        .values_list("action", "actor")
    )
    assert actions == [("endorsement.given", None), ("endorsement.changed", None)]  # the last changed nothing


def test_a_representative_belongs_to_the_organisation(published, member, organisations):
    with pytest.raises(DomainError) as refused:
        endorse_position(
            consultation=published, organisation=organisations[1], representative=member, listed=True
        )
    assert refused.value.code == "endorsement.not_a_representative"
    with pytest.raises(DomainError) as refused:
        endorse(published, PersonFactory(organisation=None))
    assert refused.value.code == "endorsement.no_organisation"
    assert not Endorsement.objects.exists()


def test_withdrawn_it_is_gone_and_logged_without_a_name(published, member):
    endorsement = endorse(published, member)
    withdraw_endorsement(endorsement=endorsement)
    withdraw_endorsement(endorsement=endorsement)  # a second click changes nothing
    assert not Endorsement.objects.exists()
    entries = AuditEntry.objects.filter(action__startswith="endorsement.")
    assert [e.action for e in entries.order_by("pk")] == ["endorsement.given", "endorsement.withdrawn"]
    assert all("Sok Member" not in str(e.data) for e in entries)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL")
def test_colleagues_endorsing_at_the_same_time_make_one_endorsement(organiser):
    consultation = MeetingFactory().consultation
    consultation.draft = make_draft(consultation.law)
    consultation.save()
    publish(consultation, organiser)
    organisations = [OrganisationFactory() for _ in range(3)]
    people = [PersonFactory(organisation=organisations[n % 3]) for n in range(12)]
    barrier = threading.Barrier(12)
    errors = []

    def sign(person):
        try:
            barrier.wait()
            endorse(consultation, person, listed=True)
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(Endorsement.objects.values_list("organisation", flat=True)) == sorted(
        o.pk for o in organisations
    )


# The public list


@pytest.fixture
def endorsed(published, organisations):
    """Two named organisations and one that asked not to be."""
    for organisation, listed in zip(organisations, [True, True, False], strict=True):
        endorse(published, PersonFactory(organisation=organisation), listed=listed)
    return published


def test_the_public_list_names_only_those_that_agreed(client, endorsed):
    section = endorsements_section(client.get(PAGE.format("en")).content.decode())
    assert "Cambodian Center for Human Rights (CCHR)" in section
    assert "Cambodian Journalists Alliance (CamboJA)" in section
    assert "Open Development" not in section and "ODC" not in section
    assert "And 1 more organisation that asked not to be named." in section
    khmer = endorsements_section(client.get(PAGE.format("km")).content.decode())
    assert "សម្ព័ន្ធអ្នកសារព័ត៌មាន (CamboJA)" in khmer and "១" in khmer


def test_no_one_named_only_the_count(client, published, organisations):
    endorse(published, PersonFactory(organisation=organisations[2]), listed=False)
    section = endorsements_section(client.get(PAGE.format("en")).content.decode())
    assert "1 organisation endorses it and asked not to be named." in section and "ODC" not in section


def test_without_endorsements_no_section(client, published):
    assert endorsements_section(client.get(PAGE.format("en")).content.decode()) == ""


def test_every_endorsement_change_gives_the_page_a_new_version(
    client, published, member, organisations, django_capture_on_commit_callbacks
):
    def etag_then_change(change) -> str:
        etag = client.get(PAGE.format("en"))["ETag"]
        assert client.get(PAGE.format("en"), headers={"if-none-match": etag}).status_code == 304
        with django_capture_on_commit_callbacks(execute=True):
            change()
        response = client.get(PAGE.format("en"), headers={"if-none-match": etag})
        assert response.status_code == 200
        return endorsements_section(response.content.decode())

    assert "CCHR" in etag_then_change(lambda: endorse(published, member, listed=True))
    assert "CCHR" not in etag_then_change(lambda: endorse(published, member, listed=False))
    assert etag_then_change(lambda: withdraw_endorsement(endorsement=Endorsement.objects.get())) == ""


def test_the_page_costs_the_same_queries_with_many_endorsements(client, published):
    def queries() -> int:
        cache.clear()  # neither the version nor the page from the cache
        with CaptureQueriesContext(connection) as captured:
            assert client.get(PAGE.format("en")).status_code == 200
        return len(captured)

    none = queries()
    for n in range(12):
        endorse(published, PersonFactory(organisation=OrganisationFactory()), listed=n % 3 != 0)
    assert queries() == none <= 7


# The representative's page


def test_a_representative_endorses_through_their_link(client, link, member, published):
    html = get(client, link.format("en"))
    assert f'href="/en/consultations/{SLUG}/position/"' in html
    assert "Cambodian Center for Human Rights" in html and 'name="listed"' in html
    response = client.post(link.format("en"), {"listed": "on"}, follow=True)
    assert "your organisation endorses the joint position" in response.content.decode()
    endorsement = Endorsement.objects.get()
    assert (endorsement.organisation, endorsement.representative, endorsement.listed) == (
        member.organisation,
        member,
        True,
    )
    assert response.redirect_chain[-1][0] == link.format("en")
    client.post(link.format("en"), {})  # unticked: counted, not named
    assert not Endorsement.objects.get().listed
    assert "It is counted, but not named, in the public list." in get(client, link.format("en"))


def test_a_walk_in_endorses_with_their_registration_link(client, published, cchr):
    walk_in = Registration.objects.create(
        meeting=published.meetings.get(),
        person=PersonFactory(organisation=cchr),
        status=Registration.Status.CONFIRMED,
        source=Registration.Source.WALK_IN,
    )
    html = get(client, f"/en/i/{walk_in.token}/endorse/")
    assert f'href="/en/r/{walk_in.token}/"' in html  # back to their registration
    client.post(f"/en/i/{walk_in.token}/endorse/", {"listed": "on"})
    assert Endorsement.objects.get().representative == walk_in.person


def test_the_page_is_private(client, link):
    response = client.get(link.format("en"))
    assert "no-cache" in response["Cache-Control"] and response["Referrer-Policy"] == "same-origin"


def test_withdrawing_asks_first(client, link, member, published):
    endorse(published, member)
    withdraw = link.format("en") + "withdraw/"
    assert "Yes, withdraw it" in get(client, withdraw)
    assert Endorsement.objects.exists()
    response = client.post(withdraw)
    assert response.status_code == 302 and not Endorsement.objects.exists()
    assert client.get(withdraw).status_code == 302  # nothing left to withdraw: back to the page


def test_a_colleague_sees_and_changes_the_organisations_endorsement(client, published, member, cchr):
    endorse(published, member, listed=True)
    colleague = invite(published, PersonFactory(organisation=cchr))
    html = get(client, f"/en/i/{colleague.token}/endorse/")
    assert "Your organisation has endorsed the joint position since" in html


def test_someone_without_an_organisation_cannot_endorse(client, published):
    token = invite(published, organisation=None).token
    html = get(client, f"/en/i/{token}/endorse/")
    assert "no organisation is recorded for you" in html and 'name="listed"' not in html
    response = client.post(f"/en/i/{token}/endorse/", {"listed": "on"})
    assert response.status_code == 422 and "Ask the organisers to add yours" in response.content.decode()
    assert not Endorsement.objects.exists()


def test_not_found_before_publication_for_unknown_links_and_other_meetings(client, consultation, member):
    token = invite(consultation, member).token
    other = MeetingFactory(consultation=ConsultationFactory())
    other_token = invite(other.consultation, PersonFactory(organisation=member.organisation)).token
    for url in [
        f"/en/i/{token}/endorse/",  # the position is not published
        "/en/i/not-a-token/endorse/",
        f"/en/i/{other_token}/endorse/",  # another meeting, whose consultation has no position
        f"/en/i/{other_token}/endorse/withdraw/",
    ]:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"listed": "on"}).status_code == 404, url
    assert not Endorsement.objects.exists()


def test_a_link_acts_on_its_own_consultation_only(client, published, member, organiser):
    endorse(published, member)
    other = MeetingFactory(consultation=ConsultationFactory())
    other.consultation.organisers.add(organiser)
    publish_other = other.consultation
    publish_other.draft = published.draft
    publish_other.save()
    publish(publish_other, organiser)
    token = invite(publish_other, PersonFactory(organisation=member.organisation)).token
    client.post(f"/en/i/{token}/endorse/withdraw/")
    assert Endorsement.objects.filter(consultation=published).exists()  # ours stays


def test_unpublished_the_page_is_gone(client, link, published, organiser):
    unpublish_position(consultation=published, actor=organiser)
    assert client.get(link.format("en")).status_code == 404


# The organisers' page


def test_organisers_see_every_endorsement_and_record_one(organiser_client, published, member, organisations):
    endorse(published, member, listed=False)
    html = get(organiser_client, MANAGE.format("en"))
    assert "Cambodian Center for Human Rights" in html and "Sok Member" in html and "Not named" in html
    signer = PersonFactory(name_en="Chan Signer", organisation=organisations[1])
    invite(published, signer)
    response = organiser_client.post(
        MANAGE.format("en"),
        {"organisation": organisations[1].pk, "representative": signer.pk, "listed": "on"},
    )
    assert response.status_code == 302
    recorded = Endorsement.objects.get(organisation=organisations[1])
    assert recorded.representative == signer and recorded.listed
    assert AuditEntry.objects.get(action="endorsement.given", target__endswith=f":{recorded.pk}").actor


def test_a_refused_recording_says_why(organiser_client, published, member, organisations):
    invite(published, member)
    response = organiser_client.post(
        MANAGE.format("en"), {"organisation": organisations[1].pk, "representative": member.pk}
    )
    assert response.status_code == 422
    assert "is not recorded as a member of" in response.content.decode()
    assert not Endorsement.objects.exists()


def test_organisers_withdraw_after_a_confirmation(organiser_client, published, member):
    endorsement = endorse(published, member)
    url = MANAGE.format("en") + f"{endorsement.pk}/withdraw/"
    assert "Yes, remove it" in get(organiser_client, url)
    assert organiser_client.post(url).status_code == 302
    assert not Endorsement.objects.exists()
    assert AuditEntry.objects.get(action="endorsement.withdrawn").actor is not None


# Who may use the organisers' pages


@pytest.fixture
def manage_urls(published, member, organisations):
    endorsement = endorse(published, member)
    return [
        ("get", MANAGE.format("en"), None),
        ("post", MANAGE.format("en"), {"organisation": organisations[1].pk, "listed": "on"}),
        ("get", MANAGE.format("en") + f"{endorsement.pk}/withdraw/", None),
        ("post", MANAGE.format("en") + f"{endorsement.pk}/withdraw/", {}),
    ]


def assert_nothing_changes(client, urls, statuses: set[int]) -> None:
    for method, url, data in urls:
        response = getattr(client, method)(url, data or {})
        assert response.status_code in statuses, (method, url, response.status_code)
        assert "Sok Member" not in response.content.decode()
    assert list(Endorsement.objects.values_list("organisation__acronym", flat=True)) == ["CCHR"]


def test_anonymous_visitors_are_sent_to_log_in(client, manage_urls):
    assert_nothing_changes(client, manage_urls, {302})
    assert client.get(manage_urls[0][1]).url.startswith("/en/accounts/login/")


@pytest.mark.parametrize("public", [True, False])
@pytest.mark.parametrize("who", ["participant", "other_organiser"])
def test_participants_and_other_organisers_are_refused(client, published, manage_urls, request, who, public):
    if not public:
        Meeting.objects.filter(consultation=published).update(visibility=Meeting.Visibility.INVITATION)
    client.force_login(request.getfixturevalue(who))
    # A published position makes the consultation known: 403 even without a public meeting.
    assert_nothing_changes(client, manage_urls, {403})


# In Khmer


def test_the_endorsement_pages_are_all_khmer(client, organiser, link, member, published, organisations):
    pages = {"endorse": get(client, link.format("km"))}
    pages["endorse: endorsed"] = client.post(
        link.format("km"), {"listed": "on"}, follow=True
    ).content.decode()
    pages["withdraw"] = get(client, link.format("km") + "withdraw/")
    pages["position: endorsements"] = endorsements_section(get(client, PAGE.format("km")))
    endorse(published, PersonFactory(organisation=organisations[2]), listed=False)
    pages["position: one not named"] = endorsements_section(get(client, PAGE.format("km")))
    nobody = invite(published, organisation=None).token
    pages["endorse: no organisation"] = get(client, f"/km/i/{nobody}/endorse/")
    pages["endorse: refused"] = post(client, f"/km/i/{nobody}/endorse/", {"listed": "on"}, 422)
    client.force_login(organiser)
    pages["manage"] = get(client, MANAGE.format("km"))
    pages["manage: refused"] = post(
        client, MANAGE.format("km"), {"organisation": organisations[1].pk, "representative": member.pk}, 422
    )
    pages["manage: withdraw"] = get(
        client, MANAGE.format("km") + f"{Endorsement.objects.first().pk}/withdraw/"
    )
    assert_khmer(pages, extra={name: {"PDF"} for name in pages})  # Khmer writes "(PDF)" too
