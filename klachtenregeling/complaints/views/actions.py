"""Officer actions on a complaint: each view parses a form and calls one service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klachtenregeling.accounts.selectors import officers_who_may_take
from klachtenregeling.core.errors import DomainError
from klachtenregeling.core.forms import apply_domain_error

from .. import selectors, services
from ..forms import AssignForm, AttachmentForm, NoteForm, SubjectsForm
from .officer import dossier_context


def _back(complaint):
    return redirect("complaints:detail", reference=complaint.reference)


def _rerender(request, complaint, **forms):
    context = dossier_context(request, complaint, **forms)
    return render(request, "complaints/officer/detail.html", context, status=400)


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
    if form.is_valid():
        try:
            services.complaint_set_subjects(
                complaint=complaint, subject_ids=form.cleaned_data["subjects"], by=request.user
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Subjects saved."))
            return _back(complaint)
    return _rerender(request, complaint, subjects_form=form)


@login_required
@require_POST
def add_note(request, reference):
    complaint = selectors.complaint_for(request.user, reference)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            services.complaint_add_note(
                complaint=complaint, text=form.cleaned_data["text"], by=request.user
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Note added to the dossier."))
            return _back(complaint)
    return _rerender(request, complaint, note_form=form)


@login_required
@require_POST
def add_attachment(request, reference):
    complaint = selectors.complaint_for(request.user, reference)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.complaint_add_attachment(
                complaint=complaint, name=upload.name, stream=upload, by=request.user
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Document added to the dossier."))
            return _back(complaint)
    return _rerender(request, complaint, attachment_form=form)


@login_required
@require_POST
def hand_over(request, reference):
    complaint = selectors.complaint_for(request.user, reference)
    form = AssignForm(request.POST, officers=officers_who_may_take(complaint))
    if form.is_valid():
        try:
            services.complaint_assign_officer(
                complaint=complaint,
                officer=form.officers[form.cleaned_data["officer"]],
                by=request.user,
                expected_officer_id=form.cleaned_data["expected_officer"],
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("The complaint was handed over."))
            return redirect("complaints:dashboard")
    return _rerender(request, complaint, assign_form=form)
