"""Participants' input pages: an invitee by their secret link, or a signed-in account."""

from django.urls import path

from .views import giving, live
from .views import groups as breakout
from .views import materials as material_views
from .views import questions as qa

app_name = "participation"
urlpatterns = [
    path("i/<str:token>/inputs/", giving.InvitationArticlesView.as_view(), name="inputs"),
    path("i/<str:token>/inputs/add/", giving.InvitationGiveView.as_view(), name="give"),
    path("i/<str:token>/inputs/<int:pk>/withdraw/", giving.WithdrawView.as_view(), name="withdraw"),
    path(
        "consultations/<slug:slug>/give-input/", giving.AccountArticlesView.as_view(), name="account_inputs"
    ),
    path("consultations/<slug:slug>/give-input/add/", giving.AccountGiveView.as_view(), name="account_give"),
    # Materials
    path(
        "i/<str:token>/materials/<int:pk>/<str:name>", material_views.MaterialView.as_view(), name="material"
    ),
]

# Q&A: a participant by their link, on an item of their meeting (the page takes the questions
# asked); a facilitator by theirs, on their item.
q = "i/<str:token>/questions/<int:item_pk>/"
f = "f/<str:token>/"
urlpatterns += [
    path(q, qa.QuestionsPage.as_view(), name="questions"),
    path(q + "live/", qa.QuestionsLiveView.as_view(), name="questions_live"),
    path(q + "<int:pk>/upvote/", qa.UpvoteView.as_view(), name="questions_upvote"),
    path(f + "session/", qa.FacilitatorQueueView.as_view(), name="facilitator_queue"),
    path(f + "session/live/", qa.FacilitatorQueueLiveView.as_view(), name="facilitator_queue_live"),
    path(
        f + "questions/<int:pk>/<str:action>/",
        qa.FacilitatorModerateView.as_view(),
        name="facilitator_moderate",
    ),
    path(f + "projector/", qa.FacilitatorProjectorView.as_view(), name="facilitator_projector"),
    path(f + "projector/live/", qa.FacilitatorProjectorLiveView.as_view(), name="facilitator_projector_live"),
]

# The participant's phone view of the meeting day.
urlpatterns += [
    path("i/<str:token>/meeting/", live.PhoneView.as_view(), name="phone"),
    path("i/<str:token>/meeting/now/", live.NowView.as_view(), name="phone_now"),
]

# Breakout groups: a participant's group, and its rapporteur's report.
urlpatterns += [
    path("i/<str:token>/group/", breakout.GroupPage.as_view(), name="group"),
]
