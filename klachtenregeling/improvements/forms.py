"""Forms of recommendations (R-3.5). They parse input only; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.forms import DateInput

from .constants import RecommendationStatus
from .workflow import NEEDS_REASON, TRANSITIONS


class VersionedForm(forms.Form):
    """Carries the version the page showed (a stale form is refused)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class StatusForm(VersionedForm):
    status = forms.ChoiceField(label=_("New status"))
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional; when you decline the recommendation, say why."),
    )
    confirm = forms.BooleanField(
        label=_("Yes, I decline this recommendation."),
        required=False,
        help_text=_("A declined recommendation is finished: it can no longer be changed."),
    )

    def __init__(self, *args, current: str, chosen_by_hand, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (value, label)
            for value, label in RecommendationStatus.choices
            if value in TRANSITIONS.get(current, ()) and value in chosen_by_hand
        ]

    def clean(self):
        data = super().clean()
        if data.get("status") in NEEDS_REASON and not data.get("confirm"):
            self.add_error("confirm", _("Confirm that you decline this recommendation."))
        return data


class AssignForm(VersionedForm):
    owner = forms.TypedChoiceField(label=_("Owner"), coerce=int)
    due_date = forms.DateField(label=_("Due date"), widget=DateInput())

    def __init__(self, *args, staff=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.staff = {user.pk: user for user in staff}
        self.fields["owner"].choices = [("", "—")] + [
            (user.pk, user.display_name) for user in staff
        ]

    def clean_owner(self):
        return self.staff.get(self.cleaned_data["owner"])
