"""The road map for organisers: strategies added, changed, moved and removed, and drafted from
the breakout groups' recommendations.

Moving answers HTMX with the list and a plain post with a redirect, so the page works
without JavaScript; a refused change comes back with the reason and loses nothing typed.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView, View

from sala.core.errors import DomainError
from sala.core.khmer import digits
from sala.participation.models import BreakoutGroup

from ..forms_decisions import StrategyForm
from ..models import Strategy
from ..queries.strategies import group_reports, put_to_vote, road_map
from ..services import strategies as services
from .base import ConsultationOrganiserMixin

LIST_TEMPLATE = "advocacy/roadmap/list.html"
STEPS = {"up": -1, "down": 1}


class RoadMapMixin(ConsultationOrganiserMixin):
    def strategy(self) -> Strategy:
        return get_object_or_404(
            Strategy.objects.select_related("consultation"),
            pk=self.kwargs["pk"],
            consultation=self.consultation,
        )

    def road_map_url(self, anchor: str = "") -> str:
        url = reverse("advocacy_manage:roadmap", args=[self.consultation.slug])
        return f"{url}#{anchor}" if anchor else url


class RoadMapView(RoadMapMixin, TemplateView):
    template_name = LIST_TEMPLATE

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            strategies=road_map(self.consultation), reports=group_reports(self.consultation), **kwargs
        )


class StrategyFormView(RoadMapMixin, TemplateView):
    """Adding a strategy (no `pk`) or changing one."""

    template_name = "advocacy/roadmap/form.html"

    def instance(self) -> Strategy | None:
        return self.strategy() if "pk" in self.kwargs else None

    def get(self, request, *args, **kwargs):
        form = StrategyForm(instance=self.instance(), consultation=self.consultation)
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        strategy = self.instance()
        form = StrategyForm(request.POST, instance=strategy, consultation=self.consultation)
        if form.is_valid():
            try:
                if strategy is None:
                    strategy = services.create_strategy(
                        consultation=self.consultation, actor=request.user, **form.service_fields()
                    )
                else:
                    strategy = services.update_strategy(
                        strategy=strategy, actor=request.user, **form.service_fields()
                    )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The strategy is saved."))
                return redirect(self.road_map_url(f"strategy-{strategy.pk}"))
        return self.render_to_response(self.get_context_data(form=form), status=422)

    def get_context_data(self, **kwargs):
        strategy = self.instance()
        voted = strategy is not None and put_to_vote(strategy)
        return super().get_context_data(strategy=strategy, voted=voted, **kwargs)


class StrategyDeleteView(RoadMapMixin, View):
    def get(self, request, *args, **kwargs):
        context = {
            "consultation": self.consultation,
            "name": self.strategy().activity,  # whole: Strategy's str() cuts it
            "cancel_url": self.road_map_url(),
        }
        return render(request, "advocacy/roadmap/confirm_delete.html", context)

    def post(self, request, *args, **kwargs):
        try:
            services.delete_strategy(strategy=self.strategy(), actor=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The strategy is removed from the road map."))
        return redirect(self.road_map_url())


class StrategyMoveView(RoadMapMixin, View):
    def post(self, request, *args, direction, **kwargs):
        strategy = self.strategy()
        status = 200
        try:
            services.move_strategy(strategy=strategy, actor=request.user, step=STEPS.get(direction, 0))
        except DomainError as error:
            messages.error(request, error.message)
            status = 422
        if not request.htmx:
            return redirect(self.road_map_url(f"strategy-{strategy.pk}"))
        context = {"consultation": self.consultation, "strategies": road_map(self.consultation)}
        return render(request, LIST_TEMPLATE + "#strategies", context, status=status)


class DraftFromGroupView(RoadMapMixin, View):
    """One strategy per recommendation of a group's report, not drafted from it before."""

    def post(self, request, *args, group, **kwargs):
        group = get_object_or_404(BreakoutGroup, pk=group, meeting__consultation=self.consultation)
        try:
            made = services.strategies_from_group(group=group, actor=request.user)
        except DomainError as error:
            messages.error(request, error.message)
            return redirect(self.road_map_url("groups"))
        if made:
            messages.success(
                request,
                ngettext(
                    "%(count)s strategy drafted: add its target, owner and time frame.",
                    "%(count)s strategies drafted: add their targets, owners and time frames.",
                    len(made),
                )
                % {"count": digits(len(made))},
            )
            return redirect(self.road_map_url(f"strategy-{made[0].pk}"))
        messages.info(request, _("Every recommendation of this group is already on the road map."))
        return redirect(self.road_map_url("groups"))
