"""Officer actions on a complaint: each view parses a form and calls one service."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klachtenregeling.accounts.selectors import officers_who_may_take
from klachtenregeling.core.forms import form_step
from klachtenregeling.letters import preview as letter_preview
from klachtenregeling.suggestions.selectors import suggestion_recorded

from .. import selectors, services
from ..forms import AssignForm, AttachmentForm, ExtendDeadlineForm, NoteForm, SubjectsForm
from .officer import dossier_context


def _back(complaint):
    return redirect("complaints:detail", reference=complaint.reference)


def _submit(request, complaint, *, form, form_name: str, action: Callable, success: str):
    """Run `action(cleaned_data)` for a valid form (None: the caller redirects); otherwise,
    or when the domain refuses, the dossier again with the form's errors (`form_step`)."""
    return form_step(
        request,
        form,
        action,
        success=success,
        done=lambda result: None,
        page=lambda form: render(
            request,
            "complaints/officer/detail.html",
            dossier_context(request, complaint, **{form_name: form}),
        ),
    )


@login_required
@require_POST
def start_handling(request, reference):
    complaint = selectors.complaint_for(request.user, reference)
    services.complaint_start_handling(complaint=complaint, by=request.user)
    messages.success(request, _("The complaint is now in handling."))
    return _back(complaint)


@login_required
@require_POST
def set_subjects(request, reference):
    complaint = selectors.complaint_for(request.user, reference)
    form = SubjectsForm(
        request.POST, organisation=complaint.organisation, current=complaint.subjects.all()
    )
    refused = _submit(
        request,
        complaint,
        form=form,
        form_name="subjects_form",
        action=lambda data: services.complaint_set_subjects(
            complaint=complaint,
            subject_ids=data["subjects"],
            by=request.user,
            suggested=suggestion_recorded(complaint),
        ),
        success=_("Subjects saved."),
    )
    return refused or _back(complaint)


@login_required
@require_POST
def add_note(request, reference):
    complaint = selectors.complaint_for(request.user, reference)
    refused = _submit(
        request,
        complaint,
        form=NoteForm(request.POST),
        form_name="note_form",
        action=lambda data: services.complaint_add_note(
            complaint=complaint, text=data["text"], by=request.user
        ),
        success=_("Note added to the dossier."),
    )
    return refused or _back(complaint)


@login_required
@require_POST
def add_attachment(request, reference):
    complaint = selectors.complaint_for(request.user, reference)
    refused = _submit(
        request,
        complaint,
        form=AttachmentForm(request.POST, request.FILES),
        form_name="attachment_form",
        action=lambda data: services.complaint_add_attachment(
            complaint=complaint, name=data["file"].name, stream=data["file"], by=request.user
        ),
        success=_("Document added to the dossier."),
    )
    return refused or _back(complaint)


@login_required
@require_POST
def hand_over(request, reference):
    complaint = selectors.complaint_for(request.user, reference)
    form = AssignForm(request.POST, officers=officers_who_may_take(complaint))
    refused = _submit(
        request,
        complaint,
        form=form,
        form_name="assign_form",
        action=lambda data: services.complaint_assign_officer(
            complaint=complaint,
            officer=form.officers[data["officer"]],
            by=request.user,
            expected_officer_id=data["expected_officer"],
        ),
        success=_("The complaint was handed over."),
    )
    return refused or redirect("complaints:dashboard")


@login_required
@require_POST
def extend_deadline(request, reference):
    """R-5.5: the first submit shows the extension letter as it will be sent; its "send"
    button extends the term and sends it."""
    complaint = selectors.complaint_for(request.user, reference)
    form = ExtendDeadlineForm(request.POST, prefix="extend")
    if letter_preview.going_back(request):
        return _dossier(request, complaint, form, status=200)
    if not letter_preview.confirmed(request):
        return form_step(
            request,
            form,
            lambda data: _extension_preview(request, complaint, form),
            success=None,
            done=lambda response: response,
            page=lambda form: _dossier(request, complaint, form),
        )
    refused = _submit(
        request,
        complaint,
        form=form,
        form_name="extend_form",
        action=lambda data: services.complaint_extend_deadline(
            complaint=complaint,
            new_deadline=data["new_deadline"],
            reason=data["reason"],
            reason_category=data["reason_category"],
            by=request.user,
            expected_version=data["version"],
        ),
        success=_("The term was extended; the complainant receives a letter with the reasons."),
    )
    return refused or _back(complaint)


def _dossier(request, complaint, form, status=400):
    context = dossier_context(request, complaint, extend_form=form)
    context["open_step"] = "extend_form"
    return render(request, "complaints/officer/detail.html", context, status=status)


def _extension_preview(request, complaint, form):
    data = form.cleaned_data
    draft = services.extension_draft(
        complaint=complaint,
        new_deadline=data["new_deadline"],
        reason=data["reason"],
        reason_category=data["reason_category"],
        by=request.user,
        expected_version=data["version"],
    )
    seen = draft.complaint
    return letter_preview.preview_page(
        request,
        complaint=seen,
        form=form,
        action=reverse("complaints:extend-deadline", args=[seen.reference]),
        letters=[
            letter_preview.preview(
                letter_preview.Recipient(
                    _("complainant"), seen.complainant_name, seen.complainant_email
                ),
                draft.pdf,
            )
        ],
        title=_("Check the letter before you extend the term"),
        send_label=_("Extend and send the letter"),
        next_steps=_(
            "The new date for the judgment applies at once. The complainant receives this "
            "letter with the reasons by e-mail, and sees the new date on their page."
        ),
    )
