"""The officer's steps of the procedure: each view parses one form and calls one service."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klachtenregeling.audit import access
from klachtenregeling.complaints import selectors as complaint_selectors
from klachtenregeling.complaints.views.officer import dossier_context
from klachtenregeling.core.errors import DomainError, InvalidInput, JudgmentChanged
from klachtenregeling.core.forms import apply_domain_error
from klachtenregeling.organisations.selectors import causes_in_use

from .. import forms, services
from ..panel import PREFIXES
from ..selectors import staff_who_may_be_respondent


def officer_step(form_name: str, make_form: Callable, success: str):
    """Decorate `action(request, complaint, form)`: a POST-only, permission-checked step.

    The form is made from the request; invalid input or a refusal of the domain
    shows the dossier again with the errors at the form (status 400).
    """

    def decorate(action):
        @login_required
        @require_POST
        def view(request, reference):
            complaint = complaint_selectors.complaint_for(request.user, reference)
            form = make_form(request, complaint, prefix=PREFIXES.get(form_name))
            if form.is_valid():
                try:
                    response = action(request, complaint, form)
                except JudgmentChanged:
                    # the text signed for is no longer the current one; say so and
                    # show the current text (a fresh form carries its hash).
                    context = dossier_context(request, complaint)
                    context["judgment_changed"] = True
                    return render(request, "complaints/officer/detail.html", context, status=400)
                except DomainError as error:
                    apply_domain_error(form, error)
                    if not isinstance(error, InvalidInput):
                        # The form may be folded away in this state: say it at the top too.
                        messages.error(request, str(error.message))
                else:
                    messages.success(request, success)
                    return response or redirect("complaints:detail", reference=complaint.reference)
            context = dossier_context(request, complaint, **{form_name: form})
            return render(request, "complaints/officer/detail.html", context, status=400)

        view.__name__ = action.__name__
        view.__doc__ = action.__doc__
        return view

    return decorate


def _has_respondent(complaint) -> dict:
    return {"has_respondent": bool(complaint.respondent_id)}


def _version(form) -> int:
    return form.cleaned_data["version"]


@officer_step(
    "respondent_form",
    lambda r, c, **kw: forms.RespondentForm(
        r.POST, **kw, staff=staff_who_may_be_respondent(c, r.user)
    ),
    _("Person complained about saved."),
)
def set_respondent(request, complaint, form):
    chosen = form.cleaned_data["respondent"]
    if chosen is not None and chosen not in form.staff:
        raise DomainError(_("Choose a staff member from the list."), field="respondent")
    services.respondent_set(
        complaint=complaint,
        respondent=form.staff.get(chosen),
        by=request.user,
        expected_version=_version(form),
    )


@officer_step(
    "notify_form",
    lambda r, c, **kw: forms.VersionedForm(r.POST, **kw),
    _("The person complained about was informed."),
)
def notify_respondent(request, complaint, form):
    services.respondent_notify(
        complaint=complaint, by=request.user, expected_version=_version(form)
    )


@officer_step(
    "invite_form",
    lambda r, c, **kw: forms.InviteForm(r.POST, **kw, **_has_respondent(c)),
    _("The invitation was sent."),
)
def invite(request, complaint, form):
    data = form.cleaned_data
    services.hearing_invite(
        complaint=complaint,
        party=data["party"],
        due_date=data["due_date"],
        by=request.user,
        expected_version=_version(form),
    )


@officer_step(
    "recorded_statement_form",
    lambda r, c, **kw: forms.RecordedStatementForm(r.POST, **kw, **_has_respondent(c)),
    _("The account was added to the dossier."),
)
def record_statement(request, complaint, form):
    data = form.cleaned_data
    services.statement_give_as_staff(
        complaint=complaint,
        text=data["text"],
        party=data["party"],
        via=data["via"],
        by=request.user,
    )


@officer_step(
    "waiver_form",
    lambda r, c, **kw: forms.WaiverForm(r.POST, **kw, **_has_respondent(c)),
    _("The reason was added to the dossier."),
)
def waive(request, complaint, form):
    data = form.cleaned_data
    services.hearing_waive(
        complaint=complaint,
        party=data["party"],
        reason=data["reason"],
        by=request.user,
        expected_version=_version(form),
    )


@officer_step("update_form", lambda r, c, **kw: forms.TextForm(r.POST, **kw), _("Update added."))
def add_update(request, complaint, form):
    services.update_add(complaint=complaint, text=form.cleaned_data["text"], by=request.user)


@officer_step(
    "proposal_form",
    lambda r, c, **kw: forms.TextForm(r.POST, **kw),
    _("The proposal was sent to the complainant."),
)
def propose(request, complaint, form):
    services.proposal_make(complaint=complaint, text=form.cleaned_data["text"], by=request.user)


@officer_step(
    "judgment_form",
    lambda r, c, **kw: forms.JudgmentForm(r.POST, **kw),
    _("The judgment was sent."),
)
def judge(request, complaint, form):
    data = form.cleaned_data
    services.judgment_issue(
        complaint=complaint,
        verdict=data["verdict"],
        reasoning=data["reasoning"],
        recommendations=form.recommendation_lines(),
        by=request.user,
        expected_version=_version(form),
    )


@officer_step(
    "sign_form", lambda r, c, **kw: forms.SignForm(r.POST, **kw), _("You signed the judgment.")
)
def sign(request, complaint, form):
    services.judgment_sign(
        complaint=complaint, shown_sha256=form.cleaned_data["sha256"], by=request.user
    )


@officer_step(
    "referral_form",
    lambda r, c, **kw: forms.ReferralForm(r.POST, **kw),
    _("The referral was recorded."),
)
def refer(request, complaint, form):
    data = form.cleaned_data
    services.referral_record(
        complaint=complaint,
        referred_on=data["referred_on"],
        body_reference=data["body_reference"],
        by=request.user,
        expected_version=_version(form),
    )


@officer_step(
    "case_file_form",
    lambda r, c, **kw: forms.VersionedForm({"version": c.version}),
    _("Case file made."),
)
def case_file(request, complaint, form):
    """R-4.3: the ZIP for the disputes body (a POST: making it is recorded in the dossier)."""
    made = services.case_file_export(complaint=complaint, by=request.user)
    access.case_file_read(request, complaint)
    response = HttpResponse(made.content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{made.filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _ending_form(form_class):
    """An ending's form, offering the causes in use of the complaint's organisation."""
    return lambda r, c, **kw: form_class(
        r.POST, r.FILES, **kw, causes=causes_in_use(c.organisation)
    )


def _ending(request, form) -> dict:
    """The cause (R-3.2) and satisfaction (R-3.3) every ending passes to its service."""
    data = form.cleaned_data
    return {
        "cause_id": data["cause"],
        "root_cause": data["root_cause"],
        "satisfaction": data["satisfaction"],
        "by": request.user,
        "expected_version": _version(form),
    }


@officer_step(
    "ruling_form",
    _ending_form(forms.RulingForm),
    _("The ruling was recorded; the complaint is closed."),
)
def record_ruling(request, complaint, form):
    data = form.cleaned_data
    upload = data.get("document")
    services.ruling_record(
        complaint=complaint,
        ruling_on=data["ruling_on"],
        outcome=data["outcome"],
        text=data["text"],
        document=(upload.name, upload) if upload else None,
        **_ending(request, form),
    )


@officer_step("close_form", _ending_form(forms.CloseForm), _("The complaint is closed."))
def close(request, complaint, form):
    services.complaint_close(complaint=complaint, **_ending(request, form))


@officer_step(
    "withdraw_form",
    _ending_form(forms.EndingWithReasonForm),
    _("The withdrawal was recorded."),
)
def withdraw(request, complaint, form):
    services.complaint_withdraw_on_behalf(
        complaint=complaint, reason=form.cleaned_data["reason"], **_ending(request, form)
    )


@officer_step(
    "not_admissible_form",
    _ending_form(forms.EndingWithReasonForm),
    _("The complaint was declared not admissible; the letter was sent."),
)
def not_admissible(request, complaint, form):
    services.complaint_declare_not_admissible(
        complaint=complaint, reasons=form.cleaned_data["reason"], **_ending(request, form)
    )


@officer_step(
    "revoke_form",
    lambda r, c, **kw: forms.VersionedForm({"version": c.version}),
    _("All personal links were revoked."),
)
def revoke_links(request, complaint, form):
    services.links_revoke(complaint=complaint, by=request.user)
