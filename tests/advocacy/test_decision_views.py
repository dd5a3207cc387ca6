"""The road-map and decision pages: organisers' screens, voting by the personal link, who gets in,
and every new page in Khmer."""

import re

import pytest

from sala.advocacy.models import Ballot, Decision, Strategy
from sala.advocacy.services import decisions as services
from sala.core.models import AuditEntry
from sala.laws.models import Article
from sala.meetings.models import Meeting
from sala.participation.models import BreakoutGroup, GroupReport
from tests.core.test_i18n import data_words, get, latin_words, post, stray_words
from tests.factories import MeetingFactory

from .conftest import SLUG, article
from .decision_support import add_strategy, arrive, open_decision, prepared_decision, token_of, vote
from .permission_walk import PermissionWalk

pytestmark = pytest.mark.django_db
ROADMAP = f"/en/manage/consultations/{SLUG}/roadmap/"
DECISIONS = f"/en/manage/consultations/{SLUG}/decisions/"


@pytest.fixture
def meeting(consultation) -> Meeting:
    return consultation.meetings.first()


@pytest.fixture
def group(meeting) -> BreakoutGroup:
    group = BreakoutGroup.objects.create(meeting=meeting, topic_en="Advocacy", topic_km="ការតស៊ូមតិ")
    GroupReport.objects.create(group=group, recommendations="1. Brief the media\n2. Meet the embassies")
    return group


# --- Who gets in --------------------------------------------------------------------------


@pytest.fixture
def organiser_urls(consultation, group):
    """(method, url, data) for every organiser page; posts carry what would change something."""
    strategy = add_strategy(consultation, "Secret strategy")
    add_strategy(consultation, "Second strategy")
    draft = prepared_decision(consultation, strategies=[strategy])
    live = open_decision(consultation, strategies=[strategy])
    edit = {"activity_en": "Changed", "owner": "", "due_on": ""}
    rules = {"title_en": "Sneaky", "voters": "checked_in", "quorum": "50", "pass_rule": "majority"}
    return [
        ("get", ROADMAP, None),
        ("get", ROADMAP + "add/", None),
        ("post", ROADMAP + "add/", {"activity_en": "Sneaky strategy"}),
        ("get", ROADMAP + f"{strategy.pk}/edit/", None),
        ("post", ROADMAP + f"{strategy.pk}/edit/", edit),
        ("get", ROADMAP + f"{strategy.pk}/delete/", None),
        ("post", ROADMAP + f"{strategy.pk}/delete/", {}),
        ("post", ROADMAP + f"{strategy.pk}/move/down/", {}),
        ("post", ROADMAP + f"groups/{group.pk}/draft/", {}),
        ("get", DECISIONS, None),
        ("get", DECISIONS + "add/", None),
        ("post", DECISIONS + "add/", rules),
        ("get", DECISIONS + f"{draft.pk}/", None),
        ("get", DECISIONS + f"{live.pk}/count/", None),
        ("get", DECISIONS + f"{draft.pk}/edit/", None),
        ("post", DECISIONS + f"{draft.pk}/edit/", rules),
        ("post", DECISIONS + f"{draft.pk}/open/", {}),
        ("get", DECISIONS + f"{live.pk}/close/", None),
        ("post", DECISIONS + f"{live.pk}/close/", {"statement_en": "Closed by someone else"}),
        ("get", DECISIONS + f"{draft.pk}/delete/", None),
        ("post", DECISIONS + f"{draft.pk}/delete/", {}),
    ]


class TestWhoGetsIn(PermissionWalk):
    secret = "Secret strategy"

    @pytest.fixture
    def urls(self, organiser_urls):
        return organiser_urls

    def state(self):
        return (
            AuditEntry.objects.count(),
            list(Strategy.objects.order_by("pk").values_list("activity_en", "position")),
            list(Decision.objects.order_by("pk").values_list("title_en", "status")),
        )


