"""The one legitimate deletion of a dossier (R-8.5): a final complaint, destroyed after the
yearly review. Everything else is refused by the ORM (core/append_only.py) and by the
database (triggers.py).

The service of R-8.5 decides *whether* a complaint may be destroyed (a recorded review covers
it) and keeps the destruction record; this function only removes the dossier and the access
log, in one transaction: grant → delete → grant removed, so no grant outlives it.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from klachtenregeling.complaints.constants import FINAL_STATUSES
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core import clock
from klachtenregeling.core.errors import DomainError, InvalidInput
from klachtenregeling.retention.selectors import has_open_hold

from .models import AccessLogEntry, CaseEvent, ErasureGrant


@dataclass(frozen=True)
class Erased:
    events: int
    reads: int


def erase_dossier(complaint, *, reason: str) -> Erased:
    """Delete all case events and access-log rows of one final complaint without an open hold."""
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput({"reason": [_("Say why the dossier is erased.")]})
    with transaction.atomic():
        complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
        if complaint.status not in FINAL_STATUSES:
            raise DomainError(_("Only the dossier of a finished complaint can be erased."))
        if has_open_hold(complaint):
            raise DomainError(_("The complaint is under a hold: it cannot be erased."))
        grant = ErasureGrant.objects.create(
            complaint=complaint, reason=reason, created_at=clock.now()
        )
        reads = AccessLogEntry.objects.erase_for_complaint(grant)
        events = CaseEvent.objects.erase_for_complaint(grant)
        grant.delete()
    return Erased(events=events, reads=reads)
