from django.contrib import admin

from klachtenregeling.core.admin_site import OrganisationScopedAdmin, beheer_site

from .models import Client, Engagement


@admin.register(Client, site=beheer_site)
class ClientAdmin(OrganisationScopedAdmin):
    list_display = ["name", "email", "phone"]
    search_fields = ["name", "email"]


@admin.register(Engagement, site=beheer_site)
class EngagementAdmin(OrganisationScopedAdmin):
    list_display = ["reference", "title", "client", "starts_on", "ends_on"]
    search_fields = ["reference", "title", "client__name"]
    list_select_related = ["client"]
    date_hierarchy = "starts_on"
