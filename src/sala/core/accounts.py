"""allauth adapter: organiser accounts are created by an administrator, not by sign-up."""

from allauth.account.adapter import DefaultAccountAdapter
from django.utils.translation import get_language


class ClosedSignupAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False

    def get_logout_redirect_url(self, request) -> str:
        """Back to the home page in the language the organiser was using."""
        return f"/{get_language() or 'en'}/"
