"""Forms parse input into a ComplaintDraft; the rules themselves live in rules/intake.py."""

import uuid
from functools import cache, partial

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts.selectors import staff_members_of
from klachtenregeling.core import clock
from klachtenregeling.core.forms import DateInput, MultipleFileField
from klachtenregeling.engagements.models import Engagement
from klachtenregeling.organisations.models import Subject

from .constants import (
    MAX_DESCRIPTION_LENGTH,
    MAX_SHORT_TEXT_LENGTH,
    REGISTERED_CHANNELS,
    Concern,
    Due,
    ExtensionReason,
    Status,
)
from .rules.deadlines import MIN_REASON_LENGTH
from .rules.intake import ComplaintDraft, validate_draft, validate_received_on
from .uploads import ALLOWED_EXTENSIONS, max_size_label

REPRESENTATION_CHOICES = [
    ("self", _("I am the client myself")),
    ("representative", _("I complain on behalf of a client")),
]


def _attachments_help() -> str:
    return _("At most %(n)d files of %(max)s each: PDF, PNG, JPEG, DOCX, TXT or EML.") % {
        "n": settings.MAX_ATTACHMENTS_PER_UPLOAD,
        "max": max_size_label(),
    }


def concerns_field() -> forms.MultipleChoiceField:
    """R-1.2: what the complaint is about, one or more; the same wherever a complaint is made."""
    return forms.MultipleChoiceField(
        label=_("What is the complaint about?"),
        choices=Concern.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose one or more."),
        error_messages={"required": _("Choose at least one thing the complaint is about.")},
    )


def respondent_choices(organisation, nobody: str) -> list:
    """The staff one can complain about (R-2.2), after the choice `nobody`."""
    return [("", nobody)] + [(u.pk, u.display_name) for u in staff_members_of(organisation)]


class ComplaintContentForm(forms.Form):
    """What every written complaint states (R-1.2, R-1.3, R-2.1)."""

    complainant_name = forms.CharField(label=_("Your name"), max_length=200)
    complainant_email = forms.EmailField(label=_("E-mail address"), max_length=254)
    complainant_phone = forms.CharField(
        label=_("Phone number"), max_length=40, required=False, help_text=_("Optional.")
    )
    representation = forms.ChoiceField(
        label=_("Who is complaining?"),
        choices=REPRESENTATION_CHOICES,
        widget=forms.RadioSelect,
        initial="self",
    )
    on_behalf_of = forms.CharField(
        label=_("On behalf of (name of the client)"),
        max_length=200,
        required=False,
        help_text=_("Only when you complain on behalf of a client."),
    )
    engagement_description = forms.CharField(
        label=_("Describe the engagement"),
        max_length=MAX_SHORT_TEXT_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example the training, the date and the place."),
    )
    concerns = concerns_field()
    respondent_id = forms.TypedChoiceField(
        label=_("Who is the complaint about?"),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Optional: a staff member."),
    )
    description = forms.CharField(
        label=_("Your complaint"),
        max_length=MAX_DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What happened, when, and who was involved."),
    )
    desired_outcome = forms.CharField(
        label=_("What would you like us to do?"),
        max_length=MAX_SHORT_TEXT_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional."),
    )
    attachments = MultipleFileField(label=_("Attachments"))
    # A one-time key per page load: a double click files one complaint, not two.
    submission_key = forms.CharField(
        widget=forms.HiddenInput, max_length=60
    )  # stored with a "web:" prefix in 64

    def __init__(self, *args, organisation, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("submission_key", uuid.uuid4().hex)
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        # A callable: read when the list is shown or a person is named, not for every POST
        # that names nobody (issue 19; the service checks the person named). Cached for the
        # form: the select widget reads its choices twice (the required attribute, then
        # the options), which was two reads of the staff list per GET.
        self.fields["respondent_id"].choices = cache(
            partial(respondent_choices, organisation, _("I don't know / nobody in particular"))
        )
        self.fields["attachments"].help_text = _attachments_help()
        self.fields["attachments"].widget.attrs["accept"] = ",".join(ALLOWED_EXTENSIONS)

    def draft_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "complainant_name": data.get("complainant_name", ""),
            "complainant_email": data.get("complainant_email", ""),
            "complainant_phone": data.get("complainant_phone", ""),
            "is_representative": data.get("representation") == "representative",
            "on_behalf_of": data.get("on_behalf_of", ""),
            "engagement_description": data.get("engagement_description", ""),
            "concerns": tuple(data.get("concerns") or ()),
            "respondent_id": data.get("respondent_id"),
            "description": data.get("description", ""),
            "desired_outcome": data.get("desired_outcome", ""),
        }

    def clean(self):
        """Ask the domain's rules now, so that every error shows at once (the service asks again)."""
        cleaned = super().clean()
        self.add_rule_errors(validate_draft(self.to_draft()))
        return cleaned

    def add_rule_errors(self, errors: dict) -> None:
        for name, messages in errors.items():
            if name in self.fields and name not in self.errors:
                for message in messages:
                    self.add_error(name, message)

    def uploads(self) -> list:
        return [(f.name, f) for f in self.cleaned_data.get("attachments") or []]


