"""One function per case event: what each step of the dossier records (R-7.4).

Callers are services that already hold the complaint's row lock inside their
transaction, so the next sequence number is theirs alone. Each event is sealed onto
the one before it (chain.py).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.db import connection

from klachtenregeling.core import clock

from . import chain
from . import content as sealed
from .constants import ActorRole, EventType
from .models import CaseEvent


@dataclass
class _NewDossier:
    complaint_id: int
    events: list[CaseEvent] = field(default_factory=list)
    messages: list = field(default_factory=list)
    # message_queued events whose message is inserted when the block ends (its id then).
    queued: list[tuple[CaseEvent, Any]] = field(default_factory=list)


_new_dossier: ContextVar[_NewDossier | None] = ContextVar("new_dossier", default=None)


@contextmanager
def new_dossier(complaint) -> Iterator[None]:
    """The first events of a complaint created in the caller's transaction (issue 19).

    Nobody else can see the complaint before that transaction commits, so its chain starts
    here without a row lock or a read of the last link: the events are kept in memory,
    their messages inserted in one statement when the block ends, then the events chained
    in order and written in one INSERT, and the complaint's compliance status computed once
    from them and the messages (compliance/stored.py) — the same rows and the same status
    as one event at a time, in a few queries instead of eight per event. Nothing is written
    when the block raises (the transaction rolls back).
    """
    dossier = _NewDossier(complaint.pk)
    token = _new_dossier.set(dossier)
    try:
        yield
    finally:
        _new_dossier.reset(token)
    unsaved = [message for message in dossier.messages if message.pk is None]
    if unsaved and connection.features.can_return_rows_from_bulk_insert:
        type(unsaved[0]).objects.bulk_create(unsaved)  # one INSERT, the ids returned
    for message in unsaved:
        if message.pk is None:  # a database that returns no ids from a bulk INSERT
            message.save(force_insert=True)
    for event, message in dossier.queued:
        event.data["message_id"] = message.pk
    previous = chain.GENESIS
    for seq, event in enumerate(dossier.events, start=1):
        previous = _seal(event, seq, previous)
    CaseEvent.objects.bulk_create(dossier.events)
    from klachtenregeling.compliance.stored import store_for_new_dossier
    from klachtenregeling.notifications.outbox import deliver_later

    store_for_new_dossier(complaint, dossier.events, dossier.messages)
    deliver_later(dossier.messages)  # one task for all of them


def in_new_dossier(complaint) -> bool:
    """Whether `complaint`'s first events are being written (new_dossier): the outbox then
    leaves its message's INSERT and the delivery task to the end of the block."""
    return _in_new_dossier(complaint) is not None


def _in_new_dossier(complaint) -> _NewDossier | None:
    dossier = _new_dossier.get()
    return dossier if dossier is not None and dossier.complaint_id == complaint.pk else None


def _seal(event: CaseEvent, seq: int, prev_sha256: str) -> str:
    """Number the event and seal it onto the one before it (chain.py); returns its hash."""
    event.seq = seq
    event.prev_sha256 = prev_sha256
    event.sha256 = chain.digest(
        prev_sha256=prev_sha256,
        complaint_id=event.complaint_id,
        organisation_id=event.organisation_id,
        actor_id=event.actor_id,
        seq=seq,
        type=event.type,
        at=event.at,
        actor_role=event.actor_role,
        visible_to_complainant=event.visible_to_complainant,
        data=event.data,
        chain_version=event.chain_version,
    )
    return event.sha256


