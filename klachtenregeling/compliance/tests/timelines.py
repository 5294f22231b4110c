"""Timelines for the rule tables: dossiers written by hand, sealed like the real ones.

Days count from the receipt (day 0 = Monday 2 March 2026); the term ends on day 28.
"""

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from klachtenregeling.audit import chain
from klachtenregeling.audit.constants import EventType as T
from klachtenregeling.compliance.timeline import Event, Facts, Message, Read, Retention

RECEIVED = date(2026, 3, 2)
DEADLINE = RECEIVED + timedelta(days=28)
OFFICER, OTHER_OFFICER, RESPONDENT = 10, 11, 20


def day(n: int) -> date:
    return RECEIVED + timedelta(days=n)


def step(type_, n=0, *, actor=None, role="system", **data):
    """An unsealed event on day n: (type, day, actor, role, data)."""
    return (type_, n, actor, role, data)


def intake(*, channel="web", concerns=("quality",), engagement=1, respondent=None, subjects=()):
    return step(
        T.REGISTERED if channel in ("email", "letter") else T.SUBMITTED,
        0,
        actor=OFFICER if channel in ("email", "letter") else None,
        role="officer" if channel in ("email", "letter") else "complainant",
        channel=channel,
        concerns=list(concerns),
        engagement_id=engagement,
        engagement_described=False,
        respondent_id=respondent,
        subjects=[{"id": s, "name": f"s{s}"} for s in subjects],
    )


def routed(n=0, officer=OFFICER):
    return step(T.ROUTED, n, officer_id=officer)


def queued(message_id, kind, n=0, to="complainant"):
    return step(T.MESSAGE_QUEUED, n, message_id=message_id, kind=kind, recipient_role=to)


def sent(message_id, kind, n=0, to="complainant"):
    return step(T.MESSAGE_SENT, n, message_id=message_id, kind=kind, recipient_role=to)


def failed(message_id, kind, n=0, to="complainant"):
    return step(T.MESSAGE_FAILED, n, message_id=message_id, kind=kind, recipient_role=to)


def by_officer(type_, n, officer=OFFICER, **data):
    return step(type_, n, actor=officer, role="officer", **data)


def statement(party, n):
    return step(T.STATEMENT_GIVEN, n, actor=None, role=party, party=party)


def judgment(n, text="t1", judgment_id=1):
    return by_officer(T.JUDGMENT_ISSUED, n, judgment_id=judgment_id, text_sha256=text)


def signed(signer, n, text="t1"):
    return step(T.SIGNED, n, role=signer, signer=signer, text_sha256=text)


def extended(n, previous, new):
    return by_officer(
        T.DEADLINE_EXTENDED, n, previous_deadline=previous.isoformat(), new_deadline=new.isoformat()
    )


# A complaint as filed: the intake, routing and the acknowledgement.
FILED = [intake(), routed(), queued(1, "acknowledgement")]
FILED_ABOUT = [intake(respondent=RESPONDENT), routed(), queued(1, "acknowledgement")]


def sealed(steps, complaint_id=1) -> tuple[Event, ...]:
    events, prev = [], chain.GENESIS
    for seq, (type_, n, actor, role, data) in enumerate(steps, start=1):
        at = datetime.combine(day(n), time(10, 0), tzinfo=UTC)
        event = Event(
            seq=seq,
            type=type_,
            at=at,
            on=day(n),
            actor_id=actor,
            actor_role=role,
            data=data,
            complaint_id=complaint_id,
            visible_to_complainant=False,
            prev_sha256=prev,
        )
        event = replace(event, sha256=chain.event_digest(event, prev))
        events.append(event)
        prev = event.sha256
    return tuple(events)


def facts(steps, *, today=5, status="in_handling", messages=(), reads=(), retention=None) -> Facts:
    """`messages`: (id, kind, role, status); `reads`: (actor id, day); `retention`: R-8.5's
    facts (Retention)."""
    return Facts(
        status=status,
        received_on=RECEIVED,
        original_deadline=DEADLINE,
        today=day(today),
        events=sealed(steps),
        messages=tuple(Message(*m) for m in messages),
        reads=tuple(Read(actor, day(n)) for actor, n in reads),
        retention=retention or Retention(),
    )
