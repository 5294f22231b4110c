from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.admin_site import OrganisationScopedAdmin, beheer_site
from klachtenregeling.regulation import settings_check

from . import services
from .models import Organisation, Subject

PUBLISHED_NOTE = _(
    "The published complaints regulation states these values: once it is published, a "
    "change is published as a new version at once, or refused when the regulation cannot "
    "follow it (article 4)."
)


def _formfield(db_field, **kwargs):
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


class OrganisationForm(forms.ModelForm):
    """R-4.1: a change the published regulation cannot follow is refused with the reasons."""

    class Meta:
        model = Organisation
        formfield_callback = _formfield
        fields = [
            "name",
            "slug",
            "website",
            "contact_email",
            "default_officer",
            "term_days",
            "reminder_days",
            "statement_reminder_days",
            "destruction_cooling_off_days",
            "disputes_body_name",
            "disputes_body_address",
            "disputes_body_url",
        ]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and not self.errors:
            candidate = settings_check.with_values(self.instance, cleaned)
            problems = settings_check.organisation_change_problems(candidate)
            settings_check.add_to_form(self, problems)
        return cleaned


class SubjectInline(admin.TabularInline):
    """Shown here, changed on the page Subjects and causes (werk/registratie/): one way to
    change the list, through its services (R-8.1)."""

    model = Subject
    extra = 0
    fields = ["name", "is_active"]
    readonly_fields = ["name", "is_active"]
    verbose_name_plural = _("Subjects (changed on the page Subjects and causes)")

    def has_delete_permission(self, request, obj=None) -> bool:
        # Subjects in use stay: they are taken out of use instead (reports count them).
        return False

    def has_view_permission(self, request, obj=None) -> bool:
        return beheer_site.has_permission(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Organisation, site=beheer_site)
class OrganisationAdmin(OrganisationScopedAdmin):
    organisation_field = "pk"
    form = OrganisationForm
    inlines = [SubjectInline]
    list_display = ["name", "slug", "term_days", "default_officer"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "website", "contact_email"]}),
        (
            _("Handling (Art. 5)"),
            {
                "description": PUBLISHED_NOTE,
                "fields": [
                    "default_officer",
                    "term_days",
                    "reminder_days",
                    "statement_reminder_days",
                ],
            },
        ),
        (
            _("Retention (Art. 8)"),
            {"fields": ["destruction_cooling_off_days"]},
        ),
        (
            _("Disputes body (Art. 4)"),
            {
                "description": PUBLISHED_NOTE,
                "fields": ["disputes_body_name", "disputes_body_address", "disputes_body_url"],
            },
        ),
    ]

    def has_add_permission(self, request) -> bool:
        return request.user.is_superuser

    def save_model(self, request, obj, form, change):
        if change:
            services.organisation_update(organisation=obj, by=request.user)
        else:
            super().save_model(request, obj, form, change)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "default_officer":
            from klachtenregeling.accounts.models import User

            queryset = User.objects.filter(is_officer=True, is_active=True)
            if not request.user.is_superuser:
                queryset = queryset.filter(organisation_id=request.user.organisation_id)
            kwargs["queryset"] = queryset
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
