"""Forms of the managed lists. They parse input only; the services check the names."""

from django import forms
from django.utils.translation import gettext_lazy as _

from klachtenregeling.complaints.rules.registration import MAX_LIST_NAME_LENGTH


class ListNameForm(forms.Form):
    # Not required here: the service gives the one message for an empty or too long name.
    name = forms.CharField(
        label=_("Name"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": MAX_LIST_NAME_LENGTH}),
    )