def record(
    complaint,
    event_type: EventType,
    *,
    role: ActorRole,
    actor=None,
    visible: bool = False,
    data: dict[str, Any] | None = None,
    content=None,
) -> CaseEvent:
    """Append one event. `content`: the row the event records (a model instance, saved);
    its id and the digest of its recorded columns as stored go into the data (content.py)."""
    dossier = _in_new_dossier(complaint)
    stored: tuple | None = None
    last: tuple | None = None
    if dossier is None:
        # Lock the complaint row (already held by a calling service) so that the next
        # sequence number and the link to the last event are ours alone, also for the
        # delivery worker; the event's time and content seal are taken under the lock too.
        # The same read gives the stored compliance status.
        stored = (
            type(complaint)
            .objects.select_for_update()
            .filter(pk=complaint.pk)
            .values_list("compliance_status", "compliance_breached_at")
            .first()
        )
        last = (
            CaseEvent.objects.filter(complaint=complaint)
            .order_by("-seq")
            .values_list("seq", "sha256")
            .first()
        )
    data = dict(data or {})
    if content is not None:
        kind = sealed.EVENT_KINDS[event_type]
        data["content_id"] = str(content.pk) if kind == "attachment" else content.pk
        data["content_sha256"] = (
            # Just inserted in this transaction: its recorded columns are the ones in memory.
            sealed.row_digest(kind, content.pk, vars(content))
            if dossier is not None and content is complaint
            else sealed.seal(kind, content.pk)
        )
    event = CaseEvent(
        organisation_id=complaint.organisation_id,
        complaint=complaint,
        actor=actor,
        type=event_type,
        at=clock.now(),
        actor_role=role,
        visible_to_complainant=visible,
        data=data,
        chain_version=chain.VERSION,
    )
    if dossier is not None:  # chained and written when the block ends
        dossier.events.append(event)
        return event
    seq, prev_sha256 = (last[0] + 1, last[1]) if last else (1, chain.GENESIS)
    _seal(event, seq, prev_sha256)
    event.save(force_insert=True)
    # Issue 14: every step leaves the complaint with the compliance status its dossier now
    # has, in the same transaction (compliance/stored.py says why here and when skipped).
    from klachtenregeling.compliance.stored import store_after_event

    store_after_event(complaint, event_type, stored)
    return event


def _intake_data(complaint, concerns=None, subjects=None) -> dict[str, Any]:
    """`concerns` and `subjects`: as the caller just stored them (else read back)."""
    if concerns is None:
        concerns = [c.concern for c in complaint.concerns.all()]
    if subjects is None:
        subjects = list(complaint.subjects.all())
    return {
        "reference": complaint.reference,
        "channel": complaint.channel,
        "received_at": complaint.received_at.isoformat(),
        "deadline": complaint.deadline.isoformat(),
        "term_days": (complaint.deadline - clock.local_date(complaint.received_at)).days,
        "concerns": sorted(concerns),
        "engagement_id": complaint.engagement_id,
        "engagement_described": bool(complaint.engagement_description),
        "is_representative": complaint.is_representative,
        "respondent_id": complaint.respondent_id,
        "subjects": [{"id": s.pk, "name": s.name} for s in subjects],
    }


def complaint_submitted(complaint, *, concerns=None, subjects=None) -> CaseEvent:
    """The complainant filed the complaint in writing, through the form or the API (R-1.1)."""
    return record(
        complaint,
        EventType.SUBMITTED,
        role=ActorRole.COMPLAINANT,
        visible=True,
        data=_intake_data(complaint, concerns, subjects),
        content=complaint,
    )


def complaint_registered(complaint, *, by, concerns=None, subjects=None) -> CaseEvent:
    """An officer registered a complaint received by letter or e-mail (R-1.1)."""
    return record(
        complaint,
        EventType.REGISTERED,
        role=ActorRole.OFFICER,
        actor=by,
        visible=True,
        data=_intake_data(complaint, concerns, subjects),
        content=complaint,
    )


def oral_history(complaint, *, by, data: dict) -> CaseEvent:
    """R-1.1: the complaint was told orally, put in writing by `by` and confirmed in
    writing; `data` is the record's own history (oral app), the dossier's first event."""
    return record(
        complaint, EventType.ORAL_HISTORY, role=ActorRole.OFFICER, actor=by, visible=True, data=data
    )


