from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from sala.core import views as core_views

urlpatterns = [
    path("healthz/", core_views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("", include("sala.meetings.urls_nolang")),
    path("", core_views.root_redirect, name="root"),
]
urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("manage/", include("sala.meetings.urls_manage")),
    path("manage/", include("sala.attendance.urls_manage")),
    path("manage/", include("sala.laws.urls_manage")),
    path("manage/", include("sala.participation.urls_manage")),
    path("manage/", include("sala.advocacy.urls_manage")),
    path("manage/", include("sala.reports.urls_manage")),
    path("", include("sala.attendance.urls")),
    path("", include("sala.laws.urls")),
    path("", include("sala.participation.urls")),
    path("", include("sala.advocacy.urls")),
    path("", include("sala.meetings.urls")),
    prefix_default_language=True,
)