def test_a_voting_link_opens_only_its_own_consultations_decisions(client, consultation, meeting):
    (person,) = arrive(meeting, 1)
    decision = open_decision(consultation)
    draft = prepared_decision(consultation)
    elsewhere = MeetingFactory()
    (stranger,) = arrive(elsewhere, 1)
    foreign = token_of(elsewhere, stranger)
    assert client.get(f"/en/i/{foreign}/decisions/{decision.pk}/").status_code == 404
    response = client.post(f"/en/i/{foreign}/decisions/{decision.pk}/", {"choice": "approve"})
    assert response.status_code == 404 and not Ballot.objects.exists()
    assert decision.title_en not in client.get(f"/en/i/{foreign}/decisions/").content.decode()
    mine = token_of(meeting, person)
    assert client.get(f"/en/i/{mine}/decisions/{draft.pk}/").status_code == 404
    assert client.get(f"/en/i/not-a-token/decisions/{decision.pk}/").status_code == 404
    response = client.get(f"/en/i/{mine}/decisions/{decision.pk}/")
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "same-origin" and "no-cache" in response["Cache-Control"]


# --- The organisers' road map -------------------------------------------------------------


def test_organisers_add_edit_move_and_remove_strategies(organiser_client, consultation, organisations):
    a12 = article(consultation, "12")
    response = organiser_client.post(
        ROADMAP + "add/",
        {
            "activity_en": "Joint submission",
            "activity_km": "សំណើរួម",
            "target_en": "Ministry of Interior",
            "owner": organisations[0].pk,
            "time_frame_en": "July 2014",
            "due_on": "2014-07-15",
            "articles": [a12.pk],
        },
    )
    strategy = Strategy.objects.get()
    assert response.status_code == 302 and response.url == ROADMAP + f"#strategy-{strategy.pk}"
    assert (strategy.owner, list(strategy.articles.all())) == (organisations[0], [a12])
    page = organiser_client.get(ROADMAP).content.decode()
    assert (
        "Joint submission" in page
        and "Ministry of Interior" in page
        and "Article 12: Content offences" in page
    )
    second = add_strategy(consultation, "Media briefing")
    response = organiser_client.post(ROADMAP + f"{second.pk}/move/up/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and response.content.decode().lstrip().startswith(
        '<section id="strategies"'
    )
    assert [s.activity_en for s in Strategy.objects.order_by("position")] == [
        "Media briefing",
        "Joint submission",
    ]
    response = organiser_client.post(
        ROADMAP + f"{strategy.pk}/edit/", {"activity_en": "", "target_en": "Kept"}
    )
    assert response.status_code == 422
    assert "Say what the activity is" in response.content.decode() and "Kept" in response.content.decode()
    assert "Yes, remove it" in organiser_client.get(ROADMAP + f"{strategy.pk}/delete/").content.decode()
    assert organiser_client.post(ROADMAP + f"{strategy.pk}/delete/").status_code == 302
    assert list(Strategy.objects.values_list("activity_en", flat=True)) == ["Media briefing"]


def test_a_strategy_put_to_a_vote_cannot_be_removed_from_the_page(organiser_client, consultation):
    strategy = add_strategy(consultation, "Voted on")
    open_decision(consultation, strategies=[strategy])
    response = organiser_client.post(ROADMAP + f"{strategy.pk}/delete/", follow=True)
    assert "was put to a vote" in response.content.decode()
    assert Strategy.objects.filter(pk=strategy.pk).exists()


def test_strategies_are_drafted_from_a_group_report(organiser_client, consultation, group):
    page = organiser_client.get(ROADMAP).content.decode()
    assert "Brief the media" in page and f"groups/{group.pk}/draft/" in page
    response = organiser_client.post(ROADMAP + f"groups/{group.pk}/draft/", follow=True)
    assert "2 strategies drafted" in response.content.decode()
    assert list(Strategy.objects.values_list("activity_en", "from_group")) == [
        ("Brief the media", group.pk),
        ("Meet the embassies", group.pk),
    ]
    again = organiser_client.post(ROADMAP + f"groups/{group.pk}/draft/", follow=True)
    assert "already on the road map" in again.content.decode() and Strategy.objects.count() == 2
    other = BreakoutGroup.objects.create(meeting=MeetingFactory(), topic_en="Elsewhere")
    assert organiser_client.post(ROADMAP + f"groups/{other.pk}/draft/").status_code == 404


# --- The organisers' decisions ------------------------------------------------------------


