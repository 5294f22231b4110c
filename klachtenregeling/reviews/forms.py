"""Forms of the yearly review (R-8.4). They parse input only; the services decide."""

from django import forms
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.forms import DateInput


class _Choices(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


class _PersonChoices(_Choices):
    def label_from_instance(self, obj):
        return obj.display_name


class _ReportChoices(_Choices):
    def label_from_instance(self, obj):
        return _("%(start)s to %(end)s, version %(version)s") % {
            "start": date_format(obj.period_start, "j F Y"),
            "end": date_format(obj.period_end, "j F Y"),
            "version": obj.version,
        }


class _RecommendationChoices(_Choices):
    def label_from_instance(self, obj):
        return f"{obj.text[:100]} ({obj.get_status_display()})"


class ReviewForm(forms.Form):
    held_on = forms.DateField(label=_("Date of the meeting"), widget=DateInput())
    attendees = _PersonChoices(label=_("Present"), queryset=None)
    reports = _ReportChoices(label=_("Reports discussed"), queryset=None)
    recommendations = _RecommendationChoices(
        label=_("Recommendations discussed"), queryset=None, required=False
    )
    decisions = forms.CharField(
        label=_("Decisions"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One decision per line."),
    )
    submitted_to_board = forms.BooleanField(label=_("Submitted to the board"), required=False)
    confirm = forms.BooleanField(
        label=_("Yes, record this review."),
        help_text=_(
            "A recorded review cannot be changed afterwards; a correction is added as a note."
        ),
    )

    def __init__(self, *args, attendees, reports, recommendations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = attendees
        self.fields["reports"].queryset = reports
        self.fields["recommendations"].queryset = recommendations

    def decision_lines(self) -> list[str]:
        return self.cleaned_data["decisions"].splitlines()


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"), max_length=10000, widget=forms.Textarea(attrs={"rows": 4})
    )


class BoardDecisionForm(forms.Form):
    decided_on = forms.DateField(label=_("Date of the decision"), widget=DateInput())
    text = forms.CharField(
        label=_("Decision of the board"), max_length=10000, widget=forms.Textarea(attrs={"rows": 5})
    )
    confirm = forms.BooleanField(
        label=_("Yes, record the board's decision."),
        help_text=_("The board decides once on a review; the decision cannot be changed."),
    )
