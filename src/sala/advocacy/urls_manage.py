"""Organisers' pages of the advocacy app, under /manage/."""

from django.urls import path

from .views import actions as act
from .views import consolidation as c
from .views import decisions as dec
from .views import endorsements as endorse
from .views import exports
from .views import outcomes as outcome  # Outcomes
from .views import strategies as road

app_name = "advocacy_manage"
base = "consultations/<slug:slug>/consolidation/"
place = base + "articles/<str:place>/"
roadmap = "consultations/<slug:slug>/roadmap/"  # Road map and decisions
decisions = "consultations/<slug:slug>/decisions/"  # Road map and decisions
followup = "consultations/<slug:slug>/"  # Endorsements and actions
urlpatterns = [
    path(base, c.MatrixView.as_view(), name="matrix"),
    path(base + "cells/<str:place>/<str:concern>/", c.CellView.as_view(), name="cell"),
    path(place, c.ArticleView.as_view(), name="article"),
    path(place + "finding/", c.FindingView.as_view(), name="finding"),
    path(base + "inputs/<int:pk>/disposition/", c.DecideView.as_view(), name="decide"),
    path(base + "regroup/", c.RegroupView.as_view(), name="regroup"),
    path(base + "publish/", c.PublishView.as_view(), name="publish"),
    path(base + "unpublish/", c.UnpublishView.as_view(), name="unpublish"),
    path(base + "joint-submission.docx", exports.SubmissionDocxView.as_view(), name="submission_docx"),
    path(base + "joint-submission.pdf", exports.SubmissionPdfView.as_view(), name="submission_pdf"),
    # Road map and decisions
    path(roadmap, road.RoadMapView.as_view(), name="roadmap"),
    path(roadmap + "add/", road.StrategyFormView.as_view(), name="strategy_add"),
    path(roadmap + "<int:pk>/edit/", road.StrategyFormView.as_view(), name="strategy_edit"),
    path(roadmap + "<int:pk>/delete/", road.StrategyDeleteView.as_view(), name="strategy_delete"),
    path(roadmap + "<int:pk>/move/<str:direction>/", road.StrategyMoveView.as_view(), name="strategy_move"),
    path(roadmap + "groups/<int:group>/draft/", road.DraftFromGroupView.as_view(), name="from_group"),
    path(decisions, dec.DecisionListView.as_view(), name="decisions"),
    path(decisions + "add/", dec.DecisionFormView.as_view(), name="decision_add"),
    path(decisions + "<int:pk>/", dec.DecisionView.as_view(), name="decision"),
    path(decisions + "<int:pk>/count/", dec.DecisionCountView.as_view(), name="decision_count"),
    path(decisions + "<int:pk>/edit/", dec.DecisionFormView.as_view(), name="decision_edit"),
    path(decisions + "<int:pk>/open/", dec.DecisionOpenView.as_view(), name="decision_open"),
    path(decisions + "<int:pk>/close/", dec.DecisionCloseView.as_view(), name="decision_close"),
    path(decisions + "<int:pk>/delete/", dec.DecisionDeleteView.as_view(), name="decision_delete"),
    # Endorsements and actions
    path(followup + "endorsements/", endorse.EndorsementListView.as_view(), name="endorsements"),
    path(
        followup + "endorsements/<int:pk>/withdraw/",
        endorse.EndorsementWithdrawView.as_view(),
        name="endorsement_withdraw",
    ),
    path(followup + "actions/", act.ActionListView.as_view(), name="actions"),
    path(followup + "actions/add/", act.ActionCreateView.as_view(), name="action_add"),
    path(followup + "actions/<int:pk>/edit/", act.ActionEditView.as_view(), name="action_edit"),
    path(followup + "actions/<int:pk>/delete/", act.ActionDeleteView.as_view(), name="action_delete"),
    path(followup + "actions/<int:pk>/status/", act.ActionStatusView.as_view(), name="action_status"),
    # Outcomes
    path("meetings/<slug:slug>/outcomes/", outcome.OutcomesView.as_view(), name="outcomes"),
    path("meetings/<slug:slug>/outcomes/status/", outcome.OutcomeStatusView.as_view(), name="outcome_status"),
    path("meetings/<slug:slug>/outcomes/<int:pk>/", outcome.OutcomeRuleView.as_view(), name="outcome_rule"),
]
