"""The meeting report for its organisers, under /manage/: the preview and its files."""

from django.urls import path

from . import views

app_name = "reports_manage"
m = "meetings/<slug:slug>/"
urlpatterns = [
    path(m + "report/", views.ReportView.as_view(), name="report"),
    path(m + "report.pdf", views.ReportPdfView.as_view(), name="report_pdf"),
    path(m + "report.docx", views.ReportDocxView.as_view(), name="report_docx"),
]
