"""Fixtures shared by every test: the demo meeting, and people in each role."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import translation

from sala.demo.loader import load_demo

from . import snapshot
from .factories import ConsultationFactory, UserFactory

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # sync Playwright beside live_server

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session", autouse=True)
def compiled_messages(django_db_blocker):
    """Compile the .po catalogues (as `make` does), so a bare `pytest` runs in Khmer too."""
    with django_db_blocker.unblock():
        call_command("compilemessages", verbosity=0, ignore_patterns=[".venv"])


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    return tmp_path_factory.mktemp("static")


@pytest.fixture(autouse=True)
def plain_static_files(settings, static_root):
    """The manifest storage needs collectstatic; tests serve static files as they are."""
    settings.STATIC_ROOT = static_root  # exists, so WhiteNoise does not warn
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def fresh_start():
    """Each test starts with an empty cache (rate-limit counts and cached versions are keyed by
    ids, and the ids of a rolled-back test come round again) and in the default language (a
    Khmer page requested by an earlier test leaves Khmer active in this thread)."""
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploads (materials) go to the test's own directory, never to the checkout's var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def tasks_run_inline(settings):
    """Background tasks run at once in tests, so their effects (emails) can be checked."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(scope="session", autouse=True)
def fast_passwords():
    """A fast hasher: the suite signs in hundreds of made-up users, and PBKDF2 is slow by design."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session")
def demo_copy(django_db_setup, django_db_blocker, fast_passwords):
    """The demo meeting's rows, loaded once (see tests/snapshot.py)."""
    with django_db_blocker.unblock():
        return snapshot.take(lambda: load_demo(with_inputs=False))


@pytest.fixture
def demo_meeting(request, db, demo_copy):
    """The 2014 Cybercrime Law meeting, loaded as `make run` loads it (inputs left out:
    the tests of inputs and positions load them). A test on a committed database (a browser's)
    loads it for real, so what the services do on commit happens too."""
    if not connection.in_atomic_block:
        return load_demo(with_inputs=False)
    meeting = snapshot.restore(demo_copy)
    return meeting if meeting is not None else load_demo(with_inputs=False)


@pytest.fixture
def organiser(demo_meeting):
    """An organiser of the demo meeting's consultation."""
    user = UserFactory(username="organiser-test@example.org")
    demo_meeting.consultation.organisers.add(user)
    return user


@pytest.fixture
def other_organiser(db):
    """An organiser of another consultation: no right on the demo meeting."""
    user = UserFactory(username="other-organiser@example.org")
    ConsultationFactory().organisers.add(user)
    return user


@pytest.fixture
def participant(db):
    """A logged-in user with no organiser role (a participant with an account)."""
    return UserFactory(username="participant@example.org")


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's chromium, never a downloaded browser."""
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}
