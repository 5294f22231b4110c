"""The choice of a report's period (GET, bookmarkable) and the finalising form (R-8.3)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from klachtenregeling.core import clock
from klachtenregeling.core.forms import DateInput

from . import periods, rules
from .constants import MAX_INTRODUCTION, PeriodKind
from .periods import Period, PeriodError

# The query parameters of a period, in the order of a bookmark.
PERIOD_PARAMETERS = ("kind", "year", "quarter", "half", "from", "to")


class PeriodForm(forms.Form):
    """?kind=quarter&year=2026&quarter=3, ?kind=year&year=2025, ?kind=custom&from=..&to=..

    Without any parameter the report is of the last full quarter. `period` is set once
    the form is valid; `notice` when the period was shortened to today."""

    kind = forms.ChoiceField(label=_("Period"), choices=PeriodKind.choices)
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 4, "maxlength": 4}),
    )
    quarter = forms.TypedChoiceField(
        label=_("Quarter"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—"), (1, "1"), (2, "2"), (3, "3"), (4, "4")],
    )
    half = forms.TypedChoiceField(
        label=_("Half year"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—"), (1, _("first half")), (2, _("second half"))],
    )

    def __init__(self, data=None, *, today=None):
        self.today = today or clock.today()
        default = periods.last_full_quarter(self.today)
        if data is not None and not any(data.get(name) for name in PERIOD_PARAMETERS):
            data = None  # nothing asked: the default period
        super().__init__(
            data,
            initial={
                "kind": PeriodKind.QUARTER,
                "year": default.start.year,
                "quarter": (default.start.month - 1) // 3 + 1,
            },
        )
        self.fields["from"] = forms.DateField(label=_("From"), required=False, widget=DateInput())
        self.fields["to"] = forms.DateField(label=_("To"), required=False, widget=DateInput())
        self.period: Period | None = None if self.is_bound else default

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind is None or self.errors:
            return data
        try:
            if kind == PeriodKind.CUSTOM:
                start, end = self._required(data, "from"), self._required(data, "to")
            else:
                year = self._required(data, "year")
                part = {PeriodKind.QUARTER: "quarter", PeriodKind.HALF_YEAR: "half"}.get(kind)
                number = self._required(data, part) if part else 1
                start, end = periods.calendar_period(kind, year, number)
            self.period = periods.period_make(kind=kind, start=start, end=end, today=self.today)
        except PeriodError as error:
            self.add_error(error.field, error.message)
        return data

    @staticmethod
    def _required(data, name):
        if data.get(name) in (None, ""):
            raise PeriodError(str(_("This field is required for this period.")), name)
        return data[name]

    def query(self) -> dict:
        """The period's parameters (for the links to the PDF, CSV and charts)."""
        period = self.period
        if period.kind == PeriodKind.CUSTOM:
            end = period.shortened_from or period.end
            return {"kind": period.kind, "from": period.start.isoformat(), "to": end.isoformat()}
        query = {"kind": period.kind, "year": period.start.year}
        if period.kind == PeriodKind.QUARTER:
            query["quarter"] = (period.start.month - 1) // 3 + 1
        elif period.kind == PeriodKind.HALF_YEAR:
            query["half"] = 1 if period.start.month == 1 else 2
        return query


class FinaliseForm(forms.Form):
    introduction = forms.CharField(
        label=_("Text of the report"),
        help_text=_("Your findings about the period: what went well, what did not, and why."),
        max_length=MAX_INTRODUCTION,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    recommendations = forms.CharField(
        label=_("Recommendations"),
        help_text=_(
            "One a line: how to prevent new complaints and improve the procedures. "
            "Each becomes an action to follow up."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def clean_recommendations(self) -> list[str]:
        recommendations = rules.recommendations_from_text(self.cleaned_data["recommendations"])
        if errors := rules.recommendation_errors(recommendations):
            raise forms.ValidationError(errors)
        return recommendations
