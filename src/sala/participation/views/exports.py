"""The organisers' copy of a consultation's inputs, as CSV (UTF-8 with a BOM, so Excel reads Khmer).

Named inputs carry personal data: the export is written to the audit log before the file is
sent, and nothing keeps a copy. An anonymous input shows "Anonymous" where a name would be:
there is nothing else to show.
"""

import csv
import io

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.generic import View

from sala.core.khmer import format_date, format_time
from sala.core.models.bilingual import active_language

from .. import queries, services
from ..models import Input
from ..templatetags.participation_tags import article_title, given_by
from .base import InputsOrganiserMixin
from .manage import filtered

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet would run as a formula


def cell(value) -> str:
    text = str(value or "")
    return f"'{text}" if text.startswith(FORMULA_START) else text


def headers() -> list[str]:
    return [
        _("Number"),
        _("Article"),
        _("Concern"),
        _("Comment"),
        _("Proposed wording"),
        _("Organisation"),
        _("Channel"),
        _("Meeting"),
        _("Given by"),
        _("Given on"),
    ]


def row(given: Input) -> list[str]:
    return [
        str(given.pk),
        article_title(given.article),
        given.get_concern_display(),
        given.comment,
        given.proposed_wording,
        given.organisation,
        given.get_channel_display(),
        given.meeting.title if given.meeting else "",
        given_by(given),
        f"{format_date(given.created_at, weekday=False)} {format_time(given.created_at)}",
    ]


class InputsCsvView(InputsOrganiserMixin, View):
    def get(self, request, *args, **kwargs):
        _form, inputs = filtered(request, self.consultation, queries.draft_articles(self.consultation.draft))
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.writer(buffer)
        writer.writerow(headers())
        rows = named = 0
        for given in inputs.iterator(chunk_size=2000):
            writer.writerow([cell(value) for value in row(given)])
            rows += 1
            named += not given.is_anonymous
        services.record_inputs_export(
            consultation=self.consultation, actor=request.user, rows=rows, named=named
        )
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=f"{self.consultation.slug}-inputs-{active_language()}.csv"
        )
        response["Cache-Control"] = "private, no-store"
        return response
