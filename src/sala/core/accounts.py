"""allauth adapter: organiser accounts are created by an administrator, not by sign-up."""

from allauth.account.adapter import DefaultAccountAdapter


class ClosedSignupAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False
