"""Organiser screens of the law tracker: the laws one may change, their stages and analyses.

Every change goes through a tracker service; a refused one comes back as the same form with
the reason in the user's language (HTTP 422), and nothing is saved.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView, TemplateView

from sala.core.errors import DomainError

from .. import queries
from ..forms_tracker import AnalysisForm, LawForm, StageForm
from ..models import Analysis, Law, LawStage
from ..services import tracker as services
from ..templatetags.laws_tags import known_date
from .base import LawOrganiserMixin

# The field a refused change is shown beside (the first the form has); others go on top.
ERROR_FIELDS = {
    "law.no_title": ("title_en",),
    "law.slug_taken": ("slug",),
    "link.bad_url": ("source_url", "url"),
    "stage.date_in_future": ("date",),
    "analysis.no_title": ("title_en",),
    "analysis.file_or_link": ("file",),
    "analysis.bad_type": ("file",),
    "analysis.too_large": ("file",),
}


class TrackerMixin(LoginRequiredMixin):
    """Lets in those who may add laws: superusers and organisers of any consultation."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm("laws.add_law"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class LawMixin(LawOrganiserMixin):
    """A tracker screen of one law; saving comes back to the law."""

    def get_success_url(self) -> str:
        return reverse("laws_manage:law_edit", args=[self.law.slug])


class ServiceFormView(FormView):
    """A form whose data goes to one service (`save`); a refusal is shown in the form, with 422."""

    success_message = ""

    def save(self, form) -> None:
        raise NotImplementedError

    def get_success_message(self) -> str:
        return self.success_message

    def form_valid(self, form):
        try:
            self.save(form)
        except DomainError as error:
            field = next((f for f in ERROR_FIELDS.get(error.code, ()) if f in form.fields), None)
            form.add_error(field, error.message)
            return self.form_invalid(form)
        messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url())

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=422)


class LawListView(TrackerMixin, ListView):
    template_name = "laws/manage/tracker_list.html"
    context_object_name = "laws"
    paginate_by = 20

    def get_queryset(self):
        return queries.laws_changeable_by(self.request.user)


class LawCreateView(TrackerMixin, ServiceFormView):
    template_name = "laws/manage/tracker_law_form.html"
    form_class = LawForm

    def save(self, form) -> None:
        self.law = services.create_law(actor=self.request.user, **form.service_fields())

    def get_success_url(self) -> str:
        return reverse("laws_manage:law_edit", args=[self.law.slug])

    def get_success_message(self) -> str:
        return _("The law is added. Now record its stages.")


class LawEditView(LawMixin, ServiceFormView):
    template_name = "laws/manage/tracker_law_form.html"
    form_class = LawForm
    success_message = gettext_lazy("The law is saved.")

    def get_form_kwargs(self):
        # The form edits a copy: a refused save must not rename the page it is shown on.
        return {**super().get_form_kwargs(), "instance": Law.objects.get(pk=self.law.pk)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            stages=self.law.stages.all(), analyses=self.law.analyses.all(), **kwargs
        )

    def save(self, form) -> None:
        self.law = services.update_law(law=self.law, actor=self.request.user, **form.service_fields())


class StageAddView(LawMixin, ServiceFormView):
    template_name = "laws/manage/tracker_stage_form.html"
    form_class = StageForm
    success_message = gettext_lazy("The stage is added.")

    def save(self, form) -> None:
        services.add_stage(law=self.law, actor=self.request.user, **form.service_fields())


class StageMixin(LawMixin):
    def stage(self) -> LawStage:
        return get_object_or_404(LawStage, pk=self.kwargs["pk"], law=self.law)


class StageEditView(StageMixin, ServiceFormView):
    template_name = "laws/manage/tracker_stage_form.html"
    form_class = StageForm
    success_message = gettext_lazy("The stage is saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.stage()}

    def save(self, form) -> None:
        services.update_stage(law_stage=form.instance, actor=self.request.user, **form.service_fields())


class AnalysisAddView(LawMixin, ServiceFormView):
    template_name = "laws/manage/tracker_analysis_form.html"
    form_class = AnalysisForm
    success_message = gettext_lazy("The analysis is attached.")

    def save(self, form) -> None:
        services.add_analysis(law=self.law, actor=self.request.user, **form.cleaned_data)


class ConfirmDeleteView(LawMixin, TemplateView):
    """Asks first (GET), removes on POST; the audit log keeps a record."""

    template_name = "laws/manage/tracker_confirm_delete.html"
    success_message = ""

    def target(self):
        raise NotImplementedError

    def name(self, target) -> str:
        raise NotImplementedError

    def remove(self, target) -> None:
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        name = self.name(self.target())
        return super().get_context_data(name=name, cancel_url=self.get_success_url(), **kwargs)

    def post(self, request, *args, **kwargs):
        self.remove(self.target())
        messages.success(request, self.success_message)
        return redirect(self.get_success_url())


class StageDeleteView(StageMixin, ConfirmDeleteView):
    success_message = gettext_lazy("The stage is deleted.")

    def target(self) -> LawStage:
        return self.stage()

    def name(self, target: LawStage) -> str:
        return f"{target.get_stage_display()}, {known_date(target.date, target.precision)}"

    def remove(self, target: LawStage) -> None:
        services.delete_stage(law_stage=target, actor=self.request.user)


class AnalysisDeleteView(ConfirmDeleteView):
    success_message = gettext_lazy("The analysis is removed.")

    def target(self) -> Analysis:
        return get_object_or_404(Analysis, pk=self.kwargs["pk"], law=self.law)

    def name(self, target: Analysis) -> str:
        return target.title

    def remove(self, target: Analysis) -> None:
        services.delete_analysis(analysis=target, actor=self.request.user)
