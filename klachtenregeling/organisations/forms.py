"""Forms of the organisation's settings and of the managed lists. The lists' form parses input
only; the services check the names."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from klachtenregeling.complaints.rules.registration import MAX_LIST_NAME_LENGTH
from klachtenregeling.regulation import settings_check

from .models import Organisation
from .services import SETTINGS_FIELDS


class ListNameForm(forms.Form):
    # Not required here: the service gives the one message for an empty or too long name.
    name = forms.CharField(
        label=_("Name"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": MAX_LIST_NAME_LENGTH}),
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
        fields = list(SETTINGS_FIELDS)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and not self.errors:
            candidate = settings_check.with_values(self.instance, cleaned)
            problems = settings_check.organisation_change_problems(candidate)
            settings_check.add_to_form(self, problems)
        return cleaned

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if days_off := self.fields.get("extra_days_off"):
            # The pages show dates one way ("24 december 2026"); the input format in words.
            days_off.help_text = _(
                "One date a line, as day-month-year in digits. A term does not end on these days."
            )
        officer = self.fields.get("default_officer")
        if officer is not None and self.instance.pk:
            from klachtenregeling.accounts.selectors import officers_of

            officer.queryset = officers_of(self.instance)


class ApiKeyForm(forms.Form):
    """A new API key: what it is for (and, for the platform's superuser, whose)."""

    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the key is used for, e.g. “website”."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.all(), required=False
    )

    def __init__(self, *args, superuser: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if superuser:
            self.fields["organisation"].required = True
        else:
            del self.fields["organisation"]
