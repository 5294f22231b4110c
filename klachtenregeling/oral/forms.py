"""The officer's forms for an oral complaint (R-1.1, second sentence)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from klachtenregeling.complaints.constants import MAX_DESCRIPTION_LENGTH
from klachtenregeling.complaints.forms import RegistrationForm
from klachtenregeling.core import clock
from klachtenregeling.core.forms import DateInput

from .constants import HowTold


class OralRecordForm(RegistrationForm):
    """What the registration form asks, without an original: the record is the original,
    once the complainant confirms it."""

    told_on = forms.DateField(label=_("Date of the call or visit"), widget=DateInput())
    how_told = forms.ChoiceField(label=_("Told"), choices=HowTold.choices, widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("channel", "received_on", "original", "attachments"):
            del self.fields[name]
        self.fields["told_on"].initial = clock.today()
        self.fields["description"].label = _("The complaint, as you wrote it down")
        self.fields["description"].help_text = _(
            "The complainant receives this text to confirm or correct it."
        )

    def clean(self):
        return super(RegistrationForm, self).clean()


class ConfirmForm(forms.Form):
    """The complainant confirms the written record, corrected or not."""

    text = forms.CharField(
        label=_("Your complaint"),
        max_length=MAX_DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Correct the text where we got it wrong, then confirm."),
    )


class PaperConfirmationForm(forms.Form):
    confirmed_on = forms.DateField(
        label=_("Date the written confirmation was received"),
        widget=DateInput(),
        help_text=_("The term for the judgment runs from this date (article 5)."),
    )
    scan = forms.FileField(label=_("Scan of the signed confirmation"))
    text = forms.CharField(
        label=_("The complaint as confirmed"),
        max_length=MAX_DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Change the text only where the complainant corrected it on paper."),
    )
