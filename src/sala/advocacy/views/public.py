"""The public account of a published joint position: cheap to serve, cached per language."""

import re

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.template.loader import render_to_string
from django.views.generic import View

from sala.core.pages import public_page

from .. import queries
from ..queries.endorsements import public_endorsements

# Bump when the templates change: old ETags and cached pages expire.
PAGE_VERSION = "3"
# The whole account shows this many inputs (or groups) per place; a place with more has a page
# of its own, paginated, so the account stays light on a phone whatever the number of inputs.
SHOWN_PER_PLACE = 10
PER_PAGE = 50
PLACE = re.compile(r"\d{1,10}|text|other")


class PositionView(View):
    """Per article, the joint position and what became of every input, then the organisations that
    endorse it (named only if they agreed); 404 until published. `?place=<key>` shows one place
    (an article, the text as a whole, earlier drafts) with all its inputs, page by page.

    Rendered once per version, language and page, kept with its gzip form in the cache, answered
    with an ETag per encoding (matched weakly), as the public meeting page is.
    """

    def get(self, request, slug):
        place, number = request.GET.get("place", ""), request.GET.get("page", "1")
        version = f"{PAGE_VERSION}.{queries.position_version(slug)}"
        if not place:
            render = lambda: self.render(request, slug)  # noqa: E731
            return public_page(request, kind="position", version=version, render=render)
        if not (PLACE.fullmatch(place) and number.isdigit() and len(number) <= 6):
            raise Http404  # checked before the values become part of a cache key
        kind = f"position.{place}.{int(number)}"
        render = lambda: self.render_place(request, slug, place, int(number))  # noqa: E731
        return public_page(request, kind=kind, version=version, render=render)

    def render(self, request, slug: str) -> str:
        consultation = queries.published_consultation(slug)
        context = {
            "account": queries.position_account(consultation),
            "endorsements": public_endorsements(consultation),
            "shown": SHOWN_PER_PLACE,
        }
        return render_to_string("advocacy/position.html", context, request=request)

    def render_place(self, request, slug: str, place: str, number: int) -> str:
        account = queries.position_account(queries.published_consultation(slug))
        section = next((s for s in account.sections if s.place.key == place), None)
        if section is None:
            raise Http404
        try:
            page = Paginator(section.entries, PER_PAGE).page(number)
        except InvalidPage as error:
            raise Http404 from error
        context = {"account": account, "section": section, "page_obj": page}
        return render_to_string("advocacy/position_place.html", context, request=request)