class PublicComplaintForm(ComplaintContentForm):
    """The complaint form on the organisation's website."""

    engagement_reference = forms.CharField(
        label=_("Engagement number"),
        max_length=40,
        required=False,
        help_text=_("On your order confirmation. Don't know it? Describe the engagement below."),
    )
    field_order = [
        "complainant_name",
        "complainant_email",
        "complainant_phone",
        "representation",
        "on_behalf_of",
        "engagement_reference",
        "engagement_description",
        "concerns",
        "respondent_id",
        "description",
        "desired_outcome",
        "attachments",
    ]

    def to_draft(self, *, language: str = "nl") -> ComplaintDraft:
        return ComplaintDraft(
            **self.draft_fields(),
            engagement_reference=self.cleaned_data.get("engagement_reference", ""),
            language=language,
        )


class RegistrationForm(ComplaintContentForm):
    """An officer registers a complaint received by letter or e-mail (R-1.1)."""

    channel = forms.ChoiceField(
        label=_("Received via"),
        choices=[(c.value, c.label) for c in REGISTERED_CHANNELS],
        widget=forms.RadioSelect,
    )
    received_on = forms.DateField(
        label=_("Date received"),
        widget=DateInput(),
        help_text=_("The term for the judgment runs from this date (article 5)."),
    )
    original = forms.FileField(
        label=_("The original"), help_text=_("A scan of the letter, or the e-mail as a file.")
    )
    engagement_id = forms.TypedChoiceField(
        label=_("Engagement"), coerce=int, empty_value=None, required=False
    )
    subject_ids = forms.TypedMultipleChoiceField(
        label=_("Subjects"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("One or more; they can also be set later in the dossier."),
    )
    language = forms.ChoiceField(
        label=_("Language of the complainant"),
        choices=[("nl", "Nederlands"), ("en", "English")],
        initial="nl",
    )

    # Issue 16: a complainant without e-mail gets letters by post.
    address_street = forms.CharField(label=_("Street"), max_length=200, required=False)
    address_number = forms.CharField(
        label=_("House number"), max_length=20, required=False, help_text=_("With its addition.")
    )
    address_postcode = forms.CharField(
        label=_("Postcode"), max_length=10, required=False, help_text=_("For example 1234 AB.")
    )
    address_city = forms.CharField(label=_("Town"), max_length=100, required=False)
    address_foreign = forms.CharField(
        label=_("Address abroad"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Only for an address outside the Netherlands: the lines of the envelope, the country last."
        ),
    )

    field_order = ["channel", "received_on", "original", *PublicComplaintForm.field_order]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        org = self.organisation
        self.fields["received_on"].initial = clock.today()
        self.fields["engagement_id"].choices = [("", _("Unknown — describe it below"))] + [
            (e.pk, f"{e.reference} — {e.title} ({e.client.name})")
            for e in Engagement.objects.filter(organisation=org).select_related("client")
        ]
        self.fields["subject_ids"].choices = [
            (s.pk, s.name) for s in Subject.objects.filter(organisation=org, is_active=True)
        ]
        self.fields["complainant_name"].label = _("Name of the complainant")
        self.fields["complainant_email"].required = False
        self.fields["complainant_email"].help_text = _(
            "Without an e-mail address, enter a postal address: the complainant then gets "
            "every message as a letter."
        )
        # The officer registers someone else's complaint: officer wording, not "I am ...".
        self.fields["representation"].choices = [
            ("self", _("The complainant is the client")),
            ("representative", _("The complainant complains on behalf of a client")),
        ]
        self.fields["description"].label = _("The complaint")
        self.fields["description"].help_text = _("A summary or transcription of the original.")

    def to_draft(self) -> ComplaintDraft:
        return ComplaintDraft(
            **self.draft_fields(),
            engagement_id=self.cleaned_data.get("engagement_id"),
            subject_ids=tuple(self.cleaned_data.get("subject_ids") or ()),
            language=self.cleaned_data.get("language", "nl"),
            **{
                name: self.cleaned_data.get(name, "")
                for name in (
                    "address_street",
                    "address_number",
                    "address_postcode",
                    "address_city",
                    "address_foreign",
                )
            },
        )

    def clean(self):
        cleaned = super().clean()
        if "received_on" in cleaned:
            self.add_rule_errors(validate_received_on(cleaned["received_on"], clock.today()))
        return cleaned

    def original_upload(self):
        original = self.cleaned_data.get("original")
        return (original.name, original) if original else None


class DashboardFilterForm(forms.Form):
    """The dashboard's GET parameters; invalid values are ignored, never a server error."""

    q = forms.CharField(max_length=200, required=False, strip=True)
    status = forms.ChoiceField(choices=[("", ""), *Status.choices], required=False)
    subject = forms.TypedChoiceField(coerce=int, empty_value=None, required=False)
    due = forms.ChoiceField(choices=[("", ""), *Due.choices], required=False)
    # Older links: ?overdue=1 means due=overdue.
    overdue = forms.BooleanField(required=False)
    view = forms.ChoiceField(choices=[("open", "open"), ("ended", "ended")], required=False)

    def __init__(self, *args, subjects, **kwargs):
        """`subjects`: the organisation's subjects (the page lists them too: read once)."""
        super().__init__(*args, **kwargs)
        self.fields["subject"].choices = [("", "")] + [(s.pk, s.pk) for s in subjects]

    def value(self, name: str):
        return self.cleaned_data.get(name) if name not in self.errors else None


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"), max_length=MAX_DESCRIPTION_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("Document"))


class SubjectsForm(forms.Form):
    subjects = forms.TypedMultipleChoiceField(
        label=_("Subjects"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, organisation, current=(), **kwargs):
        super().__init__(*args, **kwargs)
        in_use = Q(is_active=True) | Q(pk__in=[s.pk for s in current])
        self.fields["subjects"].choices = [
            (s.pk, s.name) for s in Subject.objects.filter(in_use, organisation=organisation)
        ]


class AssignForm(forms.Form):
    officer = forms.TypedChoiceField(label=_("Officer"), coerce=int)
    expected_officer = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, officers, **kwargs):
        super().__init__(*args, **kwargs)
        self.officers = {o.pk: o for o in officers}
        self.fields["officer"].choices = [(o.pk, o.display_name) for o in officers]


def _reasons_required_now() -> str:
    """The service's own message, in the language of the request that shows it."""
    return gettext("Give the reasons for the extension (at least %(n)d characters).") % {
        "n": MIN_REASON_LENGTH
    }


_reasons_required = lazy(_reasons_required_now, str)


class ExtendDeadlineForm(forms.Form):
    """R-5.5: a new date and the reasons; the service checks them against the term."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    new_deadline = forms.DateField(
        label=_("New date for the judgment"),
        widget=DateInput(),
        error_messages={"required": _("Choose the new date for the judgment.")},
    )
    reason_category = forms.ChoiceField(
        label=_("Kind of reason"),
        choices=[("", _("— choose —")), *ExtensionReason.choices],
        error_messages={"required": _("Choose the kind of reason.")},
        help_text=_("Counted in the reports; the complainant reads the reasons below."),
    )
    reason = forms.CharField(
        label=_("Reasons"),
        max_length=MAX_SHORT_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The complainant receives these reasons and the new date in a letter."),
        error_messages={"required": _reasons_required()},
    )
