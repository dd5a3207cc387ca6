"""Organiser login: email and password, rate-limited failures, and TOTP two-factor login."""

import base64
import hashlib
import hmac
import struct
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.core.cache import cache

pytestmark = pytest.mark.django_db
LOGIN = "/en/accounts/login/"
DEMO = {"login": "organiser@sala.example", "password": "sala-demo"}


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def totp(secret: str, at: float | None = None) -> str:
    """RFC 6238 code, written independently of allauth."""
    counter = int((at or time.time()) // 30)
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def test_demo_organiser_logs_in_and_lands_on_their_meetings(client, demo_meeting):
    response = client.post(LOGIN, DEMO, follow=True)
    assert response.redirect_chain[-1][0] == "/en/manage/"
    assert demo_meeting.title_en in response.content.decode()


def test_failed_logins_are_rate_limited(client, demo_meeting):
    for _ in range(5):
        response = client.post(LOGIN, {**DEMO, "password": "wrong"})
        assert "Too many failed login attempts" not in response.content.decode()
    response = client.post(LOGIN, DEMO)  # even the right password waits now
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_nobody_can_sign_up(client, db):
    response = client.post(
        "/en/accounts/signup/",
        {"email": "x@example.org", "password1": "a-Long-pass-99", "password2": "a-Long-pass-99"},
    )
    assert response.status_code in (200, 403)
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(email="x@example.org").exists()


def test_organiser_turns_on_totp_and_then_needs_a_code(client, demo_meeting):
    client.post(LOGIN, DEMO)
    page = client.get("/en/accounts/2fa/totp/activate/", follow=True)
    if page.redirect_chain:  # allauth asks for the password again before a security change
        assert "reauthenticate" in page.redirect_chain[-1][0]
        page = client.post(page.redirect_chain[-1][0], {"password": DEMO["password"]}, follow=True)
    assert page.status_code == 200 and SECRET_SESSION_KEY in client.session
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post("/en/accounts/2fa/totp/activate/", {"code": totp(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(type=Authenticator.Type.TOTP).count() == 1

    client.logout()
    response = client.post(LOGIN, DEMO)
    assert response.status_code == 302 and "2fa/authenticate" in response.url
    assert "_auth_user_id" not in client.session
    bad = client.post(response.url, {"code": "000000"})
    assert "_auth_user_id" not in client.session and bad.status_code == 200
    client.post(response.url, {"code": totp(secret, time.time() + 30)})
    assert "_auth_user_id" in client.session
