from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import ReadOnlyPasswordHashWidget, UserChangeForm, UserCreationForm
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from klachtenregeling.complaints.selectors import open_complaints_handled_by
from klachtenregeling.core.admin_site import OrganisationScopedAdmin, beheer_site
from klachtenregeling.regulation import services as regulation
from klachtenregeling.regulation import settings_check

from . import two_factor
from .models import User

ROLE_FIELDS = ["is_officer", "is_employee", "is_board", "is_org_admin"]
# What the published regulation states about an officer.
PUBLISHED_FIELDS = ["first_name", "last_name", "email", "is_officer", "is_active"]


class RolesCheckMixin:
    """Role changes that would break a rule are refused with a message.

    - An officer with open complaints keeps the role until they are handed over (R-5.1).
    - An officer needs an e-mail address: new complaints are announced by e-mail.
    - An organisation's admin sees no complaint content (R-6.1), so cannot make
      themselves an officer; another admin or the platform administrator can.
    """

    acting_user = None  # set by UserAdmin.get_form

    def clean(self):
        cleaned = super().clean()
        user = self.instance
        if cleaned.get("is_officer") and not cleaned.get("email", user.email):
            self.add_error("email", _("A complaints officer needs an e-mail address."))
        acting = self.acting_user
        if (
            acting is not None
            and not acting.is_superuser
            and user.pk == acting.pk
            and cleaned.get("is_officer")
            and not user.is_officer
        ):
            raise forms.ValidationError(
                _("You cannot make yourself a complaints officer. Ask another administrator.")
            )
        if not self.errors:
            # the published regulation names the officers; it must be able to follow.
            values = {k: cleaned[k] for k in PUBLISHED_FIELDS if k in cleaned}
            if cleaned.get("organisation") is not None:
                values["organisation"] = cleaned["organisation"]
            elif user.organisation_id is None and acting is not None and acting.organisation_id:
                values["organisation"] = acting.organisation  # a new user of the admin's own
            candidate = settings_check.with_values(user, values)
            settings_check.add_to_form(
                self,
                settings_check.officer_change_problems(candidate, was_officer=user.is_officer),
                {"officers": "email", "default_officer": "is_officer"},
            )
        if user.pk and user.is_officer:
            losing = not cleaned.get("is_officer", True) or not cleaned.get("is_active", True)
            open_count = open_complaints_handled_by(user).count() if losing else 0
            if open_count:
                raise forms.ValidationError(
                    ngettext(
                        "%(name)s still handles %(n)d open complaint. Hand it over to another "
                        "officer before removing the officer role or deactivating this user.",
                        "%(name)s still handles %(n)d open complaints. Hand them over to another "
                        "officer before removing the officer role or deactivating this user.",
                        open_count,
                    )
                    % {"name": user.display_name, "n": open_count}
                )
        return cleaned


class PasswordSummaryWidget(ReadOnlyPasswordHashWidget):
    """Whether a password is set — never the hasher's parameters (algorithm, iterations,
    salt, hash) — and a link that works for the one who sees it: the platform administrator
    sets a password here; an organisation's administrator (who never sets one) goes to the
    user's page in the settings, where a link to choose a new password is e-mailed.
    Without the `disabled` attribute that the disabled field gives it: on its <div> that
    attribute is invalid HTML (nothing there to disable)."""

    password_url = ""  # nosec B105 - a URL, not a password

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].pop("disabled", None)
        usable = bool(value) and not value.startswith(UNUSABLE_PASSWORD_PREFIX)
        context["summary"] = [
            {"label": _("A password is set.") if usable else _("No password set.")}
        ]
        if self.password_url:
            context["password_url"] = self.password_url
            context["button_label"] = _("E-mail a link to choose a new password")
        return context


class StaffChangeForm(RolesCheckMixin, UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if password := self.fields.get("password"):
            password.widget = PasswordSummaryWidget(attrs=password.widget.attrs)
            password.help_text = ""
            acting = self.acting_user
            if acting is not None and not acting.is_superuser and self.instance.pk:
                password.widget.password_url = reverse("settings:user", args=[self.instance.pk])


class StaffCreationForm(RolesCheckMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "first_name", "last_name", "email", *ROLE_FIELDS)


def _beheer_allowed(request) -> bool:
    return beheer_site.has_permission(request)


class UserAdmin(OrganisationScopedAdmin, DjangoUserAdmin):
    form = StaffChangeForm
    add_form = StaffCreationForm
    list_display = ["username", "display_name", "email", *ROLE_FIELDS, "is_active"]
    list_filter = [*ROLE_FIELDS, "is_active"]
    search_fields = ["username", "first_name", "last_name", "email"]
    ordering = ["first_name", "last_name"]
    actions = ["reset_two_factor"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Person"), {"fields": ["first_name", "last_name", "email"]}),
        (_("Roles"), {"fields": [*ROLE_FIELDS, "is_active"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": [
                    "username",
                    "first_name",
                    "last_name",
                    "email",
                    *ROLE_FIELDS,
                    "password1",
                    "password2",
                ],
            },
        )
    ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return [*fieldsets, (_("Platform"), {"fields": ["organisation", "is_superuser"]})]
        return fieldsets

    def get_exclude(self, request, obj=None):
        return None

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.acting_user = request.user
        return form

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.organisation_id and (obj.is_officer or form.initial.get("is_officer")):
            # in the same transaction, the regulation names the officers as they are now.
            regulation.regulation_republish(
                organisation=obj.organisation, by=request.user, reason=regulation.REASON_OFFICERS
            )

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not request.user.is_superuser:
            actions.pop("reset_two_factor", None)
        return actions

    @admin.action(description=_("Reset two-step log-in (lost phone and recovery codes)"))
    def reset_two_factor(self, request, queryset):
        """Platform administrator only, like setting a password: otherwise an organisation's
        admin could weaken an officer's account."""
        for user in queryset:
            two_factor.two_factor_reset(user=user, by=request.user)
        messages.success(
            request,
            ngettext(
                "Two-step log-in was reset for %(n)d user; they set it up again at their next log-in.",
                "Two-step log-in was reset for %(n)d users; they set it up again at their next log-in.",
                len(queryset),
            )
            % {"n": len(queryset)},
        )

    def user_change_password(self, request, id, form_url=""):
        """Only the user themselves (or the platform administrator) sets a password:
        an organisation's admin must not be able to take over an officer's account."""
        if not request.user.is_superuser and str(request.user.pk) != str(id):
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)


beheer_site.register(User, UserAdmin)
