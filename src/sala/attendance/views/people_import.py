"""Importing a participant list: upload, check the preview, confirm.

The preview is a dry run of the real import (`import_people(dry_run=True)`): what it
shows is exactly what confirming does. Only the file waits in between, never people.
"""

from datetime import timedelta

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView

from sala.core.errors import DomainError
from sala.importers import people_list
from sala.importers.problems import ImportProblem
from sala.people import services as people_services

from .. import services
from ..forms import ColumnForm, UploadForm
from ..models import ListUpload
from .base import PeopleMixin

UPLOAD_LIFETIME = timedelta(days=1)


class UploadView(PeopleMixin, FormView):
    template_name = "attendance/manage/import_upload.html"
    form_class = UploadForm

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            people_list.read_table(data, upload.name)
        except ImportProblem as problem:
            form.add_error("file", DomainError(problem.code, **problem.params).message)
            return self.form_invalid(form)
        ListUpload.objects.filter(created_at__lt=timezone.now() - UPLOAD_LIFETIME).delete()
        stored = ListUpload.objects.create(
            meeting=self.meeting, uploaded_by=self.request.user, filename=upload.name, data=data
        )
        return redirect("attendance_manage:import_preview", self.meeting.slug, stored.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=422)


class PreviewView(PeopleMixin, FormView):
    template_name = "attendance/manage/import_preview.html"

    def upload(self) -> ListUpload:
        return get_object_or_404(
            ListUpload,
            pk=self.kwargs["upload"],
            meeting__slug=self.kwargs["slug"],
            uploaded_by=self.request.user,
        )

    def get_form(self, form_class=None):
        self.stored = self.upload()
        self.table = people_list.read_table(bytes(self.stored.data), self.stored.filename)
        data = self.request.POST if self.request.method == "POST" else None
        return ColumnForm(data, headers=self.table.headers, mapping=self.table.mapping)

    def get_context_data(self, **kwargs):
        form = kwargs.setdefault("form", self.get_form())
        mapping = form.mapping() if form.is_bound and form.is_valid() else self.table.mapping
        kwargs["report"] = self.run(mapping, dry_run=True)
        return super().get_context_data(upload=self.stored, **kwargs)

    def run(self, mapping, *, dry_run: bool):
        return people_services.import_people(
            data=bytes(self.stored.data),
            filename=self.stored.filename,
            mapping=mapping,
            actor=self.request.user,
            scope=self.meeting,
            dry_run=dry_run,
        )

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid() or "confirm" not in request.POST:
            return self.render_to_response(self.get_context_data(form=form))
        with transaction.atomic():
            report = self.run(form.mapping(), dry_run=False)
            if form.cleaned_data["invite"]:
                services.invite_people(
                    meeting=self.meeting,
                    people=report.people,
                    category=form.cleaned_data["category"],
                    actor=request.user,
                )
            self.stored.delete()
        messages.success(
            request,
            _("Imported: %(created)s new people, %(matched)s already known.")
            % {"created": report.count("create"), "matched": report.count("match")},
        )
        return redirect("attendance_manage:people", self.meeting.slug)
