"""Public pages of the laws app."""

from django.urls import path

from .views import drafts, public

app_name = "laws"
urlpatterns = [
    path("laws/", public.LawListView.as_view(), name="law_list"),
    path("laws/<slug:slug>/", public.LawPageView.as_view(), name="law"),
    path("laws/<slug:slug>/analyses/<int:pk>/file/", public.AnalysisFileView.as_view(), name="analysis_file"),
    path("laws/<slug:slug>/drafts/<int:pk>/", drafts.PublicDraftView.as_view(), name="draft"),
]
