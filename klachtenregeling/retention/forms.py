from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import MAX_REASON_LENGTH


class HoldSetForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the hold"),
        help_text=_("For example legal proceedings, or a request of the complainant."),
        max_length=MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class HoldLiftForm(forms.Form):
    lift_reason = forms.CharField(
        label=_("Why the hold ends"),
        max_length=MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
