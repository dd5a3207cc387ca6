"""The joint submission as Word and PDF files.

Organisers take it at any time (each copy is written to the audit log); once the position is
published, anyone may read its PDF, which is then cached and revalidated like the agenda's.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import content_disposition_header
from django.views.generic import View

from sala.core.docx import DOCX
from sala.core.models.bilingual import active_language

from .. import queries
from ..documents import submission_docx, submission_pdf
from ..services import record_export
from ..submission import Submission, build_submission
from .base import ConsultationOrganiserMixin

# Bump when the PDF template changes: old ETags and cached PDFs expire.
EXPORT_VERSION = "1"
PDF_CACHE_SECONDS = 3600


def requested_language(request: HttpRequest) -> str:
    """?lang=km or ?lang=en, else the language of the URL."""
    lang = request.GET.get("lang", "")
    return lang if lang in dict(settings.LANGUAGES) else active_language()


def filename(slug: str, lang: str, extension: str) -> str:
    return f"{slug}-joint-submission-{lang}.{extension}"


class SubmissionExportView(ConsultationOrganiserMixin, View):
    """Build the file in the language asked for, record the export, send the file."""

    permission = "advocacy.export_position"
    kind: str  # "docx" or "pdf": the extension and the audit entry's kind
    content_type: str
    as_attachment: bool

    def get(self, request, slug):
        lang = requested_language(request)
        with translation.override(lang):
            submission = build_submission(self.consultation)
            body = self.render(submission)
        record_export(
            consultation=self.consultation,
            actor=request.user,
            kind=self.kind,
            lang=lang,
            articles=len(submission.articles),
        )
        response = HttpResponse(body, content_type=self.content_type)
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=self.as_attachment, filename=filename(slug, lang, self.kind)
        )
        response["Cache-Control"] = "private, no-store"
        return response

    def render(self, submission: Submission) -> bytes:
        raise NotImplementedError


class SubmissionDocxView(SubmissionExportView):
    kind, content_type, as_attachment = "docx", DOCX, True

    def render(self, submission: Submission) -> bytes:
        return submission_docx(submission)


class SubmissionPdfView(SubmissionExportView):
    kind, content_type, as_attachment = "pdf", "application/pdf", False

    def render(self, submission: Submission) -> bytes:
        return submission_pdf(submission)


def public_submission_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The published position's PDF for anyone, rebuilt only when the position changes."""
    lang = requested_language(request)
    version = f"{EXPORT_VERSION}.{queries.position_version(slug)}.{lang}"
    etag = '"' + hashlib.sha1(version.encode()).hexdigest()[:20] + '"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        key = f"position-pdf:{etag}"
        pdf = cache.get(key)
        if pdf is None:
            with translation.override(lang):
                pdf = submission_pdf(build_submission(queries.published_consultation(slug)))
            cache.set(key, pdf, PDF_CACHE_SECONDS)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=False, filename=filename(slug, lang, "pdf")
        )
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response
