"""The compliance view of one complaint (issue 14), for the officer who handles it.

It shows event types and dates only, no complaint content, so reading it is not an entry
in the access log (R-6.2 logs reads of the dossier's content)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from klachtenregeling.complaints import selectors as complaint_selectors

from .selectors import compliance_for


@login_required
def complaint(request, reference):
    complaint = complaint_selectors.complaint_for(request.user, reference)
    findings = compliance_for(complaint)
    return render(
        request,
        "compliance/complaint.html",
        {"complaint": complaint, "findings": findings},
    )
