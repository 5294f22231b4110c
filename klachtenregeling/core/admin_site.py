"""Django's admin ("beheer"): for the platform's superusers only, never complaint content.

An organisation's administrator has the site's own settings pages (/werk/instellingen/,
issue 17) and is sent there. Complaints, statements, attachments and case events are not
registered here at all (R-6.1).
"""

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class BeheerSite(admin.AdminSite):
    site_header = _("Complaints regulation — settings")
    site_title = _("Settings")
    index_title = _("Organisation settings and users")

    def has_permission(self, request) -> bool:
        user = request.user
        return bool(user.is_active and user.is_superuser)

    def login(self, request, extra_context=None):
        """One log-in page for everyone (rate-limited): the staff log-in, then back here."""
        if request.user.is_authenticated:
            # An organisation's administrator: their own settings pages, not a dead end.
            if request.user.is_active and request.user.is_org_admin:
                return redirect("settings:index")
            # Signed in but not a superuser: no second log-in form, no redirect loop.
            raise PermissionDenied
        return redirect_to_login(request.GET.get("next") or reverse("beheer:index"))


beheer_site = BeheerSite(name="beheer")


class OrganisationScopedAdmin(admin.ModelAdmin):
    """Shows and edits only rows of the admin's own organisation."""

    organisation_field = "organisation"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def _scoped(self, request) -> bool:
        return not request.user.is_superuser

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self._scoped(request):
            queryset = queryset.filter(**{self.organisation_field: request.user.organisation_id})
        return queryset

    def has_module_permission(self, request) -> bool:
        return beheer_site.has_permission(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return beheer_site.has_permission(request)

    has_change_permission = has_view_permission
    has_add_permission = has_module_permission

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser

    def get_exclude(self, request, obj=None):
        exclude = list(super().get_exclude(request, obj) or [])
        if self._scoped(request) and self.organisation_field == "organisation":
            exclude.append("organisation")
        return exclude

    def save_model(self, request, obj, form, change):
        if self._scoped(request) and self.organisation_field == "organisation":
            obj.organisation_id = request.user.organisation_id
        super().save_model(request, obj, form, change)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        model = db_field.related_model
        if self._scoped(request) and hasattr(model, "organisation"):
            queryset = kwargs.get("queryset", model._default_manager.all())
            kwargs["queryset"] = queryset.filter(organisation_id=request.user.organisation_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
