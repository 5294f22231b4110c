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

# The columns an Event is made of, read as plain tuples (no model instances: a period's
# table reads a million of them).
EVENT_FIELDS = (
    "seq",
    "type",
    "at",
    "actor_id",
    "actor_role",
    "data",
    "complaint_id",
    "visible_to_complainant",
    "prev_sha256",
    "sha256",
)


def _event(seq, type_, at, actor_id, actor_role, data, complaint_id, visible, prev, sha) -> Event:
    return Event(
        seq=seq,
        type=type_,
        at=at,
        on=clock.local_date(at),
        actor_id=actor_id,
        actor_role=actor_role,
        data=data,
        complaint_id=complaint_id,
        visible_to_complainant=visible,
        prev_sha256=prev,
        sha256=sha,
    )


def facts_for_batch(complaints: Sequence[Complaint]) -> dict[int, Facts]:
    """Facts per complaint id, for complaints already loaded (status, received_at,
    original_deadline are read from them)."""
    ids = [c.pk for c in complaints]
    events, messages, reads = defaultdict(list), defaultdict(list), defaultdict(list)
    rows = (
        CaseEvent.objects.filter(complaint_id__in=ids)
        .order_by("complaint_id", "seq")
        .values_list(*EVENT_FIELDS)
    )
    for row in rows:
        events[row[6]].append(_event(*row))
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
