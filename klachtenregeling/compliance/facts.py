"""The Facts of one complaint, or of a batch, read from the database in three queries per
call (case events, outbox messages, logged reads) whatever the number of complaints."""

from collections import defaultdict
from collections.abc import Sequence

from django.conf import settings

from klachtenregeling.audit.models import AccessLogEntry, CaseEvent
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core import clock
from klachtenregeling.notifications.models import OutboxMessage

from .timeline import Event, Facts, Message, Read


def _event(row: CaseEvent) -> Event:
    return Event(
        seq=row.seq,
        type=row.type,
        at=row.at,
        on=clock.local_date(row.at),
        actor_id=row.actor_id,
        actor_role=row.actor_role,
        data=row.data,
        complaint_id=row.complaint_id,
        visible_to_complainant=row.visible_to_complainant,
        prev_sha256=row.prev_sha256,
        sha256=row.sha256,
    )


def facts_for_batch(complaints: Sequence[Complaint]) -> dict[int, Facts]:
    """Facts per complaint id, for complaints already loaded (status, received_at,
    original_deadline are read from them)."""
    ids = [c.pk for c in complaints]
    events, messages, reads = defaultdict(list), defaultdict(list), defaultdict(list)
    for row in CaseEvent.objects.filter(complaint_id__in=ids).order_by("complaint_id", "seq"):
        events[row.complaint_id].append(_event(row))
    for pk, complaint_id, kind, role, status in OutboxMessage.objects.filter(
        complaint_id__in=ids
    ).values_list("pk", "complaint_id", "kind", "recipient_role", "status"):
        messages[complaint_id].append(Message(pk, kind, role, status))
    for complaint_id, actor_id, at in AccessLogEntry.objects.filter(
        complaint_id__in=ids
    ).values_list("complaint_id", "actor_id", "at"):
        reads[complaint_id].append(Read(actor_id, clock.local_date(at)))
    today = clock.today()
    at_risk_days = settings.COMPLIANCE_AT_RISK_DAYS
    return {
        c.pk: Facts(
            status=c.status,
            received_on=clock.local_date(c.received_at),
            original_deadline=c.original_deadline,
            today=today,
            events=tuple(events[c.pk]),
            messages=tuple(messages[c.pk]),
            reads=tuple(reads[c.pk]),
            at_risk_days=at_risk_days,
        )
        for c in complaints
    }


def facts_for(complaint: Complaint) -> Facts:
    return facts_for_batch([complaint])[complaint.pk]
