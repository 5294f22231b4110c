"""The Facts of one complaint, or of a batch, read from the database in a fixed number of
queries per call (case events, outbox messages, logged reads, and for R-8.5 the end dates,
the reviews and the destruction lists) whatever the number of complaints."""

from collections import defaultdict
from collections.abc import Sequence

from django.conf import settings

from klachtenregeling.audit.models import AccessLogEntry, CaseEvent
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core import clock
from klachtenregeling.notifications.models import OutboxMessage

from .timeline import Event, Facts, Message, Read, Retention

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
    "chain_version",
    "organisation_id",
)


def _event(
    seq, type_, at, actor_id, actor_role, data, complaint_id, visible, prev, sha, version, org
) -> Event:
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
        chain_version=version,
        organisation_id=org,
    )


def _retention_for(ids: list[int]) -> dict[int, Retention]:
    """R-8.5's facts per complaint id: when it ended, the first review covering that day,
    and what a destruction list decided (one query; four when some of them ended)."""
    from klachtenregeling.retention.constants import ListStatus
    from klachtenregeling.retention.models import DestructionListItem
    from klachtenregeling.retention.proposal import covered
    from klachtenregeling.reviews.models import Review

    ended = {
        pk: (organisation_id, ended_on)
        for pk, organisation_id, ended_on in Complaint.objects.filter(pk__in=ids).values_list(
            "pk", "organisation_id", "statistic__ended_on"
        )
    }
    organisations = {organisation_id for organisation_id, ended_on in ended.values() if ended_on}
    coverages: dict[int, list] = defaultdict(list)
    listed, excluded = {}, {}
    if not organisations:  # nothing ended: no review or list concerns these complaints
        return {pk: Retention() for pk in ended}
    reviews = (
        Review.objects.filter(organisation_id__in=organisations)
        .prefetch_related("reports")
        .order_by("held_on", "pk")
    )
    for review in reviews:
        found = covered(
            held_on=review.held_on,
            periods=[(r.period_start, r.period_end) for r in review.reports.all()],
        )
        if found is not None:
            coverages[review.organisation_id].append((review.held_on, found))
    for complaint_id, status, until, is_excluded, reason, decided in (
        DestructionListItem.objects.filter(complaint_id__in=ids)
        .exclude(destruction_list__status=ListStatus.CANCELLED)
        .values_list(
            "complaint_id",
            "destruction_list__status",
            "destruction_list__cooling_off_until",
            "excluded",
            "exclusion_reason",
            "destruction_list__created_at",
        )
    ):
        if is_excluded:
            excluded[complaint_id] = (clock.local_date(decided), reason)
        elif status in (ListStatus.CONFIRMED, ListStatus.DESTROYING) and until is not None:
            listed[complaint_id] = clock.local_date(until)
    result = {}
    for pk, (organisation_id, ended_on) in ended.items():
        reviewed_on = None
        if ended_on is not None:
            reviewed_on = next(
                (
                    held_on
                    for held_on, found in coverages[organisation_id]
                    if found.start <= ended_on <= found.end
                ),
                None,
            )
        excluded_on, reason = excluded.get(pk, (None, ""))
        result[pk] = Retention(
            ended_on=ended_on,
            reviewed_on=reviewed_on,
            listed_until=listed.get(pk),
            excluded_on=excluded_on,
            excluded_reason=reason,
        )
    return result


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
    retention = _retention_for(ids)
    today = clock.today()
    at_risk_days = settings.COMPLIANCE_AT_RISK_DAYS
    destruction_days = settings.COMPLIANCE_DESTRUCTION_DAYS
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
            retention=retention.get(c.pk, Retention()),
            destruction_days=destruction_days,
        )
        for c in complaints
    }


def facts_for(complaint: Complaint) -> Facts:
    return facts_for_batch([complaint])[complaint.pk]
