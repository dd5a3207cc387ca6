"""Context every page needs: the CSP nonce for htmx and the language switch."""

from django.conf import settings
from django.urls import translate_url

# Each language named in its own script (Django's LANG_INFO names km "Khmer").
LANGUAGE_NAMES = {"en": "English", "km": "ខ្មែរ"}


def sala(request):
    def language_switch() -> list[dict]:
        """Called by the template that shows it (whole pages): a partial answering a phone's
        click or poll does not pay for resolving its URL in every language."""
        current = request.LANGUAGE_CODE if hasattr(request, "LANGUAGE_CODE") else "en"
        path = request.path  # never the query string: the page may be cached for everyone
        return [
            {"code": code, "name": LANGUAGE_NAMES[code], "url": translate_url(path, code)}
            for code, _name in settings.LANGUAGES
            if code != current
        ]

    return {
        # django-htmx reads `csp_nonce`; django-csp 4 puts the nonce on the request (lazy).
        "csp_nonce": getattr(request, "csp_nonce", ""),
        "language_switch": language_switch,
    }
