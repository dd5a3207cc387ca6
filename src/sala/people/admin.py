from django.contrib import admin

from .models import Organisation, Person


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["acronym", "name_en", "name_km", "type"]
    list_filter = ["type"]
    search_fields = ["acronym", "name_en", "name_km"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_km", "organisation"]
    search_fields = ["name_en", "name_km"]