def test_a_decision_is_prepared_opened_watched_and_closed_through_the_pages(
    organiser_client, consultation, meeting
):
    strategies = [
        add_strategy(consultation, "Joint submission"),
        add_strategy(consultation, "Media briefing"),
    ]
    people = arrive(meeting, 6)
    typed = {
        "title_en": "",
        "voters": "checked_in",
        "meeting": meeting.pk,
        "quorum": "៥០",
        "pass_rule": "majority",
    }
    bad = organiser_client.post(DECISIONS + "add/", typed)
    assert bad.status_code == 422 and "Give the decision a title" in bad.content.decode()
    assert 'value="៥០"' in bad.content.decode()  # what was typed is kept
    response = organiser_client.post(
        DECISIONS + "add/",
        {
            "title_en": "Approve the road map",
            "strategies": [s.pk for s in strategies],
            "voters": "checked_in",
            "meeting": meeting.pk,
            "results_hidden": "on",
            "quorum": "៥០",
            "pass_rule": "two_thirds",
        },
    )
    decision = Decision.objects.get()
    assert response.status_code == 302 and response.url == DECISIONS + f"{decision.pk}/"
    assert (decision.quorum, decision.pass_rule, decision.results_hidden, decision.anonymous) == (
        50,
        "two_thirds",
        True,
        False,
    )
    assert decision.strategies.count() == 2
    organiser_client.post(DECISIONS + f"{decision.pk}/open/")
    decision.refresh_from_db()
    assert decision.status == "open"
    vote(decision, people[:4], "approve")
    vote(decision, people[4:5], "object", "The timing is wrong.")
    page = organiser_client.get(DECISIONS + f"{decision.pk}/").content.decode()
    assert "5 of 6 eligible voters voted (83%)" in page and "hidden from everyone" in page
    assert "The timing is wrong." not in page
    count = organiser_client.get(DECISIONS + f"{decision.pk}/count/")
    again = organiser_client.get(DECISIONS + f"{decision.pk}/count/", HTTP_IF_NONE_MATCH=count["ETag"])
    assert (count.status_code, again.status_code, again.content) == (200, 304, b"")
    vote(decision, people[5:], "abstain")
    assert (
        organiser_client.get(
            DECISIONS + f"{decision.pk}/count/", HTTP_IF_NONE_MATCH=count["ETag"]
        ).status_code
        == 200
    )
    response = organiser_client.post(
        DECISIONS + f"{decision.pk}/close/", {"statement_en": "The road map is adopted.", "statement_km": ""}
    )
    assert response.status_code == 302
    page = organiser_client.get(DECISIONS + f"{decision.pk}/").content.decode()
    for text in (
        "Passed",
        "Quorum reached",
        "The timing is wrong.",
        people[4].name_en,
        "The road map is adopted.",
    ):
        assert text in page, text
    assert "6 of 6 eligible voters voted (100%)" in page
    assert (
        organiser_client.get(DECISIONS + f"{decision.pk}/edit/", follow=True)
        .redirect_chain[-1][0]
        .endswith(f"/decisions/{decision.pk}/")
    )
    again = organiser_client.post(DECISIONS + f"{decision.pk}/close/", {"statement_en": "Changed"})
    assert again.status_code == 422 and "closed" in again.content.decode()
    decision.refresh_from_db()
    assert decision.statement_en == "The road map is adopted."


def test_a_list_of_voters_is_set_on_the_form(organiser_client, consultation, meeting):
    listed, unlisted = arrive(meeting, 2, checked_in=False)
    strategy = add_strategy(consultation)
    form = organiser_client.get(DECISIONS + "add/").content.decode()
    assert listed.name_en in form
    organiser_client.post(
        DECISIONS + "add/",
        {
            "title_en": "Board vote",
            "strategies": [strategy.pk],
            "voters": "list",
            "people": [listed.pk],
            "quorum": "100",
            "pass_rule": "no_objection",
            "anonymous": "on",
        },
    )
    decision = Decision.objects.get()
    assert list(decision.eligible_voters.values_list("person", flat=True)) == [listed.pk]
    edit = organiser_client.get(DECISIONS + f"{decision.pk}/edit/").content.decode()
    assert re.search(rf'<input[^>]*value="{listed.pk}"[^>]*checked', edit)
    services.open_decision(decision=decision, actor=None)
    vote(decision, [listed], "consent")
    response = organiser_client.post(DECISIONS + f"{decision.pk}/close/", follow=True)
    assert "1 of 1 eligible voters voted (100%)" in response.content.decode()
    assert unlisted.name_en not in response.content.decode()


