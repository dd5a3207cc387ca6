"""Absolute personal links and their QR codes, as sent in emails and shown on pages."""

import io

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import translation


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def invitation_link(token: str, language: str) -> str:
    with translation.override(language):
        return absolute(reverse("attendance:invitation", kwargs={"token": token}))


def registration_link(token: str, language: str) -> str:
    with translation.override(language):
        return absolute(reverse("attendance:registration", kwargs={"token": token}))


def qr_png(text: str, scale: int = 6) -> bytes:
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=scale, border=2)
    return out.getvalue()


def qr_svg(text: str) -> bytes:
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="svg", scale=6, border=2, xmldecl=False)
    return out.getvalue()
