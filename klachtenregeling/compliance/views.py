"""The compliance view of one complaint (issue 14), for the officer who handles it.

It shows event types and dates only, no complaint content, so reading it (or its PDF) is
not an entry in the access log (R-6.2 logs reads of the dossier's content)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from klachtenregeling.complaints import selectors as complaint_selectors
from klachtenregeling.reports.documents import download

from . import documents
from .selectors import compliance_for


@login_required
@require_safe
def complaint(request, reference):
    complaint = complaint_selectors.complaint_for(request.user, reference)
    findings = compliance_for(complaint)
    return render(
        request,
        "compliance/complaint.html",
        {"complaint": complaint, "findings": findings},
    )


@login_required
@require_safe
def complaint_pdf(request, reference):
    complaint = complaint_selectors.complaint_for(request.user, reference)
    content = documents.statement_pdf(complaint, compliance_for(complaint))
    return download(
        content,
        content_type="application/pdf",
        filename=documents.statement_filename(complaint),
    )
