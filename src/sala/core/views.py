from django.http import HttpResponse, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language_from_request
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """Liveness for a proxy, and the minimal Django view `make bench` measures as a ceiling."""
    return HttpResponse("ok", content_type="text/plain")


def root_redirect(request):
    return HttpResponseRedirect(f"/{get_language_from_request(request) or 'en'}/")


def keep_private(response: HttpResponse) -> HttpResponse:
    """A page reached by a secret link: never cached on the way, and its address never sent to
    another site. "same-origin", not "no-referrer": a form posted from a no-referrer page
    carries `Origin: null`, which Django's CSRF check refuses, so its buttons would not work."""
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "same-origin"
    return response
