"""Follow-up actions: the services' rules, the overdue and due-soon reads, and the organisers' pages
(filters, the overdue view, adding, editing, deleting, a quick status change), only for them."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sala.advocacy.models import ActionItem, Strategy
from sala.advocacy.queries.actions import ActionCounts, action_counts, consultation_actions
from sala.advocacy.services.actions import create_action, delete_action, set_action_status, update_action
from sala.core.errors import DomainError
from sala.core.models import AuditEntry
from sala.meetings.models import Meeting
from tests.core.test_i18n import assert_khmer, get, latin_words, post

from ..factories import ConsultationFactory, PersonFactory
from .followup import invite

pytestmark = pytest.mark.django_db


def days(n: int) -> date:
    """A date n days from today, read when called: a suite that runs past midnight keeps its dates."""
    return timezone.localdate() + timedelta(days=n)


def add(consultation, organiser, title="Brief the ministry", **fields) -> ActionItem:
    values = {"title_km": "", "owner_organisation": None, "owner": None, "due_on": None, **fields}
    return create_action(consultation=consultation, actor=organiser, title_en=title, **values)


@pytest.fixture
def base(consultation) -> str:
    return f"/{{}}/manage/consultations/{consultation.slug}/actions/"


@pytest.fixture
def strategy(consultation):
    return Strategy.objects.create(consultation=consultation, activity_en="Meet the Council of Ministers")


@pytest.fixture
def owner(consultation, organisations):
    person = PersonFactory(name_en="Keo Owner", organisation=organisations[0], email="keo@example.org")
    invite(consultation, person)
    return person


@pytest.fixture
def actions(consultation, organiser, owner):
    """Overdue and open, overdue but done, due soon, in progress overdue, dropped, without a date."""
    return {
        "late": add(consultation, organiser, "Late letter", due_on=days(-3), owner=owner),
        "done": add(consultation, organiser, "Done report", due_on=days(-10), status="done"),
        "soon": add(consultation, organiser, "Soon briefing", due_on=days(2)),
        "going": add(consultation, organiser, "Going analysis", due_on=days(-1), status="in_progress"),
        "dropped": add(consultation, organiser, "Dropped march", due_on=days(-5), status="dropped"),
        "undated": add(consultation, organiser, "Undated idea"),
    }


# Services


def test_create_with_strategies_of_the_consultation_only(consultation, organiser, strategy, owner):
    action = add(consultation, organiser, owner=owner, strategies=[strategy], due_on=days(5))
    assert list(action.strategies.all()) == [strategy]
    assert action.owner_organisation == owner.organisation  # taken from the owner when left empty
    elsewhere = Strategy.objects.create(consultation=ConsultationFactory(), activity_en="Elsewhere")
    with pytest.raises(DomainError) as refused:
        add(consultation, organiser, "Another", strategies=[elsewhere])
    assert refused.value.code == "action.strategy_elsewhere"
    with pytest.raises(DomainError) as refused:
        add(consultation, organiser, "   ")
    assert refused.value.code == "action.no_title"
    assert ActionItem.objects.count() == 1


def test_update_status_and_delete_are_logged(consultation, organiser, strategy):
    action = add(consultation, organiser, strategies=[strategy])
    fields = {"owner_organisation": None, "owner": None, "due_on": days(3), "status": "in_progress"}
    update_action(action=action, actor=organiser, title_en="Brief the Senate", title_km="", **fields)
    assert list(action.strategies.all()) == [strategy]  # left as they were
    update_action(
        action=action, actor=organiser, title_en="Brief the Senate", title_km="", strategies=[], **fields
    )
    action.refresh_from_db()
    assert (action.title, action.status, list(action.strategies.all())) == (
        "Brief the Senate",
        "in_progress",
        [],
    )
    set_action_status(action=action, status="done", actor=organiser)
    set_action_status(action=action, status="done", actor=organiser)  # no change, no entry
    with pytest.raises(DomainError):
        set_action_status(action=action, status="finished", actor=organiser)
    delete_action(action=action, actor=organiser)
    assert not ActionItem.objects.exists()
    logged = AuditEntry.objects.filter(action__startswith="action.").order_by("pk")
    assert [e.action for e in logged] == [
        "action.created",
        "action.changed",
        "action.changed",
        "action.status_changed",
        "action.deleted",
    ]
    assert logged.last().data["title"]["en"] == "Brief the Senate"


def test_overdue_means_open_and_due_before_today(consultation, actions):
    overdue = consultation_actions(consultation, "overdue")
    assert [a.title for a in overdue] == ["Late letter", "Going analysis"]
    assert all(a.overdue for a in overdue)
    listed = list(consultation_actions(consultation))
    assert listed[-1].title == "Undated idea"  # no due date: last
    assert {a.title for a in listed if a.overdue} == {"Late letter", "Going analysis"}
    assert [a.title for a in consultation_actions(consultation, "open")] == [
        "Late letter",
        "Going analysis",
        "Soon briefing",
        "Undated idea",
    ]
    assert [a.title for a in consultation_actions(consultation, "soon")] == ["Soon briefing"]
    assert action_counts(consultation) == ActionCounts(all=6, open=4, soon=1, overdue=2)


# Pages


def test_the_list_and_its_filters(organiser_client, base, actions):
    html = get(organiser_client, base.format("en"))
    for title in ["Late letter", "Done report", "Undated idea", "Keo Owner"]:
        assert title in html
    assert "All (6)" in html and "Open (4)" in html and "Due this week (1)" in html and "Overdue (2)" in html
    assert html.count('class="overdue"') == 2
    assert f'<tr id="action-{actions["late"].pk}" class="overdue">' in html
    assert f'<tr id="action-{actions["done"].pk}">' in html
    open_only = get(organiser_client, base.format("en") + "?show=open")
    assert "Done report" not in open_only and "Dropped march" not in open_only and "Undated idea" in open_only
    soon = get(organiser_client, base.format("en") + "?show=soon")
    assert "Soon briefing" in soon and "Late letter" not in soon and "Undated idea" not in soon


def test_the_overdue_view_highlights_what_is_late(organiser_client, base, actions):
    html = get(organiser_client, base.format("en") + "?show=overdue")
    assert "Late letter" in html and "Going analysis" in html
    for title in ["Done report", "Soon briefing", "Dropped march", "Undated idea"]:
        assert title not in html
    assert html.count('class="overdue"') == 2 and html.count('class="badge overdue"') == 2


def test_the_list_costs_the_same_queries_for_many_actions(
    organiser_client, base, consultation, organiser, strategy
):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert organiser_client.get(base.format("en")).status_code == 200
        return len(captured)

    add(consultation, organiser, strategies=[strategy])
    one = queries()
    for n in range(10):
        add(consultation, organiser, f"Action {n}", owner=PersonFactory(), strategies=[strategy])
    assert queries() == one


def test_adding_and_editing_an_action(organiser_client, base, consultation, owner, strategy):
    form = {
        "title_en": "Meet the Senate",
        "title_km": "ជួបព្រឹទ្ធសភា",
        "owner": owner.pk,
        "owner_organisation": "",
        "due_on": days(10).isoformat(),
        "status": "open",
        "strategies": [strategy.pk],
    }
    response = organiser_client.post(base.format("en") + "add/", form)
    assert response.status_code == 302 and response.url == base.format("en")
    action = ActionItem.objects.get()
    assert (action.owner, action.due_on, list(action.strategies.all())) == (owner, days(10), [strategy])
    edit = base.format("en") + f"{action.pk}/edit/"
    assert "Meet the Senate" in get(organiser_client, edit)
    response = organiser_client.post(edit, {**form, "status": "in_progress", "strategies": []})
    action.refresh_from_db()
    assert response.status_code == 302 and action.status == "in_progress" and not action.strategies.exists()


def test_a_refused_form_keeps_what_was_typed(organiser_client, base, consultation, organiser):
    response = organiser_client.post(
        base.format("en") + "add/", {"title_en": "", "title_km": "", "due_on": "2014-13-45", "status": "open"}
    )
    assert response.status_code == 422 and "2014-13-45" in response.content.decode()
    response = organiser_client.post(base.format("en") + "add/", {"title_en": " ", "status": "open"})
    assert response.status_code == 422
    assert "Give the action a title in English or in Khmer." in response.content.decode()
    action = add(consultation, organiser, "Keep me")
    response = organiser_client.post(
        base.format("en") + f"{action.pk}/edit/", {"title_en": "", "status": "open"}
    )
    action.refresh_from_db()
    assert response.status_code == 422 and action.title == "Keep me"
    assert 'value=""' in response.content.decode()  # the form shows what was sent


def test_deleting_asks_first(organiser_client, base, consultation, organiser):
    action = add(consultation, organiser, "Delete me")
    url = base.format("en") + f"{action.pk}/delete/"
    html = get(organiser_client, url)
    assert "Delete me" in html and "Yes, remove it" in html and ActionItem.objects.exists()
    assert organiser_client.post(url).status_code == 302 and not ActionItem.objects.exists()


def test_a_quick_status_change_without_and_with_htmx(organiser_client, base, actions):
    late = actions["late"]
    url = base.format("en") + f"{late.pk}/status/?show=overdue"
    response = organiser_client.post(url, {"status": "done"})
    assert response.status_code == 302 and response.url == base.format("en") + "?show=overdue"
    late.refresh_from_db()
    assert late.status == "done"
    response = organiser_client.post(url, {"status": "open"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200 and html.strip().startswith(
        f'<tr id="action-{late.pk}" class="overdue">'
    )
    assert "<html" not in html and '<option value="open" selected>' in html
    response = organiser_client.post(url, {"status": "finished"}, headers={"HX-Request": "true"})
    late.refresh_from_db()
    assert response.status_code == 422 and late.status == "open"


def test_an_action_of_another_consultation_is_not_found(organiser_client, base, organiser):
    other = ConsultationFactory()
    other.organisers.add(organiser)
    action = add(other, organiser, "Theirs")
    for suffix in ["edit/", "delete/", "status/"]:
        assert organiser_client.get(base.format("en") + f"{action.pk}/{suffix}").status_code in {404, 405}
        assert (
            organiser_client.post(base.format("en") + f"{action.pk}/{suffix}", {"status": "done"}).status_code
            == 404
        )
    assert ActionItem.objects.get().status == "open"


# Who may use the pages


@pytest.fixture
def urls(base, consultation, organiser):
    action = add(consultation, organiser, "A private plan")
    one = base.format("en") + f"{action.pk}/"
    form = {"title_en": "Taken over", "status": "done"}
    return [
        ("get", base.format("en"), None),
        ("get", base.format("en") + "?show=overdue", None),
        ("get", base.format("en") + "add/", None),
        ("post", base.format("en") + "add/", form),
        ("get", one + "edit/", None),
        ("post", one + "edit/", form),
        ("get", one + "delete/", None),
        ("post", one + "delete/", {}),
        ("post", one + "status/", {"status": "done"}),
    ]


def assert_nothing_changes(client, urls, statuses: set[int]) -> None:
    for method, url, data in urls:
        response = getattr(client, method)(url, data or {})
        assert response.status_code in statuses, (method, url, response.status_code)
        assert "A private plan" not in response.content.decode(), url
    assert list(ActionItem.objects.values_list("title_en", "status")) == [("A private plan", "open")]


def test_anonymous_visitors_are_sent_to_log_in(client, urls):
    assert_nothing_changes(client, urls, {302})
    for method, url, _data in urls:
        assert getattr(client, method)(url).url.startswith("/en/accounts/login/")


@pytest.mark.parametrize("public", [True, False])
@pytest.mark.parametrize("who", ["participant", "other_organiser"])
def test_participants_and_other_organisers_are_refused(client, consultation, urls, request, who, public):
    if not public:
        Meeting.objects.filter(consultation=consultation).update(visibility=Meeting.Visibility.INVITATION)
    client.force_login(request.getfixturevalue(who))
    assert_nothing_changes(client, urls, {403} if public else {404})


# In Khmer


def test_the_action_pages_are_all_khmer(organiser_client, base, actions, strategy):
    late = actions["late"]
    pages = {name: get(organiser_client, base.format("km") + query) for name, query in [
        ("list", ""), ("open", "?show=open"), ("soon", "?show=soon"), ("overdue", "?show=overdue"),
        ("add", "add/"), ("edit", f"{late.pk}/edit/"), ("delete", f"{late.pk}/delete/"),
    ]}  # fmt: skip
    pages["add: refused"] = post(
        organiser_client, base.format("km") + "add/", {"title_en": "", "status": ""}, 422
    )
    response = organiser_client.post(
        base.format("km") + f"{late.pk}/status/", {"status": "done"}, headers={"HX-Request": "true"}
    )
    pages["status: row"] = response.content.decode()
    pages["after a status change"] = organiser_client.post(
        base.format("km") + f"{late.pk}/status/", {"status": "open"}, follow=True
    ).content.decode()
    typed = {w for a in ActionItem.objects.all() for w in latin_words(a.title_en)} | latin_words(
        strategy.activity_en
    )
    ActionItem.objects.all().delete()
    pages["empty"] = get(organiser_client, base.format("km"))
    pages["overdue: none"] = get(organiser_client, base.format("km") + "?show=overdue")
    pages["soon: none"] = get(organiser_client, base.format("km") + "?show=soon")
    assert_khmer(pages, extra={name: typed for name in pages})  # the actions' titles are data
