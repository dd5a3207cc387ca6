"""The demo's joint position: findings on the provisions critics focused on, every input decided."""

import re
from collections import Counter

import pytest

from sala.advocacy.models import Disposition, Finding
from sala.core.models import AuditEntry
from sala.demo.advocacy_loader import load_positions
from sala.demo.inputs_loader import load_inputs
from sala.demo.loader import ensure_organiser
from sala.laws.models import Article
from sala.participation.models import Input
from tests.core.test_i18n import assert_khmer, get, latin_words

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(demo_meeting):
    organiser = ensure_organiser()
    load_inputs(demo_meeting, organiser)
    load_positions(demo_meeting, organiser)
    demo_meeting.consultation.refresh_from_db()
    return demo_meeting.consultation


def test_findings_on_the_criticised_provisions_and_the_whole_text(loaded):
    findings = Finding.objects.filter(consultation=loaded).select_related("article")
    assert {f.article.heading if f.article else None for f in findings} == {
        None,
        "Content offences",
        "False information",
        "Powers of the Committee",
        "Collection of traffic data",
    }
    for finding in findings:
        assert finding.finding_en and finding.finding_km and finding.recommendation_km
    content = findings.get(article__heading="Content offences")
    assert content.wording_km.startswith("មាត្រា ១២៖") and content.wording_en.startswith("Article 12:")
    assert loaded.position_published_at is not None


def test_every_input_is_decided_and_each_group_merged_into_its_first(loaded):
    inputs = Input.objects.filter(consultation=loaded)
    assert inputs.count() >= 100 and not inputs.filter(disposition=None).exists()
    sizes = Counter(inputs.exclude(group=None).values_list("group", flat=True))
    assert sizes.most_common(1)[0][1] >= 25  # the campaign's English copies (its Khmer ones: another)
    for group, size in sizes.items():
        statuses = Counter(
            Disposition.objects.filter(input__group=group).values_list("status", "merged_into")
        )
        assert statuses == {("integrated", None): 1, ("merged", group): size - 1}
    refused = Disposition.objects.filter(input__consultation=loaded, status="not_integrated")
    assert refused.exists() and not refused.filter(reason_en="").exists() and not refused.filter(reason_km="")


def test_a_second_run_changes_nothing(loaded, demo_meeting):
    before = AuditEntry.objects.count()
    load_positions(demo_meeting, ensure_organiser())
    assert AuditEntry.objects.count() == before


def test_the_demo_position_is_public_and_its_crowded_places_have_khmer_pages(client, loaded):
    html = client.get("/km/consultations/cybercrime-law-2014/position/").content.decode()
    assert "ក្រុមហ៊ុនផ្តល់សេវា" in html
    crowded = re.findall(r'href="(\?place=[a-z0-9]+)"', html)
    assert crowded, "the demo has a place with more than ten inputs"
    pages = {url: get(client, f"/km/consultations/cybercrime-law-2014/position/{url}") for url in crowded}
    assert_khmer(pages, extra={url: written_words() | {"×"} for url in crowded})


def written_words() -> set[str]:
    """Latin words of what people wrote: the draft's articles, inputs and dispositions."""
    rows = [
        *Article.objects.values_list("heading", "text"),
        *Input.objects.values_list("comment", "proposed_wording"),
        *Disposition.objects.values_list("reason_en", flat=False),
    ]
    return {word for row in rows for text in row for word in latin_words(text or "")}
