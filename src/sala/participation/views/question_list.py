"""The participants' list of questions, rendered once per board version for every phone.

After a visible change (a question approved, answered, hidden...) every phone in the room fetches
the list within one poll: 300 in 3 s at the 2014 meeting. Rendering it 300 times is more than a
small server can do in that time, so the part everyone sees alike is rendered once per item,
board version, sort, language and swap mode, and kept in the shared cache. Where each phone's
own parts go (their link in the form addresses, their CSRF token, their waiting questions or a
refusal, which questions they upvoted), the rendering holds random marks, made anew for each
rendering: a question's text cannot forge one. Filling them is a few string replacements.
"""

import secrets
from dataclasses import dataclass

from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import quote_etag
from django.utils.safestring import SafeString, mark_safe

from sala.core.models.bilingual import active_language
from sala.meetings.models import AgendaItem

from ..queries import questions as queries

PARTICIPANT = "participation/questions/participant.html"
KEEP_SECONDS = 600  # a version is superseded long before; the next one is a new key


def tag(kind: str, item_id: int, counter: int, *extra: str) -> str:
    """A live block's ETag: which view of which item, its board counter, the language, the sort."""
    return quote_etag("-".join([f"q{kind}{item_id}", str(counter), active_language(), *extra]))


@dataclass(frozen=True)
class SharedList:
    """The list as everyone sees it, with marks where one participant's own parts go."""

    html: str
    token: str  # the mark standing for the participant's link
    csrf: str  # ...for their CSRF token
    own: str  # ...for their waiting questions or a refusal
    buttons: dict[int, tuple[str, str]]  # open question -> its upvote button: (not upvoted, upvoted)

    def fill(self, *, token: str, csrf: str, own: str, upvoted: set[int]) -> str:
        html = self.html
        for pk in upvoted & self.buttons.keys():
            html = html.replace(*self.buttons[pk], 1)
        html = html.replace(self.token, token).replace(self.csrf, csrf)
        return html.replace(self.own, own, 1)  # last: a waiting question is the participant's text


def render_shared(item_id: int, version: int, sort: str, *, oob: bool) -> SharedList:
    """Render the list once, with marks (each a random name, so unguessable)."""
    token, csrf, own = (f"sala{secrets.token_hex(12)}" for _ in range(3))
    item = AgendaItem.objects.get(pk=item_id)
    shown = queries.shown_questions(queries.board_of(item), sort)
    page_url = reverse("participation:questions", args=[token, item_id])
    context = {
        "item": item,
        "token": token,
        "csrf_token": csrf,
        "own_part": own,
        "shown": shown,
        "upvoted": set(),
        "sort": sort,
        "etag": tag("p", item_id, version, sort),
        "page_url": page_url,
        "live_url": reverse("participation:questions_live", args=[token, item_id]),
        "oob": oob,
    }
    html = render_to_string(PARTICIPANT + "#list", context)
    buttons = {
        question.pk: tuple(
            render_to_string(PARTICIPANT + "#vote", {**context, "question": question, "upvoted": upvoted})
            for upvoted in (set(), {question.pk})
        )
        for question in shown.open
    }
    return SharedList(html, token, csrf, own, buttons)


def shared_list(
    item_id: int, version: int, sort: str, *, oob: bool = False, fresh: bool = False
) -> SharedList:
    """The cached rendering at `version`; `fresh` renders it anew (with today's vote counts) and
    keeps that one for the polls that follow."""
    key = f"sala:qa-list:{item_id}:{version}:{sort}:{active_language()}:{int(oob)}"
    found = None if fresh else cache.get(key)
    if found is None:
        found = render_shared(item_id, version, sort, oob=oob)
        cache.set(key, found, KEEP_SECONDS)
    return found


def list_html(
    request,
    *,
    item_id: int,
    board_id: int | None,
    version: int,
    sort: str,
    person_id: int,
    token: str,
    error: str = "",
    oob: bool = False,
    fresh: bool = False,
) -> SafeString:
    """The list for one participant: the shared rendering at `version` (`fresh`: see
    shared_list), with their own parts (1 query, none before anyone asked)."""
    shared = shared_list(item_id, version, sort, oob=oob, fresh=fresh)
    own = queries.own_questions(board_id, person_id)
    own_part = ""
    if own.waiting or error:
        own_part = render_to_string(PARTICIPANT + "#own", {"own": own, "error": error})
    html = shared.fill(token=token, csrf=get_token(request), own=own_part, upvoted=own.upvoted)
    return mark_safe(html)  # rendered by the templates; the marks filled with escaped parts
