from django import forms
from django.utils.translation import gettext_lazy as _


class LostLinkForm(forms.Form):
    """R-7.3: ask for a new personal link, sent to the e-mail address of the complaint."""

    email = forms.EmailField(
        label=_("The e-mail address you used for your complaint"), max_length=254
    )
    reference = forms.RegexField(
        label=_("Reference (optional)"),
        regex=r"^\s*[Kk][Ll]-\d{4}-\d{1,9}\s*$",
        required=False,
        max_length=20,
        help_text=_("For example KL-2026-0042, from the acknowledgement of receipt."),
        error_messages={"invalid": _("A reference looks like KL-2026-0042.")},
    )