def test_opening_a_decision_without_strategies_says_why(organiser_client, consultation, meeting):
    decision = services.create_decision(
        consultation=consultation, actor=None, meeting=meeting, title_en="Empty"
    )
    response = organiser_client.post(DECISIONS + f"{decision.pk}/open/", follow=True)
    assert "Choose at least one strategy" in response.content.decode()
    decision.refresh_from_db()
    assert decision.status == "draft"


# --- Voting by the personal link ----------------------------------------------------------


def test_a_participant_votes_and_changes_a_named_vote(client, consultation, meeting):
    (person,) = arrive(meeting, 1)
    decision = open_decision(consultation, results_hidden=False)
    base = f"/en/i/{token_of(meeting, person)}/decisions/"
    listing = client.get(base).content.decode()
    assert decision.title_en in listing and "Vote" in listing
    page = client.get(base + f"{decision.pk}/").content.decode()
    assert "Joint submission to the Ministry" in page and "Your name is recorded" in page
    refused = client.post(base + f"{decision.pk}/", {"choice": "object", "reason": ""})
    assert refused.status_code == 422 and "Say why you object" in refused.content.decode()
    assert not Ballot.objects.exists()
    response = client.post(
        base + f"{decision.pk}/", {"choice": "object", "reason": "Too early."}, follow=True
    )
    html = response.content.decode()
    assert "Your vote: Object." in html and "Change my vote" in html and "Too early." in html
    client.post(base + f"{decision.pk}/", {"choice": "approve"})
    assert list(Ballot.objects.values_list("voter", "choice", "reason")) == [(person.pk, "approve", "")]
    assert "You have voted" in client.get(base).content.decode()


def test_an_anonymous_vote_is_sent_once(client, consultation, meeting):
    (person,) = arrive(meeting, 1)
    decision = open_decision(consultation, anonymous=True)
    url = f"/en/i/{token_of(meeting, person)}/decisions/{decision.pk}/"
    assert "Once sent, your vote cannot be changed" in client.get(url).content.decode()
    page = client.post(url, {"choice": "abstain"}, follow=True).content.decode()
    assert "You have voted." in page and "Send my vote" not in page
    assert "The count is shown when voting closes." in page
    second = client.post(url, {"choice": "object", "reason": "Changed my mind"})
    assert second.status_code == 422 and "already voted" in second.content.decode()
    assert list(Ballot.objects.values_list("choice", flat=True)) == ["abstain"]


def test_people_who_may_not_vote_are_told_so(client, consultation, meeting):
    (absent,) = arrive(meeting, 1, checked_in=False)
    decision = open_decision(consultation)
    url = f"/en/i/{token_of(meeting, absent)}/decisions/{decision.pk}/"
    page = client.get(url).content.decode()
    assert "Only the participants, speakers and organisers checked in at" in page
    assert "observers and honoured guests do not vote" in page and "Send my vote" not in page
    response = client.post(url, {"choice": "approve"})
    assert response.status_code == 422 and "not among the people who may vote" in response.content.decode()
    assert not Ballot.objects.exists()


def test_after_closing_voters_see_the_result_and_the_statement(client, consultation, meeting):
    people = arrive(meeting, 3)
    decision = open_decision(consultation, results_hidden=True)
    vote(decision, people[:2], "approve")
    vote(decision, people[2:], "object", "Not this year.")
    url = f"/en/i/{token_of(meeting, people[0])}/decisions/{decision.pk}/"
    assert "Not this year." not in client.get(url).content.decode()
    services.close_decision(decision=decision, statement_en="Not adopted: one objection.", actor=None)
    page = client.get(url).content.decode()
    for text in (
        "Not passed",
        "Not adopted: one objection.",
        "Not this year.",
        "3 of 3 eligible voters voted",
    ):
        assert text in page, text
    assert people[2].name_en not in page and "Send my vote" not in page
    response = client.post(url, {"choice": "approve"})
    assert response.status_code == 422 and "Voting on this decision is closed." in response.content.decode()


