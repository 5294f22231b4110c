"""Forms of the procedure. They parse input only; the services decide (Art. 5)."""

from datetime import timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from klachtenregeling.complaints.constants import MAX_DESCRIPTION_LENGTH, Satisfaction
from klachtenregeling.complaints.rules.registration import UNKNOWN_CAUSE
from klachtenregeling.core import clock
from klachtenregeling.core.forms import DateInput

from .constants import Answer, PaperAnswer, Party, RulingOutcome, Verdict, Via

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


BOTH_PARTIES = "both"


class InviteForm(PartyForm):
    due_date = forms.DateField(label=_("Answer by"), widget=DateInput())
    note = _text(
        _("Personal text (optional)"),
        rows=3,
        required=False,
        help_text=_("Added to the invitation e-mail."),
    )

    def __init__(self, *args, has_respondent=True, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault(
            "due_date", clock.today() + timedelta(days=DEFAULT_DAYS_TO_ANSWER)
        )
        super().__init__(*args, has_respondent=has_respondent, **kwargs)
        if has_respondent:
            # Both sides in one submission, the usual case: offered first.
            self.fields["party"].choices = [
                (BOTH_PARTIES, _("Both parties")),
                *Party.choices,
            ]
            self.fields["party"].initial = BOTH_PARTIES

    def parties(self) -> list[str]:
        party = self.cleaned_data["party"]
        return [Party.COMPLAINANT, Party.RESPONDENT] if party == BOTH_PARTIES else [party]


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


class EndingForm(VersionedForm):
    """What every ending by the officer records: the cause (article 3: a category from the
    organisation's list, and in words) and how satisfied the complainant is. `causes` are
    the causes in use; the service decides whether one is required."""

    cause_required = False

    cause = forms.TypedChoiceField(
        label=_("Cause of the complaint"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"required": _("Choose the cause of the complaint.")},
    )
    root_cause = _text(
        _("Cause in your own words (optional)"),
        rows=2,
        required=False,
        help_text=_("What led to the complaint, in a few words."),
    )
    satisfaction = forms.ChoiceField(
        label=_("Satisfaction of the complainant"),
        choices=Satisfaction.choices,
        initial=Satisfaction.UNKNOWN,
    )

    def __init__(self, *args, causes=(), **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["cause"]
        field.choices = [("", _("— choose —"))] + [(c.pk, c.name) for c in causes]
        # With no cause in use the service tells where to add them (no dead end).
        field.required = self.cause_required and bool(causes)
        if not self.cause_required:
            # asked at every end; "unknown" is an answer (withdrawn, not
            # admissible: the handling may not have come to the cause).
            field.choices.insert(1, (UNKNOWN_CAUSE, _("unknown")))
            field.required = True


class RulingForm(EndingForm):
    cause_required = True

    ruling_on = forms.DateField(label=_("Date of the ruling"), widget=DateInput())
    outcome = forms.ChoiceField(label=_("Ruling"), choices=RulingOutcome.choices)
    text = _text(_("Summary of the ruling"), rows=4)
    document = forms.FileField(label=_("The ruling (PDF)"), required=False)

    field_order = ["ruling_on", "outcome", "text", "document", "cause", "root_cause"]


class CloseForm(EndingForm):
    cause_required = True


class NoAnswerCloseForm(EndingForm):
    """R-5.7: closed because the complainant did not answer the judgment."""

    cause_required = True


class PaperAnswerForm(VersionedForm):
    """R-5.7: the complainant's answer by letter or phone, recorded by the officer."""

    answer = forms.ChoiceField(
        label=_("The complainant's answer"), choices=PaperAnswer.choices, widget=forms.RadioSelect
    )
    via = forms.ChoiceField(
        label=_("How it reached you"),
        choices=[(Via.WRITING, Via.WRITING.label), (Via.PHONE, Via.PHONE.label)],
    )
    signed_version = forms.IntegerField(
        label=_("Version of the judgment on the signed letter"),
        min_value=1,
        required=False,
        help_text=_("Only a signature on the current version counts."),
    )
    comment = _text(_("What the complainant said or proposed"), rows=3, required=False)
    document = forms.FileField(
        label=_("Scan of the signed judgment or the letter (PDF or image)"), required=False
    )


class PaperSignatureForm(VersionedForm):
    """R-5.7: the person complained about signed the judgment on paper."""

    signed_version = forms.IntegerField(
        label=_("Version of the judgment on the signed letter"), min_value=1
    )
    document = forms.FileField(label=_("Scan of the signed judgment (PDF or image)"))


class ReasonForm(VersionedForm):
    reason = _text(_("Reason"), rows=3)


class EndingWithReasonForm(EndingForm):
    """Withdrawal recorded by the officer, not admissible: the reason(s) first."""

    reason = _text(_("Reason"), rows=3)

    field_order = ["reason", "cause", "root_cause", "satisfaction"]


class WithdrawForm(forms.Form):
    reason = _text(_("Reason (optional)"), rows=3, required=False)
    satisfaction = forms.ChoiceField(
        label=_("How satisfied are you with how your complaint was handled?"),
        choices=[
            (value, _("I would rather not say") if value == Satisfaction.UNKNOWN else label)
            for value, label in Satisfaction.choices
        ],
        initial=Satisfaction.UNKNOWN,
        required=False,
        widget=forms.RadioSelect,
    )
    confirm = forms.BooleanField(label=_("Yes, I withdraw my complaint."))

    def clean_satisfaction(self) -> str:
        return self.cleaned_data.get("satisfaction") or Satisfaction.UNKNOWN


class ShareForm(forms.Form):
    """Issue 17: share one attachment with the person complained about, or stop sharing."""

    attachment = forms.UUIDField(widget=forms.HiddenInput)
    share = forms.TypedChoiceField(
        choices=[("1", "1"), ("0", "0")], coerce=lambda v: v == "1", widget=forms.HiddenInput
    )
