"""Materials of agenda items: organisers and facilitators upload and remove them; visitors
download them through the way they came in.

A public meeting's materials are public. An invitation-only meeting's go only to its
organisers (here, signed in), its facilitators (by their /f/<token>/ link, here) and its
invitees and registrants (by their /i/<token>/ link: `participation.views.materials`).
Uploads are plain form posts (no JavaScript needed); a refused file comes back beside the
file field with the reason (HTTP 422) and nothing is saved.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import View

from sala.core.errors import DomainError
from sala.core.views import keep_private

from .. import queries
from ..downloads import material_response
from ..forms_materials import MaterialForm
from ..models import Material
from ..services.materials import add_material, remove_material
from .base import visible
from .manage_agenda import AgendaMixin
from .public import FacilitatorAnswerView


def save_upload(request, form: MaterialForm, **who) -> bool:
    """Give a valid form to the service; a refusal is shown beside the file. True once saved."""
    if not form.is_valid():
        return False
    try:
        add_material(upload=form.cleaned_data["file"], title=form.cleaned_data["title"], **who)
    except DomainError as error:
        form.add_error("file", error.message)
        return False
    messages.success(request, _("The material is added."))
    return True


# --- Organisers ------------------------------------------------------------------------------


class ItemMaterialsView(AgendaMixin, View):
    """The materials of one agenda item, and the form to add one."""

    template_name = "meetings/manage/item_materials.html"

    def page(self, item, form=None, status=200):
        context = {
            "meeting": self.meeting,
            "item": item,
            "materials": queries.materials_of(item),
            "form": form or MaterialForm(),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, slug, pk):
        return self.page(self.item())

    def post(self, request, slug, pk):
        item = self.item()
        form = MaterialForm(request.POST, request.FILES)
        if save_upload(request, form, item=item, actor=request.user):
            return redirect("manage:item_materials", slug=slug, pk=pk)
        return self.page(item, form, status=422)


class MaterialRemoveView(AgendaMixin, View):
    def material(self) -> Material:
        return get_object_or_404(Material, pk=self.kwargs["pk"], item__meeting=self.meeting)

    def item_url(self, material: Material) -> str:
        return reverse("manage:item_materials", args=[self.meeting.slug, material.item_id])

    def get(self, request, slug, pk):
        material = self.material()
        context = {"meeting": self.meeting, "object": material, "cancel_url": self.item_url(material)}
        return render(request, "meetings/manage/confirm_delete.html", context)

    def post(self, request, slug, pk):
        material = self.material()
        remove_material(material=material, actor=request.user)
        messages.success(request, _("The material is removed."))
        return redirect(self.item_url(material))


# --- Facilitators, by their personal link ---------------------------------------------------


class FacilitatorMaterialAddView(FacilitatorAnswerView):
    """The upload form of the facilitator's page; a refusal shows that page again, with the reason."""

    def get(self, request, *args, **kwargs):
        return redirect("meetings:facilitator_answer", token=self.facilitator.token)

    def post(self, request, *args, **kwargs):
        form = MaterialForm(request.POST, request.FILES)
        if save_upload(request, form, item=self.facilitator.item, facilitator=self.facilitator):
            return redirect("meetings:facilitator_answer", token=self.facilitator.token)
        answer_form = self.get_form_class()(initial=self.get_initial())  # unbound: no answer was sent
        context = self.get_context_data(form=answer_form, material_form=form)
        return self.render_to_response(context, status=422)


class FacilitatorMaterialRemoveView(View):
    """A facilitator removes a material they uploaded (others' are not theirs to remove: 404)."""

    def dispatch(self, request, *args, token, pk, **kwargs):
        self.facilitator = queries.facilitator_by_token(token)
        self.material = get_object_or_404(Material, pk=pk, uploaded_by_facilitator=self.facilitator)
        response = super().dispatch(request, *args, **kwargs)
        return keep_private(response)

    def get(self, request):
        cancel_url = reverse("meetings:facilitator_answer", args=[self.facilitator.token])
        return render(
            request,
            "meetings/facilitator_confirm_remove.html",
            {"object": self.material, "cancel_url": cancel_url, "meeting": self.facilitator.item.meeting},
        )

    def post(self, request):
        remove_material(material=self.material, facilitator=self.facilitator)
        messages.success(request, _("The material is removed."))
        return redirect("meetings:facilitator_answer", token=self.facilitator.token)


# --- Downloads -----------------------------------------------------------------------------


class MaterialView(View):
    """A material at the meeting's address: anyone's for a public meeting, else organisers' only."""

    def get(self, request, slug, pk, name):
        material = get_object_or_404(
            Material.objects.select_related("item__meeting__consultation"), pk=pk, item__meeting__slug=slug
        )
        visible(request, material.item.meeting)
        return material_response(material)


class FacilitatorMaterialView(View):
    """Any material of the meeting, for one of its facilitators (by their link)."""

    def get(self, request, token, pk, name):
        facilitator = queries.facilitator_by_token(token)
        material = get_object_or_404(Material, pk=pk, item__meeting=facilitator.item.meeting_id)
        response = material_response(material)
        response["Referrer-Policy"] = "no-referrer"
        return response
