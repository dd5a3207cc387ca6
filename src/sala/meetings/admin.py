"""Administrators name consultations and their organisers here.

Meetings and agendas are edited only in the organiser screens, whose services check the
agenda's rules and write the audit log; the admin would bypass both.
"""

from django.contrib import admin

from .models import Consultation


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["title_en", "title_km", "law"]
    prepopulated_fields = {"slug": ["title_en"]}
    filter_horizontal = ["organisers"]
    search_fields = ["title_en", "title_km"]
