"""Forms parse input; the rules live in rules.py and the intake rules (for a conversion)."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from klachtenregeling.complaints.constants import MAX_SHORT_TEXT_LENGTH
from klachtenregeling.complaints.forms import concerns_field, respondent_choices

from .constants import MAX_ANSWER_LENGTH, MAX_QUESTION_LENGTH
from .rules import MAX_NAME_LENGTH, QuestionDraft


class QuestionForm(forms.Form):
    """ "Heb je een vraag?" on the regulation page. A question is not a complaint."""

    name = forms.CharField(label=_("Your name"), max_length=MAX_NAME_LENGTH)
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send our answer to this address."),
    )
    text = forms.CharField(
        label=_("Your question"),
        max_length=MAX_QUESTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    consent_to_complaint = forms.BooleanField(
        label=_("If my question turns out to be a complaint, it may be handled as one."),
        required=False,
        help_text=_(
            "Optional. Without this, we only answer your question; you can always file a "
            "complaint yourself."
        ),
    )
    # A one-time key per page load: a double click sends one question, not two.
    submission_key = forms.CharField(widget=forms.HiddenInput, max_length=60)  # + "web:" <= 64

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("submission_key", uuid.uuid4().hex)
        kwargs.setdefault("auto_id", "question_%s")
        super().__init__(*args, **kwargs)

    def to_draft(self, *, language: str) -> QuestionDraft:
        data = self.cleaned_data
        return QuestionDraft(
            name=data["name"],
            email=data["email"],
            text=data["text"],
            language=language,
            consent_to_complaint=bool(data.get("consent_to_complaint")),
        )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        max_length=MAX_ANSWER_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Sent by e-mail in the sender's language; a reply comes back to you."),
    )


class ConvertForm(forms.Form):
    """What the question does not say but every complaint needs (R-1.2, R-2.1)."""

    concerns = concerns_field()
    engagement_reference = forms.CharField(
        label=_("Engagement number"),
        max_length=40,
        required=False,
        help_text=_("If known. Otherwise describe the engagement below."),
    )
    engagement_description = forms.CharField(
        label=_("Describe the engagement"),
        max_length=MAX_SHORT_TEXT_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    respondent_id = forms.TypedChoiceField(
        label=_("Who is the complaint about?"), coerce=int, empty_value=None, required=False
    )

    def __init__(self, *args, organisation, **kwargs):
        kwargs.setdefault("auto_id", "convert_%s")
        super().__init__(*args, **kwargs)
        self.fields["respondent_id"].choices = respondent_choices(
            organisation, _("Nobody in particular")
        )
