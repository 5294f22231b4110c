from django import forms
from django.utils.translation import gettext_lazy


class ReferenceForm(forms.Form):
    """The administrator names the complaint whose access log they export (R-6.2)."""

    reference = forms.CharField(
        label=gettext_lazy("Reference of the complaint"),
        max_length=30,
        help_text=gettext_lazy("For example KL-2026-0001."),
    )
