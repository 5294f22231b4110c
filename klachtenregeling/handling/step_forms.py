"""The registry of the dossier's step forms: each form is described once, and made from it
both empty (the dossier panel) and from a request (the step's view)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms as django_forms
from django.http import HttpRequest

from klachtenregeling.complaints.models import Complaint
from klachtenregeling.organisations.selectors import causes_in_use

from . import forms
from .selectors import current_judgment, staff_who_may_be_respondent

FormMaker = Callable[..., django_forms.Form]


@dataclass(frozen=True)
class StepForm:
    """One step's form. `make(complaint, user, **form_kwargs)` builds it; `initial(complaint)`
    is what an empty form shows besides the version; a form that takes no input (`posted`
    False) is bound to the complaint's current version."""

    make: FormMaker
    initial: Callable[[Complaint], dict[str, Any]] = lambda complaint: {}
    versioned: bool = True
    posted: bool = True
    prefixed: bool = True  # False: a form repeated per row (its fields named plainly)


def _respondent(complaint: Complaint, user, **kw) -> django_forms.Form:
    return forms.RespondentForm(**kw, staff=staff_who_may_be_respondent(complaint, user))


def _party(form_class) -> FormMaker:
    return lambda complaint, user, **kw: form_class(
        **kw, has_respondent=bool(complaint.respondent_id)
    )


def _plain(form_class) -> FormMaker:
    return lambda complaint, user, **kw: form_class(**kw)


def _ending(form_class) -> FormMaker:
    """An ending's form offers the causes in use of the complaint's organisation."""
    return lambda complaint, user, **kw: form_class(
        **kw, causes=causes_in_use(complaint.organisation)
    )


def _judgment_sha256(complaint: Complaint) -> dict[str, Any]:
    judgment = current_judgment(complaint)
    return {"sha256": judgment.text_sha256} if judgment is not None else {}


def _judgment_version(complaint: Complaint) -> dict[str, Any]:
    """A paper signature is of one version of the judgment: the current one is proposed."""
    judgment = current_judgment(complaint)
    return {"signed_version": judgment.version if judgment is not None else None}


STEP_FORMS: dict[str, StepForm] = {
    "respondent_form": StepForm(
        _respondent, initial=lambda complaint: {"respondent": complaint.respondent_id}
    ),
    "notify_form": StepForm(_plain(forms.VersionedForm)),
    "invite_form": StepForm(_party(forms.InviteForm)),
    "recorded_statement_form": StepForm(_party(forms.RecordedStatementForm)),
    "waiver_form": StepForm(_party(forms.WaiverForm)),
    "update_form": StepForm(_plain(forms.TextForm), versioned=False),
    "proposal_form": StepForm(_plain(forms.TextForm), versioned=False),
    "judgment_form": StepForm(_plain(forms.JudgmentForm)),
    "sign_form": StepForm(_plain(forms.SignForm), initial=_judgment_sha256, versioned=False),
    "paper_answer_form": StepForm(_plain(forms.PaperAnswerForm), initial=_judgment_version),
    "paper_signature_form": StepForm(_plain(forms.PaperSignatureForm), initial=_judgment_version),
    "no_answer_form": StepForm(_ending(forms.NoAnswerCloseForm)),
    "referral_form": StepForm(_plain(forms.ReferralForm)),
    "ruling_form": StepForm(_ending(forms.RulingForm)),
    "close_form": StepForm(_ending(forms.CloseForm)),
    "withdraw_form": StepForm(_ending(forms.EndingWithReasonForm)),
    "not_admissible_form": StepForm(_ending(forms.EndingWithReasonForm)),
    "case_file_form": StepForm(_plain(forms.VersionedForm), posted=False),
    "revoke_form": StepForm(_plain(forms.VersionedForm), posted=False),
    "share_form": StepForm(_plain(forms.ShareForm), versioned=False, prefixed=False),
}

# Each form on the dossier page has its own prefix, so field ids are unique (labels work).
PREFIXES = {
    name: name.removesuffix("_form").replace("_", "-") if step.prefixed else None
    for name, step in STEP_FORMS.items()
}


def empty_form(name: str, complaint: Complaint, user) -> django_forms.Form:
    """The step's form as the dossier panel shows it, carrying the complaint's version."""
    step = STEP_FORMS[name]
    initial = step.initial(complaint)
    if step.versioned:
        initial = {**initial, "version": complaint.version}
    return step.make(complaint, user, prefix=PREFIXES[name], initial=initial)


def posted_form(name: str, request: HttpRequest, complaint: Complaint) -> django_forms.Form:
    """The step's form bound to what was posted (or, without input, to the current version)."""
    step = STEP_FORMS[name]
    if not step.posted:
        return step.make(complaint, request.user, data={"version": complaint.version})
    return step.make(
        complaint, request.user, data=request.POST, files=request.FILES, prefix=PREFIXES[name]
    )
