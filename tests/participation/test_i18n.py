"""The input pages in Khmer show no English of their own (only the data's: the draft, the comments)."""

import pytest

from sala.laws.models import Article, Chapter, DraftVersion
from sala.participation import services
from sala.participation.models import Input
from tests.core.test_i18n import data_words, get, latin_words, post, stray_words

from .conftest import ARTICLES, make_draft

pytestmark = pytest.mark.django_db


def input_data_words() -> set[str]:
    """Latin words of the draft and the inputs: data, shown as typed or imported."""
    words = data_words()
    for article in Article.objects.all():
        words |= latin_words(f"{article.number} {article.heading} {article.text}")
    for chapter in Chapter.objects.all():
        words |= latin_words(chapter.heading)
    for label in DraftVersion.objects.values_list("label", flat=True):
        words |= latin_words(label)
    for comment, wording in Input.objects.values_list("comment", "proposed_wording"):
        words |= latin_words(f"{comment} {wording}")
    return words


def assert_khmer(pages: dict[str, str]) -> None:
    stray = stray_words(pages, input_data_words())
    report = "\n".join(f"  {url}: {words}" for url, words in stray.items())
    assert not stray, f"English left on Khmer pages:\n{report}"


def test_participant_pages_are_all_khmer(client, invitation, articles, participant, consultation, person):
    mine = services.give_input(
        consultation=consultation,
        article=articles["4"],
        concern="privacy",
        comment="Too broad",
        channel="online",
        anonymous=False,
        author=person,
    )
    base = f"/km/i/{invitation.token}/inputs/"
    pages = {url: get(client, url) for url in [base, f"{base}add/?article={articles['4'].pk}", f"{base}add/"]}
    pages[f"{base}{mine.pk}/withdraw/"] = get(client, f"{base}{mine.pk}/withdraw/")
    pages["add: empty form"] = post(client, f"{base}add/", {"article": "999"}, 422)
    response = client.post(
        f"{base}add/", {"concern": "other", "comment": "x", "anonymous": "on"}, follow=True
    )
    pages["after an anonymous input"] = response.content.decode()
    client.force_login(participant)
    account = f"/km/consultations/{consultation.slug}/give-input/"
    pages[account] = get(client, account)
    pages[account + "add/"] = get(client, account + "add/")
    consultation.inputs_open_from = consultation.inputs_open_until = None
    consultation.save()
    pages["closed"] = get(client, base)
    pages["add: closed"] = post(client, f"{base}add/", {"concern": "other", "comment": "x"}, 422)
    assert_khmer(pages)


def test_organiser_pages_are_all_khmer(client, inputs_organiser, consultation, articles, person, invitation):
    client.force_login(inputs_organiser)
    for n, article in enumerate([articles["5"], articles["4"], None]):
        services.give_input(
            consultation=consultation,
            article=article,
            concern="penalties",
            comment=f"Card {n}",
            channel="paper",
            anonymous=n != 0,
            author=person,
            entered_by=inputs_organiser,
        )
    base = f"/km/manage/consultations/{consultation.slug}/inputs/"
    version_2 = make_draft(consultation.law, ARTICLES[:4], label="Version 2")
    pages = {url: get(client, url) for url in [base, base + "add/", base + "window/", base + "draft/"]}
    pages["add: errors"] = post(client, base + "add/", {"channel": "meeting"}, 422)
    pages["window: errors"] = post(
        client, base + "window/", {"opens": "2014-06-20T08:00", "closes": "១"}, 422
    )
    pages["draft: plan"] = post(client, base + "draft/", {"draft": version_2.pk}, 200)
    pages["draft: same version"] = post(client, base + "draft/", {"draft": "999"}, 422)
    response = client.post(base + "draft/", {"draft": version_2.pk, "confirm": "yes"}, follow=True)
    pages["list with unplaced inputs"] = response.content.decode()
    pages["filtered"] = get(client, base + f"?concern=penalties&channel=paper&article={articles['4'].pk}")
    export = client.get(base + "inputs.csv").content.decode("utf-8-sig")
    pages["inputs.csv (headers and fixed words)"] = f"<p>{export}</p>"
    assert_khmer(pages)
