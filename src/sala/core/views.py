from django.http import HttpResponse, HttpResponseRedirect
from django.utils.translation import get_language_from_request
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """Liveness for a proxy, and the minimal Django view `make bench` measures as a ceiling."""
    return HttpResponse("ok", content_type="text/plain")


def root_redirect(request):
    return HttpResponseRedirect(f"/{get_language_from_request(request) or 'en'}/")
