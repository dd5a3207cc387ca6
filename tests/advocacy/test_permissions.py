"""Every organiser page of the consolidation: only the consultation's organisers get in.

Anonymous visitors are sent to log in; a participant or an organiser of another consultation
gets 403 when the consultation is known to the public (a public meeting), else 404; nothing
they send changes anything, and no export is recorded.
"""

import pytest

from sala.advocacy.models import Disposition, Finding
from sala.core.models import AuditEntry
from sala.meetings.models import Meeting

from .conftest import SLUG, add_input, article

pytestmark = pytest.mark.django_db
BASE = f"/en/manage/consultations/{SLUG}/consolidation/"


@pytest.fixture
def urls(consultation):
    """(method, url, data) for every page; posts carry what would change something."""
    a12 = article(consultation, "12")
    given = add_input(consultation, article=a12, comment="A private thought.")
    return [
        ("get", BASE, None),
        ("get", BASE + f"cells/{a12.pk}/expression/", None),
        ("get", BASE + f"articles/{a12.pk}/", None),
        ("get", BASE + "articles/text/", None),
        ("post", BASE + f"articles/{a12.pk}/finding/", {"finding_en": "Taken over."}),
        ("get", BASE + f"inputs/{given.pk}/disposition/", None),
        ("post", BASE + f"inputs/{given.pk}/disposition/", {"status": "integrated"}),
        ("post", BASE + "regroup/", {}),
        ("get", BASE + "publish/", None),
        ("post", BASE + "publish/", {}),
        ("post", BASE + "unpublish/", {}),
        ("get", BASE + "joint-submission.docx", None),
        ("get", BASE + "joint-submission.pdf", None),
    ]


def assert_nothing_happens(client, urls, statuses: set[int]) -> None:
    for method, url, data in urls:
        response = getattr(client, method)(url, data) if data is not None else getattr(client, method)(url)
        assert response.status_code in statuses, (method, url, response.status_code)
        assert response.get("Content-Type", "").startswith("text/html"), url
        assert "A private thought." not in response.content.decode(), url
    assert not Finding.objects.exists() and not Disposition.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="export.position").exists()
    assert not AuditEntry.objects.filter(action="consolidation.grouped").exists()


def test_anonymous_visitors_are_sent_to_log_in(client, urls):
    assert_nothing_happens(client, urls, {302})
    for method, url, _data in urls:
        assert getattr(client, method)(url).url.startswith("/en/accounts/login/")


@pytest.mark.parametrize("public", [True, False])
@pytest.mark.parametrize("who", ["participant", "other_organiser"])
def test_participants_and_organisers_of_another_consultation_are_refused(
    client, consultation, urls, request, who, public
):
    if not public:
        Meeting.objects.filter(consultation=consultation).update(visibility=Meeting.Visibility.INVITATION)
    client.force_login(request.getfixturevalue(who))
    assert_nothing_happens(client, urls, {403} if public else {404})


def test_the_organiser_gets_every_page(organiser_client, urls):
    for method, url, _data in urls:
        if method == "get":
            assert organiser_client.get(url).status_code == 200, url


def test_the_demo_consultation_is_the_demo_organisers(organiser_client, other_organiser, client):
    url = "/en/manage/consultations/cybercrime-law-2014/consolidation/"
    assert organiser_client.get(url).status_code == 200
    client.force_login(other_organiser)
    assert client.get(url).status_code == 403  # its meeting is public
