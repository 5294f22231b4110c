"""Bring a complaint to a point in the procedure through the real services, and look at
what a step left behind (case events, outbox messages). Shared by the service tests and
the state-machine test."""

import re
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from klachtenregeling.audit.models import CaseEvent
from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core import clock
from klachtenregeling.handling import services
from klachtenregeling.handling.constants import Answer, Verdict
from klachtenregeling.notifications.models import OutboxMessage
from klachtenregeling.organisations import services as list_services
from klachtenregeling.organisations.models import Cause, Subject
from klachtenregeling.portal import tokens
from klachtenregeling.retention.models import Hold


def link_for(complaint):
    """A fresh, valid personal link of the complainant (as the messages carry)."""
    return tokens.find(tokens.issue(complaint, purpose="test"))


def fresh(complaint) -> Complaint:
    return Complaint.objects.get(pk=complaint.pk)


def start(complaint, officer) -> Complaint:
    complaint_services.complaint_start_handling(complaint=complaint, by=officer)
    return fresh(complaint)


def notify(complaint, officer) -> Complaint:
    services.respondent_notify(complaint=complaint, by=officer)
    return fresh(complaint)


def hear_both(complaint, officer, respondent=None) -> Complaint:
    """R-5.2: the respondent (if any) is informed and both sides give their account."""
    if complaint.respondent_id is not None and complaint.respondent_notified_at is None:
        complaint = notify(complaint, officer)
    services.statement_give_as_complainant(
        complaint=complaint, text="Mijn kant van het verhaal.", link=link_for(complaint)
    )
    if complaint.respondent_id is not None:
        services.statement_give_as_staff(
            complaint=complaint,
            text="Mijn kant als trainer.",
            by=respondent or complaint.respondent,
        )
    return fresh(complaint)


def classify(complaint, officer, names=("Planning",)) -> Complaint:
    """R-8.1: the officer registers the complaint's subject(s), adding them to the
    organisation's list first when missing (through the real services)."""
    ids = []
    for name in names:
        subject = Subject.objects.filter(organisation=complaint.organisation, name=name).first()
        if subject is None:
            subject = list_services.subject_add(
                organisation=complaint.organisation, name=name, by=officer
            )
        ids.append(subject.pk)
    complaint_services.complaint_set_subjects(complaint=complaint, subject_ids=ids, by=officer)
    return fresh(complaint)


def cause_in(organisation, officer, name="Communicatie") -> int:
    """R-3.2: a cause of the organisation in use (added to its list when missing)."""
    cause = Cause.objects.filter(organisation=organisation, name=name).first()
    if cause is None:
        cause = list_services.cause_add(organisation=organisation, name=name, by=officer)
    return cause.pk


def cause_for(complaint, officer, name="Communicatie") -> int:
    """R-3.2: a cause of the complaint's organisation in use (added when missing)."""
    return cause_in(complaint.organisation, officer, name)


def judge(complaint, officer, *, verdict=Verdict.PARTLY, reasoning="Deels terecht.", recs=()):
    """The judgment is sent, the complaint registered with a subject first if it has none."""
    if not complaint.subjects.exists():
        classify(complaint, officer)
    return services.judgment_issue(
        complaint=complaint,
        verdict=verdict,
        reasoning=reasoning,
        recommendations=list(recs) or ["Begin op tijd."],
        by=officer,
    )


def accept(complaint, judgment):
    return services.judgment_answer(
        complaint=complaint,
        answer=Answer.ACCEPTED,
        shown_sha256=judgment.text_sha256,
        link=link_for(complaint),
    )


def decline(complaint, judgment, comment="Ik ben het er niet mee eens."):
    return services.judgment_answer(
        complaint=complaint,
        answer=Answer.DECLINED,
        shown_sha256=judgment.text_sha256,
        comment=comment,
        link=link_for(complaint),
    )


def resolve(complaint, officer):
    """Heard, judged, accepted and signed by all: status 'resolved'."""
    complaint = hear_both(complaint, officer)
    judgment = judge(complaint, officer)
    accept(complaint, judgment)
    services.judgment_sign(complaint=complaint, shown_sha256=judgment.text_sha256, by=officer)
    if complaint.respondent_id is not None:
        services.judgment_sign(
            complaint=complaint, shown_sha256=judgment.text_sha256, by=complaint.respondent
        )
    return fresh(complaint)


def unresolve(complaint, officer):
    complaint = hear_both(complaint, officer)
    decline(complaint, judge(complaint, officer))
    return fresh(complaint)


def refer(complaint, officer):
    services.referral_record(
        complaint=complaint, referred_on=clock.today(), body_reference="GC-1", by=officer
    )
    return fresh(complaint)


@dataclass(frozen=True)
class Mark:
    """Where the dossier and the outbox stood before a step."""

    seq: int
    outbox_pk: int


def mark(complaint) -> Mark:
    last_event = CaseEvent.objects.filter(complaint=complaint).order_by("-seq").first()
    last_message = OutboxMessage.objects.order_by("-pk").first()
    return Mark(
        seq=last_event.seq if last_event else 0,
        outbox_pk=last_message.pk if last_message else 0,
    )


def events_since(complaint, since: Mark, type_: str | None = None) -> list[CaseEvent]:
    found = CaseEvent.objects.filter(complaint=complaint, seq__gt=since.seq).order_by("seq")
    if type_ is not None:
        found = found.filter(type=type_)
    return list(found)


def messages_since(complaint, since: Mark) -> list[OutboxMessage]:
    return list(
        OutboxMessage.objects.filter(complaint=complaint, pk__gt=since.outbox_pk).order_by("pk")
    )


def sent(messages) -> set[tuple[str, str, str]]:
    """(kind, recipient role, address) of each message."""
    return {(m.kind, m.recipient_role, m.to_email) for m in messages}


def assert_subjects_name_only_the_reference(messages, complaint, *people) -> None:
    """A subject line carries the reference, never a name (R-6.1)."""
    names = [complaint.complainant_name, *(p.display_name for p in people if p is not None)]
    # Whole words that are part of a name (not particles such as "van" or "de").
    words = {word for name in names for word in name.split() if word[:1].isupper()}
    for message in messages:
        assert complaint.reference in message.subject, message.subject
        for name in names:
            assert name not in message.subject, (name, message.subject)
        for word in words:
            assert not re.search(rf"\b{re.escape(word)}\b", message.subject), (word, message)


def snapshot(complaint) -> tuple:
    """What a refused step must leave exactly as it was."""
    current = fresh(complaint)
    return (
        current.status,
        current.version,
        list(Hold.objects.filter(complaint=current).values_list("kind", "lifted_at")),
        current.respondent_id,
        CaseEvent.objects.filter(complaint=complaint).count(),
        OutboxMessage.objects.filter(complaint=complaint).count(),
        current.attachments.count(),
        current.statements.count(),
        current.waivers.count(),
        current.proposals.count(),
        current.judgments.count(),
        sum(j.signatures.count() for j in current.judgments.all()),
    )


@contextmanager
def unchanged(complaint):
    """`with unchanged(c), pytest.raises(X): ...` — the refused step changed nothing."""
    before = snapshot(complaint)
    yield
    assert snapshot(complaint) == before


@contextmanager
def later(days: int):
    """Time moves on by `days` (the clock, never sleep)."""
    with clock.frozen(clock.now() + timedelta(days=days)) as moment:
        yield moment
