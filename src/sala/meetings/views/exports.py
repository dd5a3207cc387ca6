"""The agenda as a printable PDF and the meeting as a calendar file.

Both are rebuilt only when the meeting changes: every agenda or facilitator change touches
`meeting.updated_at`, which makes the ETag, the Last-Modified date and the cache key.
"""

import hashlib
import re

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import content_disposition_header, http_date
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from sala.core.khmer import format_time, local
from sala.core.models.bilingual import active_language
from sala.core.pdf import render_pdf

from ..models import AgendaItem, Meeting
from ..queries import meeting_with_agenda
from .base import visible

# Bump when the PDF template or the calendar layout changes: old ETags and cached PDFs expire.
EXPORT_VERSION = "2"
PDF_CACHE_SECONDS = 3600


def agenda_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The agenda on A4, in the language of the URL, for printing and handing out."""
    meeting = visible(request, meeting_with_agenda(slug))
    lang = active_language()
    etag = make_etag(meeting, "pdf", lang)
    not_modified = get_conditional_response(request, etag=etag, last_modified=meeting.updated_at.timestamp())
    if not_modified is not None:
        return conditional_headers(not_modified, meeting, etag)
    key = f"agenda-pdf:{etag}"
    pdf = cache.get(key)
    if pdf is None:
        html = render_to_string(
            "meetings/agenda_pdf.html",
            {
                "meeting": meeting,
                "items": list(meeting.agenda_items.all()),
                "lang": lang,
                "page_footer": page_footer_css(lang),
            },
        )
        pdf = render_pdf(html)
        cache.set(key, pdf, PDF_CACHE_SECONDS)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=f"{meeting.slug}-agenda-{lang}.pdf"
    )
    return conditional_headers(response, meeting, etag)


def calendar_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """The meeting and each agenda item as events, for calendar apps (texts in English)."""
    meeting = visible(request, meeting_with_agenda(slug))
    etag = make_etag(meeting, "ics", "en")
    not_modified = get_conditional_response(request, etag=etag, last_modified=meeting.updated_at.timestamp())
    if not_modified is not None:
        return conditional_headers(not_modified, meeting, etag)
    with translation.override("en"):
        body = build_calendar(meeting, list(meeting.agenda_items.all())).to_ical()
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{meeting.slug}.ics"
    )
    return conditional_headers(response, meeting, etag)


def make_etag(meeting: Meeting, kind: str, lang: str) -> str:
    version = f"{EXPORT_VERSION}.{kind}.{meeting.pk}.{meeting.updated_at.timestamp()}.{lang}"
    return '"' + hashlib.sha1(version.encode()).hexdigest()[:20] + '"'


def conditional_headers(response: HttpResponse, meeting: Meeting, etag: str) -> HttpResponse:
    """Revalidate on every use; a shared cache may keep only public meetings."""
    response["ETag"] = etag
    response["Last-Modified"] = http_date(meeting.updated_at.timestamp())
    if meeting.is_public:
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    else:
        patch_cache_control(response, private=True, max_age=0, must_revalidate=True)
    return response


def page_footer_css(lang: str) -> str:
    """A CSS `content` value for the translated "Page 1 of 2", with Khmer numerals on km.

    The translation keeps its own word order; only the two placeholders become counters.
    """
    style = "khmer" if lang == "km" else "decimal"
    counters = {"%(page)s": f"counter(page, {style})", "%(pages)s": f"counter(pages, {style})"}
    parts = re.split(r"(%\(pages?\)s)", _("Page %(page)s of %(pages)s"))
    return " ".join(counters.get(part) or css_string(part) for part in parts if part)


def css_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    return f'"{escaped}"'


def build_calendar(meeting: Meeting, items: list[AgendaItem]) -> Calendar:
    """One VEVENT for the meeting and one per item, in Asia/Phnom_Penh with its VTIMEZONE."""
    location = ", ".join(part for part in (meeting.venue_name, meeting.venue_address) if part)
    stamp = meeting.updated_at
    calendar = Calendar.new(
        prodid="-//Sala//Consultations//EN", name=meeting.title, uid=f"calendar-{meeting.pk}@sala"
    )
    calendar.add_component(
        Event.new(
            uid=f"meeting-{meeting.pk}@sala",
            summary=meeting.title,
            start=local(meeting.starts_at),
            end=local(meeting.ends_at),
            location=location or None,
            description=meeting_description(meeting, items),
            stamp=stamp,
            last_modified=stamp,
        )
    )
    for item in items:
        calendar.add_component(
            Event.new(
                uid=f"agenda-item-{item.pk}@sala",
                summary=item.title,
                start=local(item.starts_at),
                end=local(item.ends_at),
                location=location or None,
                description=item_description(item) or None,
                related_to=f"meeting-{meeting.pk}@sala",
                stamp=stamp,
                last_modified=stamp,
            )
        )
    calendar.add_missing_timezones(
        first_date=local(meeting.starts_at).date().replace(month=1, day=1),
        last_date=local(meeting.ends_at).date().replace(month=12, day=31),
    )
    return calendar


def meeting_description(meeting: Meeting, items: list[AgendaItem]) -> str:
    lines = [f"{format_time(i.starts_at)}\N{EN DASH}{format_time(i.ends_at)} {i.title}" for i in items]
    if meeting.phone_list:
        lines += ["", _("Phone") + ": " + ", ".join(meeting.phone_list)]
    return "\n".join(lines)


def item_description(item: AgendaItem) -> str:
    lines = [f"- {sub.text}" for sub in item.sub_items.all()]
    if item.led_by:
        lines.append(_("Led by: %(who)s") % {"who": item.led_by})
    facilitators = [facilitator_line(f) for f in item.facilitators.all()]
    if facilitators:
        lines += [_("Facilitators:"), *facilitators]
    return "\n".join(lines)


def facilitator_line(facilitator) -> str:
    text = facilitator.person.name_with_title
    if facilitator.role:
        text += f", {facilitator.role}"
    if facilitator.is_tbc:
        text += f" ({_('to be confirmed')})"
    elif facilitator.is_declined:
        text += f" ({_('declined')})"
    return f"- {text}"
