"""The Khmer catalogue is complete, in sync with the code, and Khmer pages show no English.

English words may appear on a Khmer page only when they come from the data (people's names,
organisation acronyms, Latin words inside Khmer texts, email addresses, personal links) or from
the tiny list of names below; the allow-list is built from the database, never from the page.
"""

import ast
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import allauth
import django
import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from babel.messages.pofile import read_po
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

import sala
from sala.core.models import AuditEntry
from sala.meetings.models import Facilitator, Material
from sala.people.models import Organisation, Person

SRC = Path(sala.__file__).parent
CATALOGUE = SRC / "locale" / "km" / "LC_MESSAGES" / "django.po"
SLUG = "cybercrime-law-2014"
PASSWORD = "pass-word-123"  # tests/factories.py UserFactory

# Words in Latin script that Khmer pages may show although no data holds them: the product's
# name, and the language switch (each language is named in its own script).
# Names kept in Latin script in Khmer too: the product, the language switch, file formats.
EXPLICIT = {"Sala", "English", "PDF", "Word", "Excel", "PowerPoint", "OpenDocument", "PNG", "JPEG"}

LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z\u00c0-\u024f]+)*")
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrx]|\{[A-Za-z_][A-Za-z0-9_]*\}")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def read_catalogue(path: Path = CATALOGUE):
    with path.open("rb") as f:
        return read_po(f, locale="km")


def key(message) -> tuple:
    return (message.context, message.id if isinstance(message.id, str) else tuple(message.id))


def strings(message) -> list[str]:
    return [message.string] if isinstance(message.string, str) else list(message.string)


def msgids(message) -> list[str]:
    return [message.id] if isinstance(message.id, str) else list(message.id)


# --- The catalogue itself -------------------------------------------------------------------


def test_catalogue_is_complete_and_has_no_fuzzy_entry():
    catalogue = read_catalogue()
    assert not catalogue.fuzzy, "the header is marked fuzzy"
    assert catalogue.plural_forms == "nplurals=1; plural=0;"
    untranslated = [key(m) for m in catalogue if m.id and not all(s.strip() for s in strings(m))]
    fuzzy = [key(m) for m in catalogue if m.id and m.fuzzy]
    assert not untranslated, f"untranslated msgids in {CATALOGUE.name}: {untranslated}"
    assert not fuzzy, f"fuzzy entries: {fuzzy}"
    plural_count = [key(m) for m in catalogue if m.pluralizable and len(strings(m)) != 1]
    assert not plural_count, f"Khmer has one plural form: fill msgstr[0] only: {plural_count}"


def test_every_placeholder_and_tag_of_a_msgid_is_kept_in_its_translation():
    problems = []
    for message in read_catalogue():
        if not message.id:
            continue
        wanted = {p for text in msgids(message) for p in PLACEHOLDER.findall(text)}
        wanted_tags = sorted(TAG.findall(msgids(message)[0]))
        for text in strings(message):
            found = set(PLACEHOLDER.findall(text))
            if wanted - found:
                problems.append((message.id, "missing", sorted(wanted - found)))
            if found - wanted:  # an unknown %(name)s raises KeyError when the text is shown
                problems.append((message.id, "unknown", sorted(found - wanted)))
            if sorted(TAG.findall(text)) != wanted_tags:
                problems.append((message.id, "tags", sorted(TAG.findall(text))))
    assert not problems, problems


def test_catalogue_is_in_sync_with_the_code(tmp_path, settings, monkeypatch):
    """makemessages on a copy of the code finds nothing the committed catalogue lacks.

    Adding a string to a template or a Python file without translating it fails here: run
    makemessages (docs/translations.md) and translate the new entries.
    """
    tree = tmp_path / "sala"
    shutil.copytree(
        SRC,
        tree,
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "locale", "static", "*.mo", "*.po"),
    )
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(tree)
    call_command("makemessages", locale=["km"], no_location=True, ignore_patterns=["demo/*"], verbosity=0)
    fresh = read_catalogue(tmp_path / "locale" / "km" / "LC_MESSAGES" / "django.po")
    assert {(None, "Agenda"), (None, "Sign In")} <= {key(m) for m in fresh}  # the scan worked
    committed = {key(m) for m in read_catalogue() if m.id}
    missing = sorted((key(m) for m in fresh if m.id and key(m) not in committed), key=str)
    assert not missing, (
        f"{len(missing)} msgid(s) in the code are not in {CATALOGUE.relative_to(SRC.parent)}; "
        f"run makemessages and translate them: {missing}"
    )


