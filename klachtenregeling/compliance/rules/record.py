"""Articles 6.2, 7 and 8: secrecy of reads, informing the complainant, the dossier, the subject."""

from collections import Counter
from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from klachtenregeling.audit import chain
from klachtenregeling.audit.constants import ActorRole, EventType
from klachtenregeling.notifications.models import DeliveryStatus

from ..constants import Verdict
from ..timeline import Event, Evidence, Facts, Finding
from .reading import (
    ENDINGS,
    INTAKE,
    STAFF_ROLES,
    STAFF_STEPS,
    STEP_MESSAGES,
    events_of,
    evidence_of,
    finding,
    first_of,
    is_ended,
    pending,
    queued_to,
)


def check_r6_2(facts: Facts) -> Finding:
    """R-6.2: every staff member who took a step on the complaint appears in its access log
    (a step is taken from the dossier page, whose every showing is logged)."""
    actors: dict[int, Event] = {}
    for e in facts.events:
        if e.type in STAFF_STEPS and e.actor_role in STAFF_ROLES and e.actor_id is not None:
            actors.setdefault(e.actor_id, e)
    if not actors:  # due with the first staff step, not by a date
        return finding("R-6.2", Verdict.NOT_YET_DUE, waits_for_step=True)
    readers = {r.actor_id: r for r in facts.reads if r.actor_id is not None}
    unlogged = [e for actor, e in actors.items() if actor not in readers]
    evidence = tuple(
        Evidence(label=_("dossier read, logged"), on=readers[a].on) for a in actors if a in readers
    )
    if not unlogged:
        return finding("R-6.2", Verdict.MET, evidence)
    return finding(
        "R-6.2",
        Verdict.BREACHED,
        evidence,
        _("Someone took a step on the complaint without a logged read of it."),
        since=min(e.on for e in unlogged),
    )


def check_r7_3(facts: Facts) -> Finding:
    """R-7.3: each step the complainant must hear of queued its message, and each message
    was delivered — or its failure was recorded and followed up (a note, or a later message
    that arrived)."""
    queued = queued_to(facts)
    kinds = Counter(e.data.get("kind") for e in queued)
    needed = Counter(STEP_MESSAGES[e.type] for e in facts.events if e.type in STEP_MESSAGES)
    unsent = [
        e
        for e in facts.events
        if e.type in STEP_MESSAGES and needed[STEP_MESSAGES[e.type]] > kinds[STEP_MESSAGES[e.type]]
    ]
    if unsent:
        return finding(
            "R-7.3",
            Verdict.BREACHED,
            evidence_of(unsent[:1]),
            _("A step was not notified to the complainant."),
            since=unsent[0].on,
        )
    outcomes = _deliveries(facts)
    delivered = [
        e
        for e in facts.events
        if e.type in (EventType.MESSAGE_SENT, EventType.MESSAGE_POSTED)
        and e.data.get("recipient_role") == ActorRole.COMPLAINANT
    ]
    evidence = evidence_of(delivered)
    for state, event in outcomes.values():
        if state == "unhandled":
            return finding(
                "R-7.3",
                Verdict.BREACHED,
                evidence,
                _("A message to the complainant could not be delivered and was not followed up."),
                since=event.on,
            )
    waiting = [event for state, event in outcomes.values() if state == "waiting"]
    if waiting:
        late = [e for e in waiting if e.on < facts.today]
        verdict = Verdict.AT_RISK if late else Verdict.NOT_YET_DUE
        return finding(
            "R-7.3",
            verdict,
            evidence,
            _("A message to the complainant is waiting to be delivered."),
            since=min(e.on for e in waiting) + timedelta(days=1) if late else None,
        )
    return finding("R-7.3", Verdict.MET, evidence)


