"""The officer's steps of the procedure: each view parses one form and calls one service."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from klachtenregeling.audit import access
from klachtenregeling.complaints import selectors as complaint_selectors
from klachtenregeling.complaints.views.officer import dossier_context
from klachtenregeling.core.errors import DomainError, JudgmentChanged
from klachtenregeling.core.forms import form_step
from klachtenregeling.letters import preview as letter_preview

from .. import services
from ..step_forms import posted_form
from . import letter_previews


def officer_step(form_name: str, success: str | None, *, preview: Callable | None = None):
    """Decorate `action(request, complaint, form)`: a POST-only, permission-checked step
    whose form comes from the registry (step_forms.py). Invalid input or a refusal of the
    domain shows the dossier again with the errors at the form (`form_step`, status 400);
    a judgment that changed meanwhile shows the current text instead (R-5.7).

    A step that sends a letter has a `preview(request, complaint, form)`: the first submit
    shows the letter as it will be sent; only its "send" button runs the action."""

    def decorate(action):
        @login_required
        @require_POST
        def view(request, reference):
            complaint = complaint_selectors.complaint_for(request.user, reference)
            form = posted_form(form_name, request, complaint)

            def page(form, status=400):
                context = dossier_context(request, complaint, **{form_name: form})
                context["open_step"] = form_name
                return render(request, "complaints/officer/detail.html", context, status=status)

            if preview is not None and letter_preview.going_back(request):
                return page(form, status=200)  # everything typed is still in the form
            run = action
            if preview is not None and not letter_preview.confirmed(request):
                run = preview

            def done(response):
                """A step that answers itself (the letter's preview, a download) gets no
                message: it would show on whichever page comes next, not with its step."""
                if response is not None:
                    return response
                if success:
                    messages.success(request, success)
                return redirect("complaints:detail", reference=complaint.reference)

            try:
                return form_step(
                    request,
                    form,
                    lambda data: run(request, complaint, form),
                    success=None,
                    done=done,
                    page=page,
                    passes=(JudgmentChanged,),
                )
            except JudgmentChanged:
                # the text signed for is no longer the current one; say so and
                # show the current text (a fresh form carries its hash).
                context = dossier_context(request, complaint)
                context["judgment_changed"] = True
                return render(request, "complaints/officer/detail.html", context, status=400)

        view.__name__ = action.__name__
        view.__doc__ = action.__doc__
        return view

    return decorate


def _version(form) -> int:
    return form.cleaned_data["version"]


@officer_step("respondent_form", _("Person complained about saved."))
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


@officer_step("notify_form", _("The person complained about was informed."))
def notify_respondent(request, complaint, form):
    services.respondent_notify(
        complaint=complaint, by=request.user, expected_version=_version(form)
    )


@officer_step("invite_form", _("The invitation was sent."))
def invite(request, complaint, form):
    data = form.cleaned_data
    services.hearing_invite_parties(
        complaint=complaint,
        parties=form.parties(),
        due_date=data["due_date"],
        note=data["note"],
        by=request.user,
        expected_version=_version(form),
    )


@officer_step("recorded_statement_form", _("The account was added to the dossier."))
def record_statement(request, complaint, form):
    data = form.cleaned_data
    services.statement_give_as_staff(
        complaint=complaint,
        text=data["text"],
        party=data["party"],
        via=data["via"],
        by=request.user,
    )


@officer_step("waiver_form", _("The reason was added to the dossier."))
def waive(request, complaint, form):
    data = form.cleaned_data
    services.hearing_waive(
        complaint=complaint,
        party=data["party"],
        reason=data["reason"],
        by=request.user,
        expected_version=_version(form),
    )


@officer_step("update_form", _("Update added."))
def add_update(request, complaint, form):
    services.update_add(complaint=complaint, text=form.cleaned_data["text"], by=request.user)


@officer_step("proposal_form", _("The proposal was sent to the complainant."))
def propose(request, complaint, form):
    services.proposal_make(complaint=complaint, text=form.cleaned_data["text"], by=request.user)


@officer_step("judgment_form", _("The judgment was sent."), preview=letter_previews.judgment)
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


@officer_step("sign_form", _("You signed the judgment."))
def sign(request, complaint, form):
    services.judgment_sign(
        complaint=complaint, shown_sha256=form.cleaned_data["sha256"], by=request.user
    )


@officer_step("paper_answer_form", _("The complainant's answer was recorded."))
def record_paper_answer(request, complaint, form):
    """R-5.7: an answer by letter or phone; acceptance with the scan of the signed text."""
    data = form.cleaned_data
    upload = data.get("document")
    services.judgment_answer_record(
        complaint=complaint,
        answer=data["answer"],
        via=data["via"],
        signed_version=data.get("signed_version"),
        comment=data["comment"],
        document=(upload.name, upload) if upload else None,
        by=request.user,
        expected_version=_version(form),
    )


@officer_step("paper_signature_form", _("The signature on paper was recorded."))
def record_paper_signature(request, complaint, form):
    data = form.cleaned_data
    upload = data["document"]
    services.paper_signature_record(
        complaint=complaint,
        signed_version=data["signed_version"],
        document=(upload.name, upload),
        by=request.user,
        expected_version=_version(form),
    )


@officer_step("referral_form", _("The referral was recorded."))
def refer(request, complaint, form):
    data = form.cleaned_data
    services.referral_record(
        complaint=complaint,
        referred_on=data["referred_on"],
        body_reference=data["body_reference"],
        by=request.user,
        expected_version=_version(form),
    )


@officer_step("case_file_form", None)  # the download is the answer: no message
def case_file(request, complaint, form):
    """R-4.3: the ZIP for the disputes body (a POST: making it is recorded in the dossier)."""
    made = services.case_file_export(complaint=complaint, by=request.user)
    access.case_file_read(request, complaint)
    response = HttpResponse(made.content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{made.filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


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


@officer_step("ruling_form", _("The ruling was recorded; the complaint is closed."))
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


@officer_step("close_form", _("The complaint is closed."))
def close(request, complaint, form):
    services.complaint_close(complaint=complaint, **_ending(request, form))


@officer_step("no_answer_form", _("The complaint is closed; the letter was sent."))
def close_no_answer(request, complaint, form):
    services.complaint_close_no_answer(complaint=complaint, **_ending(request, form))


@officer_step("withdraw_form", _("The withdrawal was recorded."))
def withdraw(request, complaint, form):
    services.complaint_withdraw_on_behalf(
        complaint=complaint, reason=form.cleaned_data["reason"], **_ending(request, form)
    )


@officer_step(
    "not_admissible_form",
    _("The complaint was declared not admissible; the letter was sent."),
    preview=letter_previews.not_admissible,
)
def not_admissible(request, complaint, form):
    services.complaint_declare_not_admissible(
        complaint=complaint, reasons=form.cleaned_data["reason"], **_ending(request, form)
    )


@officer_step("revoke_form", _("All personal links were revoked."))
def revoke_links(request, complaint, form):
    services.links_revoke(complaint=complaint, by=request.user)


@officer_step("share_form", _("Saved: what the person complained about can see."))
def share(request, complaint, form):
    """Issue 17: per attachment, shared with the person complained about or not (logged)."""
    services.attachment_share_with_respondent(
        complaint=complaint,
        attachment_id=form.cleaned_data["attachment"],
        shared=form.cleaned_data["share"],
        by=request.user,
    )
