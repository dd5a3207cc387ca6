"""Public pages of the advocacy app: the joint position, once published."""

from django.urls import path

from .views import exports, public

app_name = "advocacy"
urlpatterns = [
    path("consultations/<slug:slug>/position/", public.PositionView.as_view(), name="position"),
    path(
        "consultations/<slug:slug>/position/joint-submission.pdf",
        exports.public_submission_pdf,
        name="position_pdf",
    ),
]
