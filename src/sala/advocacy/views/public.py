"""The public account of a published joint position: cheap to serve, cached per language."""

from django.template.loader import render_to_string
from django.views.generic import View

from sala.core.pages import public_page

from .. import queries
from ..queries.endorsements import public_endorsements

# Bump when the template changes: old ETags and cached pages expire.
PAGE_VERSION = "2"


class PositionView(View):
    """Per article, the joint position and what became of every input, then the organisations that
    endorse it (named only if they agreed); 404 until published.

    Rendered once per version and language, kept with its gzip form in the cache, answered
    with an ETag per encoding (matched weakly), as the public meeting page is.
    """

    def get(self, request, slug):
        version = f"{PAGE_VERSION}.{queries.position_version(slug)}"
        return public_page(
            request, kind="position", version=version, render=lambda: self.render(request, slug)
        )

    def render(self, request, slug: str) -> str:
        consultation = queries.published_consultation(slug)
        context = {
            "account": queries.position_account(consultation),
            "endorsements": public_endorsements(consultation),
        }
        return render_to_string("advocacy/position.html", context, request=request)
