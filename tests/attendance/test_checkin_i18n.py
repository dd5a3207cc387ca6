"""The door in Khmer: every check-in screen and message, with no English left in the interface."""

from sala.attendance import services
from tests.core.test_i18n import assert_khmer, get, post
from tests.factories import PersonFactory

SLUG = "cybercrime-law-2014"
BASE = f"/km/manage/meetings/{SLUG}/check-in/"
HTMX = {"HTTP_HX_REQUEST": "true"}


def test_check_in_screens_are_all_khmer(organiser_client, demo_meeting, organiser):
    here, coming = PersonFactory(name_km="អ៊ុំ សុធា"), PersonFactory(name_km="អ៊ុំ សុធារី")
    invitations = services.invite_people(meeting=demo_meeting, people=[here, coming], actor=organiser)
    services.check_in(meeting=demo_meeting, person=here, actor=organiser)
    known = PersonFactory(name_km="ស៊ឹម ចន្ទា", phone="012345678")
    walk_in = {"name": "ស៊ឹម ចន្ទា", "organisation": "", "gender": "", "phone": "០១២ ៣៤៥ ៦៧៨"}

    pages = {
        "search": get(organiser_client, f"{BASE}?q=អ៊ុំ"),
        "search, no one": get(organiser_client, f"{BASE}?q=គ្មាន"),
        "results (HTMX)": organiser_client.get(BASE, {"q": "សុធ"}, **HTMX).content.decode(),
        "count": get(organiser_client, f"{BASE}count/"),
        "code": post(organiser_client, f"{BASE}code/", {"code": invitations[1].token}, 200),
        "code, unknown": post(organiser_client, f"{BASE}code/", {"code": "០០០"}, 422),
        "check in (HTMX)": organiser_client.post(f"{BASE}{coming.pk}/", **HTMX).content.decode(),
        "undo": get(organiser_client, f"{BASE}{here.pk}/undo/"),
        "walk-in": get(organiser_client, f"{BASE}walk-in/"),
        "walk-in, no name": post(organiser_client, f"{BASE}walk-in/", {**walk_in, "name": ""}, 422),
        "walk-in, someone like them": post(organiser_client, f"{BASE}walk-in/", walk_in, 422),
    }
    assert known.name_km in pages["walk-in, someone like them"]
    after = organiser_client.post(f"{BASE}{here.pk}/undo/", {"q": "អ៊ុំ"}, follow=True)
    pages["after undo, with its message"] = after.content.decode()
    assert_khmer(pages, extra={name: {"QR"} for name in pages})  # Khmer writes "កូដ QR" too