def complaint_routed(complaint, *, officer, reason: str) -> CaseEvent:
    """The system routed the complaint to an officer (R-5.1, R-5.4)."""
    return record(
        complaint,
        EventType.ROUTED,
        role=ActorRole.SYSTEM,
        data={"officer_id": officer.pk, "officer": officer.display_name, "reason": reason},
    )


def complaint_routing_failed(complaint, *, reason: str) -> CaseEvent:
    """No officer could take the complaint; the organisation's admin is alerted (R-5.4)."""
    return record(
        complaint, EventType.ROUTING_FAILED, role=ActorRole.SYSTEM, data={"reason": reason}
    )


def officer_assigned(
    complaint, *, officer, previous, by, role: ActorRole, reason: str
) -> CaseEvent:
    return record(
        complaint,
        EventType.OFFICER_ASSIGNED,
        role=role,
        actor=by,
        data={
            "officer_id": officer.pk,
            "officer": officer.display_name,
            "previous_officer_id": previous.pk if previous else None,
            "reason": reason,
        },
    )


def handling_started(complaint, *, by, status_from: str) -> CaseEvent:
    return record(
        complaint,
        EventType.HANDLING_STARTED,
        role=ActorRole.OFFICER,
        actor=by,
        visible=True,
        data={"status_from": status_from, "status_to": complaint.status},
    )


def subjects_changed(
    complaint, *, by, added: list, removed: list, suggested: list[dict] | None = None
) -> CaseEvent:
    """The officer (re)classified the complaint (R-8.1, R-8.2). With `suggested` (the
    subjects the system had suggested, {"id", "name"}), the data also says whether the
    officer's choice was exactly that suggestion."""
    data: dict[str, Any] = {
        "added": [{"id": s.pk, "name": s.name} for s in added],
        "removed": [{"id": s.pk, "name": s.name} for s in removed],
    }
    if suggested is not None:
        chosen = {s.pk for s in complaint.subjects.all()}
        data["suggested"] = [{"id": s["id"], "name": s["name"]} for s in suggested]
        data["suggestion_followed"] = chosen == {s["id"] for s in suggested}
    return record(
        complaint, EventType.SUBJECTS_CHANGED, role=ActorRole.OFFICER, actor=by, data=data
    )


def subjects_suggested(complaint, *, suggestions: list[dict]) -> CaseEvent:
    """The system suggested subjects, learned from the organisation's own earlier complaints
    (R-8.1); `suggestions` holds {"id", "name", "score"} per subject, best first."""
    return record(
        complaint,
        EventType.SUBJECTS_SUGGESTED,
        role=ActorRole.SYSTEM,
        data={"suggestions": suggestions},
    )


def statistics_recorded(complaint, *, outcome: str, subjects: list) -> CaseEvent:
    """The ended complaint was counted in the anonymous statistics (R-8.1, R-8.3)."""
    return record(
        complaint,
        EventType.STATISTICS_RECORDED,
        role=ActorRole.SYSTEM,
        data={"outcome": outcome, "subjects": [{"id": s.pk, "name": s.name} for s in subjects]},
    )


def note_added(complaint, *, by, text: str) -> CaseEvent:
    """An internal note: never shown to the complainant."""
    return record(
        complaint, EventType.NOTE_ADDED, role=ActorRole.OFFICER, actor=by, data={"text": text}
    )


def attachment_added(complaint, *, attachment, by, role: ActorRole) -> CaseEvent:
    return record(
        complaint,
        EventType.ATTACHMENT_ADDED,
        role=role,
        actor=by,
        visible=role == ActorRole.COMPLAINANT,
        data={
            "attachment_id": str(attachment.pk),
            "kind": attachment.kind,
            "filename": attachment.filename,
            "content_type": attachment.content_type,
            "size": attachment.size,
            "sha256": attachment.sha256,
        },
        content=attachment,
    )