def _deliveries(facts: Facts) -> dict[int, tuple[str, Event]]:
    """Per message to the complainant: delivered, handled (failed, recorded, followed up),
    unhandled (failed, not followed up or not recorded) or waiting; with the event dated."""
    outbox = {m.id: m.status for m in facts.messages}
    # Issue 16: a letter to a complainant without e-mail is delivered on the day it was posted.
    sent = {
        e.data.get("message_id"): e
        for e in facts.events
        if e.type in (EventType.MESSAGE_SENT, EventType.MESSAGE_POSTED)
    }
    failed = {e.data.get("message_id"): e for e in events_of(facts, EventType.MESSAGE_FAILED)}
    result = {}
    for queued in queued_to(facts):
        pk = queued.data.get("message_id")
        if pk in sent or outbox.get(pk) in (DeliveryStatus.SENT, DeliveryStatus.POSTED):
            result[pk] = ("delivered", sent.get(pk, queued))
        elif pk in failed:
            failure = failed[pk]
            followed = any(
                e.seq > failure.seq
                and (
                    e.type == EventType.NOTE_ADDED
                    or (
                        e.type == EventType.MESSAGE_SENT
                        and e.data.get("recipient_role") == ActorRole.COMPLAINANT
                    )
                )
                for e in facts.events
            )
            result[pk] = ("handled" if followed else "unhandled", failure)
        elif outbox.get(pk) == DeliveryStatus.FAILED:
            result[pk] = ("unhandled", queued)  # failed, but the failure is not recorded
        else:
            result[pk] = ("waiting", queued)
    return result


def check_r7_4(facts: Facts) -> Finding:
    """R-7.4: the dossier's hash chain verifies (audit/chain.py): no event changed, inserted
    or removed. Holds from the first event: never pending."""
    if not facts.events:
        return finding(
            "R-7.4",
            Verdict.BREACHED,
            missing=_("The dossier has no events."),
            since=facts.received_on,
        )
    broken = chain.first_break(facts.events)
    last = facts.events[-1]
    if broken is None:
        return finding("R-7.4", Verdict.MET, (Evidence(_("dossier verified up to"), last.on),))
    at = next((e for e in facts.events if e.seq >= broken.seq), last)
    return finding(
        "R-7.4",
        Verdict.BREACHED,
        missing=_("The dossier was changed after it was written, or a step is missing."),
        since=at.on,
    )


def check_r8_1(facts: Facts) -> Finding:
    """R-8.1: the complaint is registered with at least one subject before its judgment (or
    its end); until then, pending with the term. A complaint the complainant withdrew
    before it was classified is counted without a subject."""
    end = first_of(facts, *ENDINGS)
    subjects: set = set()
    steps = []
    for e in facts.events:
        if end is not None and e.seq >= end.seq:
            break
        if e.type in INTAKE:
            subjects = {s["id"] for s in e.data.get("subjects") or []}
            if subjects:
                steps = [e]
        elif e.type == EventType.SUBJECTS_CHANGED:
            subjects |= {s["id"] for s in e.data.get("added") or []}
            subjects -= {s["id"] for s in e.data.get("removed") or []}
            steps = [e] if subjects else []
    counted = events_of(facts, EventType.STATISTICS_RECORDED)
    if subjects:
        return finding("R-8.1", Verdict.MET, evidence_of(steps + counted))
    missing = _("No subject is registered.")
    if end is not None and end.type == EventType.WITHDRAWN and end.actor_role == "complainant":
        # Withdrawn through the personal link before the officer classified it: the
        # complainant cannot classify, so it is counted without a subject.
        return finding("R-8.1", Verdict.NOT_APPLICABLE, evidence_of([end, *counted]))
    if end is not None:
        return finding("R-8.1", Verdict.BREACHED, evidence_of(counted), missing, since=end.on)
    if is_ended(facts):
        closed = first_of(facts, EventType.CLOSED)
        return finding("R-8.1", Verdict.BREACHED, missing=missing, since=closed and closed.on)
    return pending(facts, "R-8.1", missing)
