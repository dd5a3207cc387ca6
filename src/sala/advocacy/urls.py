"""Public pages of the advocacy app: the joint position, once published."""

from django.urls import path

from .views import endorsements as endorse
from .views import exports, public, voting

app_name = "advocacy"
urlpatterns = [
    path("consultations/<slug:slug>/position/", public.PositionView.as_view(), name="position"),
    path(
        "consultations/<slug:slug>/position/joint-submission.pdf",
        exports.public_submission_pdf,
        name="position_pdf",
    ),
    # Endorsements
    path("i/<str:token>/endorse/", endorse.EndorseView.as_view(), name="endorse"),
    path("i/<str:token>/endorse/withdraw/", endorse.WithdrawView.as_view(), name="endorse_withdraw"),
    # Voting
    path("i/<str:token>/decisions/", voting.VoteListView.as_view(), name="votes"),
    path("i/<str:token>/decisions/<int:pk>/", voting.VoteView.as_view(), name="vote"),
]
