"""Pages for invitees and registrants: each reaches only their own place, by its secret link."""

from django.urls import path

from .views import personal

app_name = "attendance"
urlpatterns = [
    path("i/<str:token>/", personal.InvitationView.as_view(), name="invitation"),
    path("i/<str:token>/qr.svg", personal.invitation_qr, name="invitation_qr"),
    path("r/<str:token>/", personal.RegistrationView.as_view(), name="registration"),
    path("r/<str:token>/qr.svg", personal.registration_qr, name="registration_qr"),
    path("meetings/<slug:slug>/register/", personal.RegisterView.as_view(), name="register"),
]
