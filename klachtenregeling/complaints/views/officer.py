"""The officer's dashboard and the dossier page."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from klachtenregeling.accounts import policies
from klachtenregeling.accounts.selectors import officers_who_may_take
from klachtenregeling.audit import access
from klachtenregeling.audit.selectors import recent_reads
from klachtenregeling.core.downloads import private_download
from klachtenregeling.core.errors import NotPermitted
from klachtenregeling.core.pagination import BoundedPaginator
from klachtenregeling.handling import guards
from klachtenregeling.handling.panel import officer_panel
from klachtenregeling.handling.selectors import shared_with_respondent_ids
from klachtenregeling.reviews import follow_up
from klachtenregeling.suggestions.panel import suggestion_panel

from .. import selectors, workflow
from ..constants import FINAL_STATUSES, Due, Status
from ..forms import (
    AssignForm,
    AttachmentForm,
    DashboardFilterForm,
    ExtendDeadlineForm,
    NoteForm,
    SubjectsForm,
)

PAGE_SIZE = 25


def _filters(request, subjects) -> selectors.DashboardFilter:
    form = DashboardFilterForm(request.GET, subjects=subjects)
    form.is_valid()
    return selectors.DashboardFilter(
        status=form.value("status") or "",
        subject_id=form.value("subject"),
        query=form.value("q") or "",
        due=form.value("due") or (Due.OVERDUE if form.value("overdue") else ""),
        view=form.value("view") or "open",
    )


@login_required
def dashboard(request):
    if not request.user.is_officer:
        raise NotPermitted("officers only")
    subjects = list(selectors.subjects_for_officer_filter(request.user))
    filters = _filters(request, subjects)
    counts = selectors.officer_counts(request.user)
    rows = selectors.complaint_list_for_officer(request.user, filters)
    total = selectors.list_total(filters, counts)
    if total is not None:
        paginator = Paginator(rows, PAGE_SIZE)
        paginator.count = total  # a header counter is the same number: no count of its own
    elif filters.ended:  # the officer's whole history: counted up to the page asked for
        paginator = BoundedPaginator(rows, PAGE_SIZE, page=request.GET.get("page"))
    else:
        paginator = Paginator(rows, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = (
        selectors.mark_verdicts(page.object_list)
        if filters.ended
        else selectors.mark_awaiting_answer(page.object_list)
    )
    partial = request.headers.get("HX-Request") == "true"
    context = {
        "page": page,
        "filters": filters,
        "statuses": [
            (value, label)
            for value, label in Status.choices
            if (value in FINAL_STATUSES) == filters.ended
        ],
        "due_choices": Due.choices,
        "subjects": subjects,
        "counts": counts,
    }
    if not partial:
        context.update(follow_up.dashboard_card(request.user))
    params = request.GET.copy()
    params.pop("page", None)
    context["query_string"] = params.urlencode()
    template = (
        "complaints/officer/_results.html" if partial else "complaints/officer/dashboard.html"
    )
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def dossier_context(request, complaint, **forms) -> dict:
    """Everything the dossier page shows. Showing it is a read of the dossier (R-6.2), also
    when a step's form comes back with errors, so the read is logged here."""
    access.dossier_read(request, complaint)
    organisation = complaint.organisation
    can_handle = policies.can(request.user, policies.COMPLAINT_HANDLE, complaint)
    subjects = list(complaint.subjects.all())
    others = officers_who_may_take(complaint)
    return {
        "complaint": complaint,
        "events": selectors.dossier(complaint),
        "attachments": complaint.attachments.all(),
        "shared_ids": shared_with_respondent_ids(complaint),
        "concerns": complaint.concerns.all(),
        "subjects": subjects,
        "can_handle": can_handle,
        "can_start": can_handle and workflow.can_transition(complaint.status, Status.IN_HANDLING),
        "subjects_form": forms.get("subjects_form")
        or SubjectsForm(
            organisation=organisation,
            current=subjects,
            initial={"subjects": [s.pk for s in subjects]},
        ),
        "note_form": forms.get("note_form") or NoteForm(),
        "attachment_form": forms.get("attachment_form") or AttachmentForm(),
        "assign_form": forms.get("assign_form")
        or AssignForm(officers=others, initial={"expected_officer": complaint.assigned_officer_id}),
        "has_other_officers": bool(others),
        "extensions": complaint.extensions.select_related("extended_by"),
        "term_outcome": selectors.term_outcome_for(complaint),
        "can_extend": can_handle and guards.allowed(guards.extend_deadline, complaint),
        "extend_form": forms.get("extend_form")
        or ExtendDeadlineForm(prefix="extend", initial={"version": complaint.version}),
        "undelivered": selectors.undelivered_messages(complaint),
        "reads": recent_reads(request.user, complaint),
        **officer_panel(request.user, complaint, forms, with_forms=can_handle),
        **suggestion_panel(complaint, can_handle=can_handle, subjects=subjects),
    }


@login_required
def detail(request, reference):
    complaint = selectors.complaint_for(request.user, reference)
    return render(request, "complaints/officer/detail.html", dossier_context(request, complaint))


@login_required
def attachment_download(request, reference, attachment_id):
    """Attachments are served only through this permission-checked view, never as static files."""
    complaint = selectors.complaint_for(request.user, reference)
    attachment = complaint.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise NotPermitted("no such attachment")
    access.attachment_read(request, complaint, attachment)
    return private_download(attachment)
