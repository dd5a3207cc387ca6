"""Organisers' pages of the laws app, under /manage/."""

from django.urls import path

from .views import drafts, tracker

app_name = "laws_manage"
urlpatterns = [
    path("laws/", tracker.LawListView.as_view(), name="law_list"),
    path("laws/new/", tracker.LawCreateView.as_view(), name="law_create"),
    path("laws/<slug:slug>/edit/", tracker.LawEditView.as_view(), name="law_edit"),
    path("laws/<slug:slug>/stages/add/", tracker.StageAddView.as_view(), name="stage_add"),
    path("laws/<slug:slug>/stages/<int:pk>/edit/", tracker.StageEditView.as_view(), name="stage_edit"),
    path("laws/<slug:slug>/stages/<int:pk>/delete/", tracker.StageDeleteView.as_view(), name="stage_delete"),
    path("laws/<slug:slug>/analyses/add/", tracker.AnalysisAddView.as_view(), name="analysis_add"),
    path(
        "laws/<slug:slug>/analyses/<int:pk>/delete/",
        tracker.AnalysisDeleteView.as_view(),
        name="analysis_delete",
    ),
    path("laws/<slug:slug>/drafts/", drafts.DraftListView.as_view(), name="drafts"),
    path("laws/<slug:slug>/drafts/import/", drafts.DraftImportView.as_view(), name="draft_import"),
    path("laws/<slug:slug>/drafts/<int:pk>/", drafts.DraftView.as_view(), name="draft"),
    path(
        "laws/<slug:slug>/drafts/<int:pk>/publish/", drafts.DraftPublishView.as_view(), name="draft_publish"
    ),
    path(
        "laws/<slug:slug>/drafts/<int:pk>/discard/", drafts.DraftDiscardView.as_view(), name="draft_discard"
    ),
    path("laws/<slug:slug>/drafts/<int:pk>/delete/", drafts.DraftDeleteView.as_view(), name="draft_delete"),
    path(
        "laws/<slug:slug>/drafts/<int:pk>/compare/<int:other>/",
        drafts.CompareView.as_view(),
        name="draft_compare",
    ),
    path(
        "laws/<slug:slug>/drafts/<int:pk>/articles/add/",
        drafts.ArticleAddView.as_view(),
        name="draft_article_add",
    ),
    path(
        "laws/<slug:slug>/drafts/<int:pk>/articles/<int:article>/edit/",
        drafts.ArticleEditView.as_view(),
        name="draft_article_edit",
    ),
    path(
        "laws/<slug:slug>/drafts/<int:pk>/articles/<int:article>/delete/",
        drafts.ArticleDeleteView.as_view(),
        name="draft_article_delete",
    ),
    path(
        "laws/<slug:slug>/drafts/<int:pk>/chapters/<int:chapter>/edit/",
        drafts.ChapterEditView.as_view(),
        name="draft_chapter_edit",
    ),
]
