"""Writes of the complainant's side that are not a step of the procedure."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Upper

from klachtenregeling.complaints.constants import FINAL_STATUSES, OPEN_STATUSES
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core import clock
from klachtenregeling.notifications import procedure_messages
from klachtenregeling.organisations.models import Organisation

# A finished complaint can still be looked up for a year (its letters, its outcome).
FINISHED_VISIBLE_DAYS = 365
MAX_LINKS_PER_REQUEST = 5


def links_resend(*, organisation: Organisation, email: str, reference: str = "") -> int:
    """R-7.3, "lost my link": a new personal link for each complaint filed with this
    e-mail address (optionally: only the one with this reference), sent to the address
    on file. Returns how many were sent — for the tests and the log, never for the
    page: the page says the same whether or not a complaint exists."""
    email = (email or "").strip()
    reference = (reference or "").strip().upper()
    if not email:
        return 0
    recent = clock.now() - timedelta(days=FINISHED_VISIBLE_DAYS)
    # Upper(...) exactly as the index complaint_org_email is built.
    complaints = (
        Complaint.objects.annotate(email_upper=Upper("complainant_email"))
        .filter(organisation=organisation, email_upper=email.upper())
        .filter(Q(status__in=OPEN_STATUSES) | Q(status__in=FINAL_STATUSES, closed_at__gte=recent))
    )
    if reference:
        complaints = complaints.filter(reference=reference)
    sent = 0
    for complaint in complaints.order_by("-received_at")[:MAX_LINKS_PER_REQUEST]:
        with transaction.atomic():
            locked = (
                Complaint.objects.select_for_update(of=("self",))
                .select_related("organisation", "assigned_officer", "respondent")
                .get(pk=complaint.pk)
            )
            procedure_messages.link_resent(locked)
        sent += 1
    return sent
