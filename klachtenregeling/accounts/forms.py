"""Forms of the staff account: the second-factor code."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, help_text="", numeric=False, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.help_text = help_text
        if numeric:
            field.widget.attrs.update({"inputmode": "numeric", "pattern": "[0-9 ]*"})
