from django.contrib import admin

from .models import Law


@admin.register(Law)
class LawAdmin(admin.ModelAdmin):
    list_display = ["title_en", "title_km", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}
    search_fields = ["title_en", "title_km"]