def extra_msgids() -> set[tuple]:
    """The (context, msgid) pairs that src/sala/core/i18n_extra.py marks."""
    found = set()
    tree = ast.parse((SRC / "core" / "i18n_extra.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            args = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if node.func.id == "gettext_noop":
                found.add((None, args[0]))
            elif node.func.id == "pgettext_lazy":
                found.add((args[0], args[1]))
            elif node.func.id == "ngettext_lazy":
                found.add((None, (args[0], args[1])))
    return found


def test_third_party_msgids_are_copied_exactly_from_the_packages():
    """A reworded msgid in a package upgrade would silently fall back to English."""
    packages = {}
    for po in [
        Path(allauth.__file__).parent / "locale/en/LC_MESSAGES/django.po",
        Path(django.__file__).parent / "conf/locale/en/LC_MESSAGES/django.po",
        Path(django.__file__).parent / "contrib/auth/locale/en/LC_MESSAGES/django.po",
    ]:
        packages.update({key(m): po for m in read_catalogue(po) if m.id})
    marked = extra_msgids()
    assert len(marked) > 100
    unknown = sorted(marked - set(packages), key=str)
    assert not unknown, f"not a msgid of allauth or Django (any more?): {unknown}"


# --- Khmer pages ----------------------------------------------------------------------------


class VisibleText(HTMLParser):
    """Text a reader sees: body text, the title, and attributes that are read or shown.

    Left out: script, style, the rest of <head>, and what users typed (textarea contents and
    input values), except the value of a submit button.
    """

    SKIP = {"script", "style", "textarea", "template"}
    SHOWN_ATTRIBUTES = {"placeholder", "aria-label", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.parts.extend(v for k, v in attrs.items() if k in self.SHOWN_ATTRIBUTES and v)
        if tag in {"input", "button"} and attrs.get("type") in {"submit", "button", "reset"}:
            self.parts.append(attrs.get("value") or "")
        if tag not in {"input", "meta", "link", "br", "hr", "img", "col"}:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if any(t in self.SKIP for t in self.stack):
            return
        if "head" in self.stack and "title" not in self.stack:
            return
        self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


def latin_words(text: str) -> set[str]:
    return set(LATIN_WORD.findall(text or ""))


def data_words() -> set[str]:
    """Latin words the data itself puts on a Khmer page."""
    words = set(EXPLICIT)
    with translation.override("km"):
        for model in [
            *apps.get_app_config("meetings").get_models(),
            *apps.get_app_config("people").get_models(),
            *apps.get_app_config("laws").get_models(),
        ]:
            texts = [  # every bilingual text as a Khmer page shows it (Khmer, else English)
                f.name[:-3]
                for f in model._meta.fields
                if f.name.endswith("_km") and isinstance(getattr(model, f.name[:-3], None), property)
            ]
            for obj in model.objects.all():
                for name in texts:
                    words |= latin_words(getattr(obj, name))
    for acronym in Organisation.objects.values_list("acronym", flat=True):
        words |= latin_words(acronym)
    for name_en, email in Person.objects.values_list("name_en", "email"):
        words |= latin_words(name_en) | latin_words(email)  # names are kept in Latin script
    for title, filename in Material.objects.values_list("title", "filename"):
        words |= latin_words(title) | latin_words(filename)  # uploaded as they are
    for note in Facilitator.objects.values_list("note", flat=True):
        words |= latin_words(note)  # a facilitator's own words, quoted to organisers
    for token in Facilitator.objects.values_list("token", flat=True):
        words |= latin_words(f"http://testserver/km/f/{token}/")  # the personal links
    for username, email in get_user_model().objects.values_list("username", "email"):
        words |= latin_words(username) | latin_words(email)
    words |= {
        w for label in AuditEntry.objects.values_list("actor_label", flat=True) for w in latin_words(label)
    }
    return words


def audit_data_words() -> set[str]:
    """The audit log quotes titles and names as they were when recorded (in any language)."""
    return {
        w
        for data in AuditEntry.objects.values_list("data", flat=True)
        for v in data.values()
        if isinstance(v, str)
        for w in latin_words(v)
    }


def stray_words(pages: dict[str, str], allowed: set[str], extra: dict | None = None) -> dict:
    stray = {}
    for url, html in pages.items():
        words = latin_words(visible_text(html)) - allowed - (extra or {}).get(url, set())
        if words:
            stray[url] = sorted(words)
    return stray


def assert_khmer(pages: dict[str, str], extra: dict | None = None):
    stray = stray_words(pages, data_words(), extra)
    report = "\n".join(f"  {url}: {words}" for url, words in stray.items())
    assert not stray, f"English left on Khmer pages:\n{report}"


def get(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.get("Location"))
    return response.content.decode()


def post(client, url: str, data: dict, status: int) -> str:
    response = client.post(url, data)
    assert response.status_code == status, (url, response.status_code, response.get("Location"))
    return response.content.decode()


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # cached pages and allauth's rate limits


@pytest.fixture
def session_item(demo_meeting):
    """The agenda item with sub-items and several facilitators (Session 1)."""
    return demo_meeting.agenda_items.get(kind="session")


def test_public_pages_are_all_khmer(client, demo_meeting, session_item):
    token = session_item.facilitators.first().token
    pages = {url: get(client, url) for url in ["/km/", f"/km/meetings/{SLUG}/", f"/km/f/{token}/"]}
    html = client.post(f"/km/f/{token}/", {"status": "declined", "note": ""}, follow=True)
    pages["/km/f/<token>/ after answering"] = html.content.decode()
    pages["/km/f/<token>/ without a choice"] = post(client, f"/km/f/{token}/", {}, 200)
    assert_khmer(pages)


def test_agenda_pdf_is_all_khmer(client, demo_meeting, monkeypatch):
    """The HTML the Khmer agenda PDF is made from (text extracted from a PDF is garbled)."""
    rendered = []

    class CapturedHTML:
        def __init__(self, string, **kwargs):
            rendered.append(string)

        def write_pdf(self):
            return b"%PDF-1.7"

    monkeypatch.setattr("sala.core.pdf.HTML", CapturedHTML)
    assert client.get(f"/km/meetings/{SLUG}/agenda.pdf").status_code == 200
    (html,) = rendered
    footer = re.search(r"@bottom-center \{ content: (.*?);", html).group(1)
    pages = {"agenda.pdf": html, "agenda.pdf (page footer)": f"<p>{footer}</p>"}
    allowed = data_words() | {"counter", "page", "pages", "khmer"}  # CSS counters, not words
    stray = stray_words(pages, allowed)
    assert not stray, f"English left in the Khmer PDF: {stray}"


def test_organiser_pages_are_all_khmer(organiser_client, demo_meeting, session_item):
    base = f"/km/manage/meetings/{SLUG}"
    facilitator = session_item.facilitators.first()
    urls = [
        "/km/manage/",
        "/km/manage/meetings/new/",
        f"/km/manage/meetings/new/?consultation={demo_meeting.consultation.slug}",
        f"{base}/",
        f"{base}/edit/",
        f"{base}/agenda/",
        f"{base}/agenda/{session_item.pk}/edit/",
        f"{base}/facilitators/{facilitator.pk}/edit/",
        f"{base}/agenda/{session_item.pk}/delete/",
        f"{base}/facilitators/{facilitator.pk}/remove/",
        f"{base}/audit/",
    ]
    pages = {url: get(organiser_client, url) for url in urls}
    assert_khmer(pages, extra={f"{base}/audit/": audit_data_words()})


def test_organiser_form_errors_are_khmer(organiser_client, demo_meeting, session_item):
    base = f"/km/manage/meetings/{SLUG}"
    facilitator = session_item.facilitators.first()
    # Wrong values without Latin letters: an error may quote the value it refuses.
    bad_time = {"day": "៥/៦", "start": "៧", "end": "25:00", "kind": "៩៩"}
    pages = {
        "item add, empty": post(
            organiser_client, f"{base}/agenda/add/", {"sub-TOTAL_FORMS": "0", "sub-INITIAL_FORMS": "0"}, 422
        ),
        "item add, bad values": post(
            organiser_client,
            f"{base}/agenda/add/",
            {**bad_time, "sub-TOTAL_FORMS": "0", "sub-INITIAL_FORMS": "0"},
            422,
        ),
        "item edit, overlap": post(
            organiser_client,
            f"{base}/agenda/{session_item.pk}/edit/",
            {
                "day": "2014-06-05",
                "start": "08:00",
                "end": "10:30",
                "kind": "session",
                "title_km": "វគ្គ",
                "sub-TOTAL_FORMS": "0",
                "sub-INITIAL_FORMS": "0",
            },
            422,
        ),
        "item edit, no management form": post(
            organiser_client, f"{base}/agenda/{session_item.pk}/edit/", {}, 422
        ),
        "facilitator add, nothing": post(
            organiser_client,
            f"{base}/agenda/{session_item.pk}/facilitators/add/",
            {"person": "999999", "status": "៩"},
            422,
        ),
        "facilitator edit, bad status": post(
            organiser_client,
            f"{base}/facilitators/{facilitator.pk}/edit/",
            {"status": "៩", "role_km": "ក" * 301},
            422,
        ),
        "concept note, bad values": post(
            organiser_client,
            f"{base}/edit/",
            {
                **bad_time,
                "title_km": "កិច្ចប្រជុំ",
                "slug": "មិនមែន",
                "visibility": "៩",
                "participants_min": "-1",
                "participants_max": "៦០",
                "objectives-TOTAL_FORMS": "0",
                "objectives-INITIAL_FORMS": "0",
                "outcomes-TOTAL_FORMS": "0",
                "outcomes-INITIAL_FORMS": "0",
            },
            422,
        ),
    }
    # A tampered form names the management fields it misses (sub-TOTAL_FORMS...): code, not text.
    assert_khmer(pages, extra={"item edit, no management form": {"sub", "TOTAL", "INITIAL", "FORMS"}})


def login(client, user, password=PASSWORD):
    response = client.post("/km/accounts/login/", {"login": user.email, "password": password}, follow=True)
    assert response.status_code == 200
    return response


def test_sign_in_pages_and_errors_are_khmer(client, organiser):
    pages = {
        "/km/accounts/login/": get(client, "/km/accounts/login/"),
        "/km/accounts/password/reset/": get(client, "/km/accounts/password/reset/"),
        "/km/accounts/signup/": get(client, "/km/accounts/signup/"),
        "login: empty form": post(client, "/km/accounts/login/", {}, 200),
        "login: not an email": post(
            client, "/km/accounts/login/", {"login": "someone", "password": "x"}, 200
        ),
    }
    for attempt in range(5):
        pages[f"login: wrong password ({attempt + 1})"] = post(
            client, "/km/accounts/login/", {"login": organiser.email, "password": "wrong"}, 200
        )
    pages["login: too many attempts"] = post(
        client, "/km/accounts/login/", {"login": organiser.email, "password": PASSWORD}, 200
    )
    assert "ព្យាយាម" in pages["login: too many attempts"]
    response = client.post("/km/accounts/password/reset/", {"email": organiser.email}, follow=True)
    pages["/km/accounts/password/reset/done/"] = response.content.decode()
    assert_khmer(pages)


def test_password_reset_emails_are_khmer(client, organiser):
    client.post("/km/accounts/password/reset/", {"email": organiser.email})
    client.post("/km/accounts/password/reset/", {"email": "nobody@example.org"})
    assert len(mail.outbox) == 1  # an unknown address gets no mail (sign-up is closed)
    allowed = data_words() | {"testserver"}  # the request's host
    for message in mail.outbox:
        text = re.sub(r"https?://\S+", " ", f"{message.subject}\n{message.body}")
        assert not latin_words(text) - allowed, (message.subject, sorted(latin_words(text) - allowed))


def test_signed_in_account_and_two_factor_pages_are_khmer(client, organiser, demo_meeting):
    pages = {"/km/manage/ (after sign-in)": login(client, organiser).content.decode()}
    for url in ["/km/accounts/logout/", "/km/accounts/2fa/", "/km/accounts/password/reset/"]:
        pages[url] = get(client, url)
    # A security change asks for the password again first.
    response = client.get("/km/accounts/2fa/totp/activate/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/km/accounts/reauthenticate/")
    pages["/km/accounts/reauthenticate/"] = response.content.decode()
    reauthenticate = response.redirect_chain[-1][0]
    pages["reauthenticate: wrong password"] = post(client, reauthenticate, {"password": "wrong"}, 200)
    assert client.post(reauthenticate, {"password": PASSWORD}).status_code == 302
    pages["/km/accounts/2fa/totp/activate/"] = get(client, "/km/accounts/2fa/totp/activate/")
    pages["totp activate: wrong code"] = post(client, "/km/accounts/2fa/totp/activate/", {"code": "123"}, 200)

    # With two-factor login on: the index, recovery codes, reauthentication choices, the code step.
    TOTP.activate(organiser, generate_totp_secret())
    RecoveryCodes.activate(organiser)
    assert Authenticator.objects.filter(user=organiser).count() == 2
    for url in [
        "/km/accounts/2fa/",
        "/km/accounts/2fa/recovery-codes/",
        "/km/accounts/2fa/recovery-codes/generate/",
        "/km/accounts/2fa/totp/deactivate/",
        "/km/accounts/reauthenticate/",
        "/km/accounts/2fa/reauthenticate/",
    ]:
        pages[f"{url} (two-factor on)"] = get(client, url)
    assert client.post("/km/accounts/logout/").status_code == 302
    pages["/km/ after sign-out"] = get(client, "/km/")  # with the message "You have signed out"
    response = client.post(
        "/km/accounts/login/", {"login": organiser.email, "password": PASSWORD}, follow=True
    )
    assert "2fa/authenticate" in response.redirect_chain[-1][0]
    pages["/km/accounts/2fa/authenticate/"] = response.content.decode()
    pages["2fa authenticate: wrong code"] = post(
        client, "/km/accounts/2fa/authenticate/", {"code": "000000"}, 200
    )
    assert_khmer(pages)


def test_signing_out_of_a_khmer_page_lands_on_a_khmer_page(client, organiser):
    login(client, organiser)
    response = client.post("/km/accounts/logout/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/km/")


def test_language_switch_names_khmer_in_khmer(client, db):
    assert 'lang="km">ខ្មែរ</a>' in get(client, "/en/")
