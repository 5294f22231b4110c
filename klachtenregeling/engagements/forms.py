"""Forms of the administrator's engagement pages: they parse input; the services check it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.forms import DateInput

from .models import Client, DocumentKind


class EngagementForm(forms.Form):
    reference = forms.CharField(
        label=_("Engagement number"),
        max_length=40,
        required=False,
        help_text=_(
            "As printed on the order confirmation; complainants name it in their complaint."
        ),
    )
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    starts_on = forms.DateField(label=_("Start date"), required=False, widget=DateInput)
    ends_on = forms.DateField(label=_("End date"), required=False, widget=DateInput)
    client = forms.ModelChoiceField(
        label=_("Client"),
        queryset=Client.objects.none(),
        required=False,
        empty_label=_("— a new client —"),
    )
    new_client_name = forms.CharField(
        label=_("Name of the new client"), max_length=200, required=False
    )
    new_client_email = forms.EmailField(label=_("E-mail of the new client"), required=False)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["client"].queryset = Client.objects.filter(organisation=organisation)


class EngagementSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)


class EngagementDocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    file = forms.FileField(label=_("File"), required=False)
