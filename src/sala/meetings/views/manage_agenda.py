"""The agenda editor: items, sub-items and facilitators, with HTMX where the browser has it.

Every change goes through a service that checks the whole agenda; a refused change comes
back as the same form with the reason, and nothing is saved.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View
from django_htmx.http import retarget

from sala.core.errors import DomainError
from sala.people.services import create_person

from .. import queries, services
from ..forms import (
    AgendaItemForm,
    FacilitatorAddForm,
    FacilitatorEditForm,
    SubItemFormSet,
    ordered_rows,
)
from ..models import AgendaItem, Facilitator
from .base import OrganiserMixin

STEPS = {"up": -1, "down": 1}


def add_errors(form, error: DomainError) -> None:
    for message in getattr(error, "messages", [error.message]):
        form.add_error(None, message)


def agenda_context(meeting, add_form=None) -> dict:
    items = list(queries.agenda_items_queryset().filter(meeting=meeting))
    return {
        "meeting": meeting,
        "items": items,
        "check": queries.agenda_check(meeting, items),
        "counts": queries.facilitator_counts(items),
        "add_form": add_form or AgendaItemForm(meeting=meeting),
    }


class AgendaMixin(OrganiserMixin):
    def agenda_url(self) -> str:
        return reverse("manage:agenda", args=[self.meeting.slug])

    def agenda_reply(self, add_form=None, status=200):
        """HTMX gets the agenda fragment; a plain post gets a redirect, or the page on error."""
        if not self.request.htmx and status < 400:
            return redirect(self.agenda_url())
        template = "meetings/manage/agenda.html" + ("#agenda" if self.request.htmx else "")
        return render(self.request, template, agenda_context(self.meeting, add_form), status=status)

    def item(self) -> AgendaItem:
        return get_object_or_404(AgendaItem, pk=self.kwargs["pk"], meeting=self.meeting)

    def item_editor(self, item, form=None, subs=None, facilitator_form=None, status=200):
        context = {
            "meeting": self.meeting,
            "item": item,
            "form": form or AgendaItemForm(instance=item, meeting=self.meeting),
            "subs": subs
            or SubItemFormSet(
                prefix="sub",
                initial=[{"text_en": s.text_en, "text_km": s.text_km} for s in item.sub_items.all()],
            ),
            "facilitators": item.facilitators.select_related("person__organisation"),
            "facilitator_form": facilitator_form or FacilitatorAddForm(),
        }
        name = "meetings/manage/item_edit.html" + ("#item_editor" if self.request.htmx else "")
        response = render(self.request, name, context, status=status)
        return retarget(response, f"#item-{item.pk}") if self.request.htmx else response


class AgendaView(AgendaMixin, TemplateView):
    template_name = "meetings/manage/agenda.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**agenda_context(self.meeting), **kwargs)


class ItemCreateView(AgendaMixin, View):
    def post(self, request, slug):
        form = AgendaItemForm(request.POST, meeting=self.meeting)
        subs = SubItemFormSet(request.POST, prefix="sub")
        if form.is_valid() and subs.is_valid():
            try:
                services.create_agenda_item(
                    meeting=self.meeting,
                    actor=request.user,
                    sub_items=sub_item_pairs(subs),
                    **form.service_fields(),
                )
            except DomainError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The item is added to the agenda."))
                return self.agenda_reply()
        return self.agenda_reply(add_form=form, status=422)


def sub_item_pairs(formset) -> list[tuple[str, str]]:
    return [(row["text_en"], row["text_km"]) for row in ordered_rows(formset)]


class ItemEditView(AgendaMixin, View):
    def get(self, request, slug, pk):
        return self.item_editor(self.item())

    def post(self, request, slug, pk):
        item = self.item()
        form = AgendaItemForm(request.POST, instance=item, meeting=self.meeting)
        subs = SubItemFormSet(request.POST, prefix="sub")
        if form.is_valid() and subs.is_valid():
            try:
                services.update_agenda_item(
                    item=item,
                    actor=request.user,
                    shift_following=form.cleaned_data.get("shift_following", False),
                    sub_items=sub_item_pairs(subs),
                    **form.service_fields(),
                )
            except DomainError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The agenda is saved."))
                return self.agenda_reply()
        item.refresh_from_db()
        return self.item_editor(item, form=form, subs=subs, status=422)


class ItemDeleteView(AgendaMixin, View):
    def get(self, request, slug, pk):
        return render(
            request,
            "meetings/manage/confirm_delete.html",
            {
                "meeting": self.meeting,
                "object": self.item(),
                "cancel_url": self.agenda_url(),
            },
        )

    def post(self, request, slug, pk):
        services.delete_agenda_item(item=self.item(), actor=request.user)
        messages.success(request, _("The item is deleted."))
        return self.agenda_reply()


class ItemMoveView(AgendaMixin, View):
    def post(self, request, slug, pk, direction):
        try:
            services.move_agenda_item(item=self.item(), actor=request.user, step=STEPS.get(direction, 0))
        except DomainError as error:
            messages.error(request, error.message)
            return self.agenda_reply(status=422)
        return self.agenda_reply()


class FacilitatorMixin(AgendaMixin):
    """Facilitator changes answer with the item's editor, where they are made."""

    def facilitator(self) -> Facilitator:
        return get_object_or_404(
            Facilitator.objects.select_related("person", "item"),
            pk=self.kwargs["pk"],
            item__meeting=self.meeting,
        )

    def item_reply(self, item, facilitator_form=None, status=200):
        if self.request.htmx or status >= 400:
            return self.item_editor(item, facilitator_form=facilitator_form, status=status)
        return redirect("manage:item_edit", slug=self.meeting.slug, pk=item.pk)


