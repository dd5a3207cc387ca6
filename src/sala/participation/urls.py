"""Participants' input pages: an invitee by their secret link, or a signed-in account."""

from django.urls import path

from .views import giving

app_name = "participation"
urlpatterns = [
    path("i/<str:token>/inputs/", giving.InvitationArticlesView.as_view(), name="inputs"),
    path("i/<str:token>/inputs/add/", giving.InvitationGiveView.as_view(), name="give"),
    path("i/<str:token>/inputs/<int:pk>/withdraw/", giving.WithdrawView.as_view(), name="withdraw"),
    path(
        "consultations/<slug:slug>/give-input/", giving.AccountArticlesView.as_view(), name="account_inputs"
    ),
    path("consultations/<slug:slug>/give-input/add/", giving.AccountGiveView.as_view(), name="account_give"),
]
