"""Every organiser page of the consolidation: only the consultation's organisers get in, and
no outsider's request changes, groups or exports anything (permission_walk.py)."""

import pytest
from django.db.models import Q

from sala.advocacy.models import Disposition, Finding
from sala.core.models import AuditEntry

from .conftest import SLUG, add_input, article
from .permission_walk import PermissionWalk

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


class TestWhoGetsIn(PermissionWalk):
    secret = "A private thought."

    def state(self):
        recorded = AuditEntry.objects.filter(
            Q(action__startswith="export.position") | Q(action="consolidation.grouped")
        )
        return Finding.objects.count(), Disposition.objects.count(), recorded.count()


def test_the_demo_consultation_is_the_demo_organisers(organiser_client, other_organiser, client):
    url = "/en/manage/consultations/cybercrime-law-2014/consolidation/"
    assert organiser_client.get(url).status_code == 200
    client.force_login(other_organiser)
    assert client.get(url).status_code == 403  # its meeting is public