class FacilitatorAddView(FacilitatorMixin, View):
    def post(self, request, slug, pk):
        item = self.item()
        form = FacilitatorAddForm(request.POST)
        if not form.is_valid():
            return self.item_reply(item, facilitator_form=form, status=422)
        data = form.cleaned_data
        person = data["person"] or create_person(
            name_en=data["name_en"],
            name_km=data["name_km"],
            title=data["title"],
            organisation=data["organisation"],
        )
        services.add_facilitator(
            item=item,
            actor=request.user,
            person=person,
            role_en=data["role_en"],
            role_km=data["role_km"],
            status=data["status"],
        )
        messages.success(request, _("The facilitator is added."))
        return self.item_reply(item)


class FacilitatorEditView(FacilitatorMixin, View):
    template_name = "meetings/manage/facilitator_edit.html"

    def get(self, request, slug, pk):
        facilitator = self.facilitator()
        return render(
            request,
            self.template_name,
            {
                "meeting": self.meeting,
                "facilitator": facilitator,
                "form": FacilitatorEditForm(instance=facilitator),
            },
        )

    def post(self, request, slug, pk):
        facilitator = self.facilitator()
        form = FacilitatorEditForm(request.POST, instance=Facilitator.objects.get(pk=facilitator.pk))
        if form.is_valid():
            try:
                services.update_facilitator(facilitator=facilitator, actor=request.user, **form.cleaned_data)
            except DomainError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The facilitator is saved."))
                return self.item_reply(facilitator.item)
        return render(
            request,
            self.template_name,
            {
                "meeting": self.meeting,
                "facilitator": facilitator,
                "form": form,
            },
            status=422,
        )


class FacilitatorRemoveView(FacilitatorMixin, View):
    def get(self, request, slug, pk):
        facilitator = self.facilitator()
        return render(
            request,
            "meetings/manage/confirm_delete.html",
            {
                "meeting": self.meeting,
                "object": facilitator,
                "cancel_url": reverse("manage:item_edit", args=[slug, facilitator.item_id]),
            },
        )

    def post(self, request, slug, pk):
        facilitator = self.facilitator()
        services.remove_facilitator(facilitator=facilitator, actor=request.user)
        messages.success(request, _("The facilitator is removed from this item."))
        return self.item_reply(facilitator.item)


class FacilitatorMoveView(FacilitatorMixin, View):
    def post(self, request, slug, pk, direction):
        facilitator = self.facilitator()
        try:
            services.move_facilitator(
                facilitator=facilitator, actor=request.user, step=STEPS.get(direction, 0)
            )
        except DomainError as error:
            messages.error(request, error.message)
        return self.item_reply(facilitator.item)
