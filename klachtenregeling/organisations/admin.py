from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.admin_site import OrganisationScopedAdmin, beheer_site

from .models import Organisation, Subject


class SubjectInline(admin.TabularInline):
    model = Subject
    extra = 1
    fields = ["name", "is_active"]

    def has_delete_permission(self, request, obj=None) -> bool:
        # Subjects in use stay: deactivate them instead (reports count per subject).
        return False

    def has_view_permission(self, request, obj=None) -> bool:
        return beheer_site.has_permission(request)

    has_change_permission = has_view_permission
    has_add_permission = has_view_permission


@admin.register(Organisation, site=beheer_site)
class OrganisationAdmin(OrganisationScopedAdmin):
    organisation_field = "pk"
    inlines = [SubjectInline]
    list_display = ["name", "slug", "term_days", "default_officer"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "website", "contact_email"]}),
        (
            _("Handling (Art. 5)"),
            {
                "fields": [
                    "default_officer",
                    "term_days",
                    "reminder_days",
                    "statement_reminder_days",
                ]
            },
        ),
        (
            _("Disputes body (Art. 4)"),
            {"fields": ["disputes_body_name", "disputes_body_address", "disputes_body_url"]},
        ),
    ]

    def has_add_permission(self, request) -> bool:
        return request.user.is_superuser

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "default_officer":
            from klachtenregeling.accounts.models import User

            queryset = User.objects.filter(is_officer=True, is_active=True)
            if not request.user.is_superuser:
                queryset = queryset.filter(organisation_id=request.user.organisation_id)
            kwargs["queryset"] = queryset
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
