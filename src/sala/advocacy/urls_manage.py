"""Organisers' pages of the advocacy app, under /manage/."""

from django.urls import path

from .views import consolidation as c
from .views import exports

app_name = "advocacy_manage"
base = "consultations/<slug:slug>/consolidation/"
place = base + "articles/<str:place>/"
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
]
