from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.admin_site import OrganisationScopedAdmin, beheer_site
from klachtenregeling.core.errors import InvalidInput, NotPermitted
from klachtenregeling.core.forms import apply_domain_error

from . import services
from .forms import ApiKeyForm, OrganisationForm
from .models import ApiKey, Organisation, Subject

PUBLISHED_NOTE = _(
    "The published complaints regulation states these values: once it is published, a "
    "change is published as a new version at once, or refused when the regulation cannot "
    "follow it (article 4)."
)


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
                    "deadline_moves_off_days",
                    "extra_days_off",
                    "reminder_days",
                    "statement_reminder_days",
                    "answer_reminder_days",
                    "no_answer_days",
                    "oral_confirmation_days",
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


@admin.register(ApiKey, site=beheer_site)
class ApiKeyAdmin(OrganisationScopedAdmin):
    """The organisation's API keys (README: "API"): made here and shown once, revoked here
    after a confirmation; never changed (a new purpose is a new key)."""

    list_display = [
        "name",
        "shown_prefix",
        "scope",
        "created_at",
        "created_by",
        "revoked_at",
        "revoke_link",
    ]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    readonly_fields = [
        "name",
        "scope",
        "shown_prefix",
        "created_at",
        "created_by",
        "revoked_at",
        "revoked_by",
    ]
    fields = readonly_fields

    @admin.display(description=_("key begins with"))
    def shown_prefix(self, obj) -> str:
        return f"{obj.prefix}…"

    @admin.display(description=_("revoke"))
    def revoke_link(self, obj) -> str:
        if obj.revoked_at is not None:
            return "—"
        url = reverse("beheer:organisations_apikey_revoke", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Revoke…"))

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def get_urls(self):
        revoke = self.admin_site.admin_view(self.revoke_view)
        return [
            path("<path:object_id>/intrekken/", revoke, name="organisations_apikey_revoke"),
            *super().get_urls(),
        ]

    def _page(self, request, template: str, context: dict, status: int = 200):
        context = {**self.admin_site.each_context(request), "opts": self.opts, **context}
        response = TemplateResponse(request, template, context, status=status)
        response["Cache-Control"] = "no-store"
        return response

    def add_view(self, request, form_url="", extra_context=None):
        """The form, then the key itself: shown on this page once, never stored."""
        superuser = request.user.is_superuser
        form = ApiKeyForm(request.POST or None, superuser=superuser)
        if request.method == "POST" and form.is_valid():
            organisation = form.cleaned_data.get("organisation") or request.user.organisation
            try:
                api_key, key = services.api_key_create(
                    organisation=organisation, name=form.cleaned_data["name"], by=request.user
                )
            except NotPermitted:
                raise PermissionDenied from None
            except InvalidInput as error:
                apply_domain_error(form, error)
            else:
                self.log_addition(request, api_key, [{"added": {}}])
                return self._page(
                    request,
                    "organisations/admin/apikey_created.html",
                    {"title": _("API key created"), "api_key": api_key, "key": key},
                )
        status = 400 if form.errors else 200
        return self._page(
            request,
            "organisations/admin/apikey_add.html",
            {"title": _("New API key"), "form": form, "key_rate": settings.API_KEY_RATE},
            status=status,
        )

    def revoke_view(self, request, object_id):
        """A confirmation, then the key is revoked (POST)."""
        api_key = self.get_object(request, unquote(object_id))
        if api_key is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if request.method == "POST":
            try:
                services.api_key_revoke(api_key=api_key, by=request.user)
            except NotPermitted:
                raise PermissionDenied from None
            self.log_change(request, api_key, [{"changed": {"fields": ["revoked_at"]}}])
            messages.success(
                request, _("The API key “%(name)s” is revoked.") % {"name": api_key.name}
            )
            return redirect("beheer:organisations_apikey_changelist")
        return self._page(
            request,
            "organisations/admin/apikey_revoke.html",
            {"title": _("Revoke API key"), "api_key": api_key},
        )
