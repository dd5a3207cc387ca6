from django.urls import path

from .views import exports, public

app_name = "meetings"
urlpatterns = [
    path("", public.HomeView.as_view(), name="home"),
    path("meetings/<slug:slug>/", public.MeetingPageView.as_view(), name="public"),
    path("meetings/<slug:slug>/agenda.pdf", exports.agenda_pdf, name="agenda_pdf"),
    path("f/<str:token>/", public.FacilitatorAnswerView.as_view(), name="facilitator_answer"),
]
