"""Administrators may correct a law here; organisers use the tracker screens, which write the
audit log and keep stages and uploaded analyses checked."""

from django.contrib import admin

from .models import Law


@admin.register(Law)
class LawAdmin(admin.ModelAdmin):
    list_display = ["title_en", "title_km", "slug", "fast_tracked", "is_public"]
    list_filter = ["fast_tracked", "is_public", "sensitivity", "public_consultation"]
    prepopulated_fields = {"slug": ["title_en"]}
    search_fields = ["title_en", "title_km"]