def deadline_extended(complaint, *, extension, by) -> CaseEvent:
    """R-5.5: the term was extended with reasons; the complainant was told in writing."""
    return record(
        complaint,
        EventType.DEADLINE_EXTENDED,
        role=ActorRole.OFFICER,
        actor=by,
        visible=True,
        data={
            "extension_id": extension.pk,
            "number": extension.number,
            "previous_deadline": extension.previous_deadline.isoformat(),
            "new_deadline": extension.new_deadline.isoformat(),
            "original_deadline": complaint.original_deadline.isoformat(),
            "reason": extension.reason,
            "reason_category": extension.reason_category,
            "announced_in_time": clock.local_date(extension.extended_at)
            <= extension.previous_deadline,
            "letter_id": str(extension.letter_id),
        },
        content=extension,
    )


def deadline_passed(complaint, *, alerted: int) -> CaseEvent:
    """R-7.1: the term passed without a judgment or an extension; the admin was alerted."""
    return record(
        complaint,
        EventType.DEADLINE_PASSED,
        role=ActorRole.SYSTEM,
        data={
            "deadline": complaint.deadline.isoformat(),
            "status": complaint.status,
            "alerted": alerted,
        },
    )


def _message_data(message) -> dict[str, Any]:
    return {
        "message_id": message.pk,
        "kind": message.kind,
        "recipient_role": message.recipient_role,
    }


def message_queued(complaint, *, message) -> CaseEvent:
    event = record(
        complaint,
        EventType.MESSAGE_QUEUED,
        role=ActorRole.SYSTEM,
        visible=message.recipient_role == ActorRole.COMPLAINANT,
        data=_message_data(message),
    )
    if (dossier := _in_new_dossier(complaint)) is not None:
        dossier.messages.append(message)  # what its compliance status reads
        if message.pk is None:  # inserted when the block ends (outbox._store)
            dossier.queued.append((event, message))
    return event


def message_sent(complaint, *, message) -> CaseEvent:
    return record(
        complaint,
        EventType.MESSAGE_SENT,
        role=ActorRole.SYSTEM,
        visible=message.recipient_role == ActorRole.COMPLAINANT,
        data={**_message_data(message), "attempts": message.attempts},
    )


def message_posted(complaint, *, message, by) -> CaseEvent:
    """Issue 16: the letter was posted; its date counts as the delivery (R-7.3)."""
    return record(
        complaint,
        EventType.MESSAGE_POSTED,
        role=ActorRole.OFFICER,
        actor=by,
        visible=True,
        data={**_message_data(message), "posted_on": message.posted_on.isoformat()},
    )


def message_failed(complaint, *, message) -> CaseEvent:
    return record(
        complaint,
        EventType.MESSAGE_FAILED,
        role=ActorRole.SYSTEM,
        data={**_message_data(message), "attempts": message.attempts, "error": message.last_error},
    )


def mail_received(complaint, *, mail, role: ActorRole, stored: list, refused: list) -> CaseEvent:
    """A party's e-mail, threaded into the dossier (R-7.4): the sender, the text and the
    attachments kept (`stored`) or refused with the reason (`refused`)."""
    return record(
        complaint,
        EventType.MAIL_RECEIVED,
        role=role,
        visible=role == ActorRole.COMPLAINANT,
        data={
            "mail_id": mail.pk,
            "from": mail.from_address,
            "subject": mail.subject,
            "received_at": mail.received_at.isoformat(),
            "text": mail.text,
            "attachments": [str(a.pk) for a in stored],
            "refused": refused,
        },
    )


def hold_set(complaint, *, hold, by, role: ActorRole) -> CaseEvent:
    """R-8.5: a hold by hand (e.g. legal proceedings) blocks destruction."""
    return record(
        complaint,
        EventType.HOLD_SET,
        role=role,
        actor=by,
        data={"hold_id": hold.pk, "kind": hold.kind, "reason": hold.reason},
    )


def hold_lifted(complaint, *, hold, by, role: ActorRole) -> CaseEvent:
    return record(
        complaint,
        EventType.HOLD_LIFTED,
        role=role,
        actor=by,
        data={"hold_id": hold.pk, "kind": hold.kind, "reason": hold.lift_reason},
    )