# --- Khmer --------------------------------------------------------------------------------


def advocacy_words() -> set[str]:
    """Latin words of the draft, strategies, decisions, reports and reasons: data shown as typed."""
    words = data_words()
    for number, heading in Article.objects.values_list("number", "heading"):
        words |= latin_words(f"{number} {heading}")
    for model in (Strategy, Decision):
        for obj in model.objects.all():
            for field in model._meta.fields:
                if field.name.endswith("_en"):
                    words |= latin_words(getattr(obj, field.name))
    for text in GroupReport.objects.values_list("recommendations", flat=True):
        words |= latin_words(text)
    for reason in Ballot.objects.values_list("reason", flat=True):
        words |= latin_words(reason)
    return words


def assert_khmer(pages: dict[str, str]) -> None:
    stray = stray_words(pages, advocacy_words())
    report = "\n".join(f"  {url}: {words}" for url, words in stray.items())
    assert not stray, f"English left on Khmer pages:\n{report}"


def test_the_new_pages_are_all_khmer(client, consultation, meeting, organiser, group, organisations):
    people = arrive(meeting, 4)
    strategy = add_strategy(
        consultation,
        "Joint submission",
        activity_km="សំណើរួមទៅក្រសួងមហាផ្ទៃ",
        target_km="ក្រសួងមហាផ្ទៃ",
        owner=organisations[0],
        time_frame_km="ខែកក្កដា",
        articles=[article(consultation, "12")],
    )
    draft = prepared_decision(consultation, strategies=[strategy], voters="list", people=people[:2])
    live = open_decision(consultation, strategies=[strategy], results_hidden=False)
    vote(live, people[:2], "approve")
    vote(live, people[2:3], "object", "មិនទាន់ដល់ពេល")
    anonymous = open_decision(consultation, strategies=[strategy], anonymous=True, title_km="ការបោះឆ្នោតអនាមិក")
    vote(anonymous, people[:1], "consent")
    closed = open_decision(consultation, strategies=[strategy], title_km="បានបិទ")
    vote(closed, people, "approve")
    services.close_decision(decision=closed, statement_km="បានអនុម័ត", actor=None)
    token = token_of(meeting, people[0])
    mine = f"/km/i/{token}/decisions/"
    pages = {
        url: get(client, url)
        for url in [mine, mine + f"{live.pk}/", mine + f"{anonymous.pk}/", mine + f"{closed.pk}/"]
    }
    pages["vote: object without a reason"] = post(client, mine + f"{live.pk}/", {"choice": "object"}, 422)
    pages["vote: anonymous twice"] = post(client, mine + f"{anonymous.pk}/", {"choice": "approve"}, 422)
    outsider = f"/km/i/{token_of(meeting, arrive(meeting, 1, checked_in=False)[0])}/decisions/{live.pk}/"
    pages["not eligible"] = get(client, outsider)
    client.force_login(organiser)
    roadmap, decisions = ROADMAP.replace("/en/", "/km/"), DECISIONS.replace("/en/", "/km/")
    for url in [
        roadmap,
        roadmap + "add/",
        roadmap + f"{strategy.pk}/edit/",
        roadmap + f"{strategy.pk}/delete/",
        decisions,
        decisions + "add/",
        decisions + f"{draft.pk}/",
        decisions + f"{draft.pk}/edit/",
        decisions + f"{draft.pk}/delete/",
        decisions + f"{live.pk}/",
        decisions + f"{live.pk}/count/",
        decisions + f"{anonymous.pk}/",
        decisions + f"{closed.pk}/",
    ]:
        pages[url] = get(client, url)
    pages["strategy: no activity"] = post(client, roadmap + "add/", {"target_km": "ក"}, 422)
    typed = {"voters": "checked_in", "meeting": meeting.pk, "quorum": "១០១", "pass_rule": "majority"}
    pages["decision: no title"] = post(client, decisions + "add/", typed, 422)
    pages["close: already closed"] = post(client, decisions + f"{closed.pk}/close/", {}, 422)
    response = client.post(roadmap + f"groups/{group.pk}/draft/", follow=True)
    pages["after drafting from a group"] = response.content.decode()
    assert_khmer(pages)
