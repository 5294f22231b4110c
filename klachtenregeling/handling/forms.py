"""Forms of the procedure. They parse input only; the services decide (Art. 5)."""

from datetime import timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from klachtenregeling.complaints.constants import MAX_DESCRIPTION_LENGTH, Satisfaction
from klachtenregeling.core import clock
from klachtenregeling.core.forms import DateInput

from .constants import Answer, Party, RulingOutcome, Verdict, Via

DEFAULT_DAYS_TO_ANSWER = 10


def _text(label, rows=4, required=True, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=MAX_DESCRIPTION_LENGTH,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class VersionedForm(forms.Form):
    """Carries the complaint version the page showed (a stale form is refused)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class RespondentForm(VersionedForm):
    respondent = forms.TypedChoiceField(
        label=_("Person complained about"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, staff=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.staff = {user.pk: user for user in staff}
        self.fields["respondent"].choices = [("", _("nobody in particular"))] + [
            (user.pk, user.display_name) for user in staff
        ]


class PartyForm(VersionedForm):
    party = forms.ChoiceField(label=_("Party"), choices=Party.choices)

    def __init__(self, *args, has_respondent=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not has_respondent:
            self.fields["party"].choices = [(Party.COMPLAINANT, Party.COMPLAINANT.label)]


class InviteForm(PartyForm):
    due_date = forms.DateField(label=_("Answer by"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault(
            "due_date", clock.today() + timedelta(days=DEFAULT_DAYS_TO_ANSWER)
        )
        super().__init__(*args, **kwargs)


class RecordedStatementForm(PartyForm):
    """The officer records an account given by phone or in writing."""

    via = forms.ChoiceField(
        label=_("Given"), choices=[(Via.PHONE, Via.PHONE.label), (Via.WRITING, Via.WRITING.label)]
    )
    text = _text(_("Account"), rows=5)


class StatementForm(forms.Form):
    """The respondent's or complainant's own account."""

    text = _text(_("Your account"), rows=8)
    corrects = forms.IntegerField(required=False, widget=forms.HiddenInput)


class WaiverForm(PartyForm):
    reason = _text(_("Why this side was not heard"), rows=3)


class TextForm(forms.Form):
    text = _text(_("Text"), rows=3)


class JudgmentForm(VersionedForm):
    verdict = forms.ChoiceField(
        label=_("Judgment"), choices=Verdict.choices, widget=forms.RadioSelect
    )
    reasoning = _text(_("Reasoning"), rows=8)
    recommendations = _text(
        _("Recommendations"),
        rows=4,
        required=False,
        help_text=_("One recommendation per line; each is followed up separately."),
    )

    def recommendation_lines(self) -> list[str]:
        return self.cleaned_data["recommendations"].splitlines()


class SignForm(forms.Form):
    sha256 = forms.CharField(widget=forms.HiddenInput, max_length=64)


class AnswerJudgmentForm(SignForm):
    answer = forms.ChoiceField(choices=Answer.choices, widget=forms.HiddenInput)
    comment = _text(_("Comment (optional)"), rows=3, required=False)


class AnswerProposalForm(forms.Form):
    proposal = forms.IntegerField(widget=forms.HiddenInput)
    answer = forms.ChoiceField(choices=Answer.choices, widget=forms.HiddenInput)
    comment = _text(_("Comment (optional)"), rows=2, required=False)


class ReferralForm(VersionedForm):
    referred_on = forms.DateField(label=_("Submitted to the disputes body on"), widget=DateInput())
    body_reference = forms.CharField(
        label=_("Case number at the disputes body"), max_length=100, required=False
    )


class RulingForm(VersionedForm):
    ruling_on = forms.DateField(label=_("Date of the ruling"), widget=DateInput())
    outcome = forms.ChoiceField(label=_("Ruling"), choices=RulingOutcome.choices)
    text = _text(_("Summary of the ruling"), rows=4)
    document = forms.FileField(label=_("The ruling (PDF)"), required=False)
    root_cause = _text(
        _("Cause of the complaint"), rows=2, help_text=_("R-3.2: what caused the complaint?")
    )


class CloseForm(VersionedForm):
    root_cause = _text(
        _("Cause of the complaint"), rows=2, help_text=_("R-3.2: what caused the complaint?")
    )
    satisfaction = forms.ChoiceField(
        label=_("Satisfaction of the complainant"), choices=Satisfaction.choices
    )


class ReasonForm(VersionedForm):
    reason = _text(_("Reason"), rows=3)


class WithdrawForm(forms.Form):
    reason = _text(_("Reason (optional)"), rows=3, required=False)
    confirm = forms.BooleanField(label=_("Yes, I withdraw my complaint."))
