"""The regulation held against one complaint, rule by rule (issue 14): pure functions.

Each `check_rX_Y(facts)` answers how rule R-X.Y (docs/regulation.md) stands for one
complaint, computed from its dossier (timeline.Facts) alone: met (with the steps that prove
it), not yet due, at risk (due within `facts.at_risk_days`), breached (what is missing and
since when) or not applicable. Rules that do not concern a single complaint are listed in
the README ("Proving compliance").
"""

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, timedelta

from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _

from klachtenregeling.audit import chain
from klachtenregeling.audit.constants import ActorRole, EventType
from klachtenregeling.complaints.constants import (
    FINAL_STATUSES,
    REGISTERED_CHANNELS,
    AttachmentKind,
    Concern,
)
from klachtenregeling.complaints.rules.deadlines import (
    ExtensionFact,
    TermOutcome,
    days_left,
    term_outcome,
)
from klachtenregeling.handling.constants import Answer
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import DeliveryStatus

from .constants import Verdict
from .timeline import Event, Evidence, Facts, Finding

# The published article, in words (users never see the internal id).
TITLES = {
    "R-1.1": _("Article 1: the complaint is in writing"),
    "R-1.2": _("Article 1: what the complaint concerns"),
    "R-2.1": _("Article 2: the engagement the complaint is about"),
    "R-4.2": _("Article 4: the disputes body named in the acknowledgement"),
    "R-5.1": _("Article 5: a complaints officer handles the complaint"),
    "R-5.2": _("Article 5: both sides heard before the judgment"),
    "R-5.3": _("Article 5: proposed solutions answered"),
    "R-5.4": _("Article 5: not handled by the person complained about"),
    "R-5.5": _("Article 5: a judgment within the term"),
    "R-5.6": _("Article 5: the judgment in writing to both sides"),
    "R-5.7": _("Article 5: the judgment signed when resolved"),
    "R-6.2": _("Article 6: every read of the dossier logged"),
    "R-6.3": _("Article 6: handling free of charge"),
    "R-7.3": _("Article 7: the complainant informed of each step"),
    "R-7.4": _("Article 7: a complete and unchanged dossier"),
    "R-8.1": _("Article 8: registered with its subject"),
}

INTAKE = (EventType.SUBMITTED, EventType.REGISTERED)
DECISIONS = (EventType.JUDGMENT_ISSUED, EventType.NOT_ADMISSIBLE)
ENDINGS = (EventType.JUDGMENT_ISSUED, EventType.NOT_ADMISSIBLE, EventType.WITHDRAWN)
STAFF_ROLES = (ActorRole.OFFICER, ActorRole.RESPONDENT)
# Steps a staff member takes after opening the dossier (intake itself is excluded: the
# registering officer writes the complaint before there is a dossier to read).
STAFF_STEPS = frozenset(
    {
        EventType.HANDLING_STARTED,
        EventType.SUBJECTS_CHANGED,
        EventType.NOTE_ADDED,
        EventType.DEADLINE_EXTENDED,
        EventType.RESPONDENT_SET,
        EventType.RESPONDENT_NOTIFIED,
        EventType.HEARING_INVITED,
        EventType.STATEMENT_GIVEN,
        EventType.HEARING_WAIVED,
        EventType.UPDATE_ADDED,
        EventType.PROPOSAL_MADE,
        EventType.JUDGMENT_ISSUED,
        EventType.SIGNED,
        EventType.REFERRED,
        EventType.RULING_RECORDED,
        EventType.CLOSED,
        EventType.NOT_ADMISSIBLE,
    }
)
# the message each step sends the complainant.
STEP_MESSAGES = {
    EventType.SUBMITTED: MessageKind.ACKNOWLEDGEMENT,
    EventType.REGISTERED: MessageKind.ACKNOWLEDGEMENT,
    EventType.DEADLINE_EXTENDED: MessageKind.DEADLINE_EXTENDED,
    EventType.PROPOSAL_MADE: MessageKind.PROPOSAL,
    EventType.JUDGMENT_ISSUED: MessageKind.JUDGMENT,
    EventType.RESOLVED: MessageKind.RESOLVED,
    EventType.WITHDRAWN: MessageKind.WITHDRAWN,
    EventType.NOT_ADMISSIBLE: MessageKind.NOT_ADMISSIBLE,
    EventType.CLOSED: MessageKind.CLOSED,
}


# ---- reading the timeline --------------------------------------------------------------


def _of(facts: Facts, *types: str, before: int | None = None) -> list[Event]:
    return [e for e in facts.events if e.type in types and (before is None or e.seq < before)]


def _first(facts: Facts, *types: str) -> Event | None:
    return next((e for e in facts.events if e.type in types), None)


def _evidence(events: Iterable[Event]) -> tuple[Evidence, ...]:
    return tuple(Evidence(label=EventType(e.type).label, on=e.on) for e in events)


def _finding(rule: str, verdict: Verdict, evidence=(), missing="", since=None) -> Finding:
    return Finding(rule, TITLES[rule], verdict, tuple(evidence), missing, since)


def _ended(facts: Facts) -> bool:
    return facts.status in FINAL_STATUSES


def _decision(facts: Facts) -> Event | None:
    return _first(facts, *DECISIONS)


def _extensions(facts: Facts) -> list[ExtensionFact]:
    return [
        ExtensionFact(
            announced_on=e.on,
            previous_deadline=parse_date(e.data["previous_deadline"]),
            new_deadline=parse_date(e.data["new_deadline"]),
        )
        for e in _of(facts, EventType.DEADLINE_EXTENDED)
    ]


def current_deadline(facts: Facts) -> date:
    """The deadline as extended in time (an extension announced late does not count)."""
    deadline = facts.original_deadline
    for extension in sorted(_extensions(facts), key=lambda x: x.announced_on):
        if extension.announced_on <= extension.previous_deadline:
            deadline = max(deadline, extension.new_deadline)
    return deadline


def _pending(facts: Facts, rule: str, missing: str, evidence=()) -> Finding:
    """Not done yet, due with the judgment: at risk when that is near (or past)."""
    due = current_deadline(facts)
    if days_left(due, facts.today) <= facts.at_risk_days:
        return _finding(rule, Verdict.AT_RISK, evidence, missing, since=due)
    return _finding(rule, Verdict.NOT_YET_DUE, evidence, missing)


def _walk(facts: Facts, key: str, types: tuple) -> Callable[[int], int | None]:
    """Who held a role (respondent, officer) just after each event: a lookup by seq."""
    holder, by_seq = None, {}
    for e in facts.events:
        if e.type in INTAKE and key == "respondent_id":
            holder = e.data.get("respondent_id")
        elif e.type in types:
            holder = e.data.get(key)
        by_seq[e.seq] = holder
    return lambda seq: by_seq.get(seq)


def _respondent_at(facts: Facts) -> Callable[[int], int | None]:
    return _walk(facts, "respondent_id", (EventType.RESPONDENT_SET,))


def _officer_at(facts: Facts) -> Callable[[int], int | None]:
    return _walk(facts, "officer_id", (EventType.ROUTED, EventType.OFFICER_ASSIGNED))


def _queued(facts: Facts, role: str = ActorRole.COMPLAINANT) -> list[Event]:
    return [e for e in _of(facts, EventType.MESSAGE_QUEUED) if e.data.get("recipient_role") == role]


# ---- Article 1, 2, 4 -------------------------------------------------------------------


def check_r1_1(facts: Facts) -> Finding:
    """R-1.1: the complaint is written and its channel recorded; a complaint received by
    letter or e-mail keeps the original. Due at receipt: never pending."""
    intake = _first(facts, *INTAKE)
    if intake is None or not intake.data.get("channel"):
        return _finding(
            "R-1.1",
            Verdict.BREACHED,
            missing=_("The dossier does not record how the written complaint came in."),
            since=facts.received_on,
        )
    if intake.data["channel"] in REGISTERED_CHANNELS:
        originals = [
            e
            for e in _of(facts, EventType.ATTACHMENT_ADDED)
            if e.data.get("kind") == AttachmentKind.ORIGINAL
        ]
        if not originals:
            return _finding(
                "R-1.1",
                Verdict.BREACHED,
                _evidence([intake]),
                _("The original letter or e-mail is not kept in the dossier."),
                since=intake.on,
            )
        return _finding("R-1.1", Verdict.MET, _evidence([intake, originals[0]]))
    return _finding("R-1.1", Verdict.MET, _evidence([intake]))


def check_r1_2(facts: Facts) -> Finding:
    """R-1.2: the complaint names what it concerns (one or more). Due at receipt."""
    intake = _first(facts, *INTAKE)
    concerns = set(intake.data.get("concerns") or []) if intake else set()
    if concerns and concerns <= set(Concern.values):
        return _finding("R-1.2", Verdict.MET, _evidence([intake]))
    return _finding(
        "R-1.2",
        Verdict.BREACHED,
        _evidence([intake] if intake else []),
        _("The complaint does not say what it concerns."),
        since=facts.received_on,
    )


def check_r2_1(facts: Facts) -> Finding:
    """R-2.1: the complaint is linked to its engagement (chosen, or described). Due at
    receipt."""
    intake = _first(facts, *INTAKE)
    if intake and (intake.data.get("engagement_id") or intake.data.get("engagement_described")):
        return _finding("R-2.1", Verdict.MET, _evidence([intake]))
    return _finding(
        "R-2.1",
        Verdict.BREACHED,
        _evidence([intake] if intake else []),
        _("The complaint is not linked to an engagement, nor is one described."),
        since=facts.received_on,
    )


def _acknowledgement(facts: Facts, rule: str, missing: str) -> Finding:
    sent = [e for e in _queued(facts) if e.data.get("kind") == MessageKind.ACKNOWLEDGEMENT]
    if sent:
        return _finding(rule, Verdict.MET, _evidence(sent[:1]))
    return _finding(rule, Verdict.BREACHED, missing=missing, since=facts.received_on)


def check_r4_2(facts: Facts) -> Finding:
    """R-4.2: the acknowledgement, which names the disputes body, went to the complainant.
    Due at receipt (queued in the transaction that records the complaint)."""
    return _acknowledgement(
        facts, "R-4.2", _("No acknowledgement naming the disputes body was sent.")
    )


def check_r6_3(facts: Facts) -> Finding:
    """R-6.3: no fee exists anywhere in the system (met by construction); the
    acknowledgement, which says handling is free of charge, went to the complainant."""
    return _acknowledgement(
        facts, "R-6.3", _("No acknowledgement saying that handling is free of charge was sent.")
    )


# ---- Article 5 -------------------------------------------------------------------------


def check_r5_1(facts: Facts) -> Finding:
    """R-5.1: routed to an officer, by the end of the day of receipt."""
    routed = _first(facts, EventType.ROUTED, EventType.OFFICER_ASSIGNED)
    if routed is not None:
        return _finding("R-5.1", Verdict.MET, _evidence([routed]))
    if _ended(facts):
        return _finding("R-5.1", Verdict.NOT_APPLICABLE)
    missing = _("No complaints officer has been appointed.")
    if facts.today <= facts.received_on:
        return _finding("R-5.1", Verdict.AT_RISK, missing=missing, since=facts.received_on)
    return _finding(
        "R-5.1", Verdict.BREACHED, missing=missing, since=facts.received_on + timedelta(days=1)
    )


def check_r5_2(facts: Facts) -> Finding:
    """R-5.2: before the judgment the person complained about (if any) was informed, and
    each side gave an account or the reason it was not heard is recorded."""
    judgment = _first(facts, EventType.JUDGMENT_ISSUED)
    before = judgment.seq if judgment else None
    last = before - 1 if before else (facts.events[-1].seq if facts.events else 0)
    respondent = _respondent_at(facts)(last)
    steps, missing = [], []
    heard: dict[str, Event] = {}
    for e in _of(facts, EventType.STATEMENT_GIVEN, EventType.HEARING_WAIVED, before=before):
        heard.setdefault(e.data.get("party"), e)
    sides = [ActorRole.COMPLAINANT] + ([ActorRole.RESPONDENT] if respondent else [])
    waived = heard.get(ActorRole.RESPONDENT)
    if respondent and not (waived and waived.type == EventType.HEARING_WAIVED):
        informed = [
            e
            for e in _of(facts, EventType.RESPONDENT_NOTIFIED, before=before)
            if e.data.get("respondent_id") == respondent
        ]
        if informed:
            steps.append(informed[0])
        else:
            missing.append(_("The person complained about was not informed."))
    for side in sides:
        if side in heard:
            steps.append(heard[side])
        elif side == ActorRole.COMPLAINANT:
            missing.append(_("The complainant was not heard, nor is a reason recorded."))
        else:
            missing.append(
                _("The person complained about was not heard, nor is a reason recorded.")
            )
    steps.sort(key=lambda e: e.seq)
    if not missing:
        return _finding("R-5.2", Verdict.MET, _evidence(steps))
    text = " ".join(str(m) for m in missing)
    if judgment is not None:
        return _finding("R-5.2", Verdict.BREACHED, _evidence(steps), text, since=judgment.on)
    if _ended(facts) or _decision(facts):
        return _finding("R-5.2", Verdict.NOT_APPLICABLE, _evidence(steps))
    return _pending(facts, "R-5.2", text, _evidence(steps))


def check_r5_3(facts: Facts) -> Finding:
    """R-5.3: every proposed solution has the complainant's answer before the judgment
    (or the end of the complaint)."""
    proposals = _of(facts, EventType.PROPOSAL_MADE)
    if not proposals:
        return _finding("R-5.3", Verdict.NOT_APPLICABLE)
    answered = {e.data.get("proposal_id"): e for e in _of(facts, EventType.PROPOSAL_ANSWERED)}
    open_ = [p for p in proposals if p.data.get("proposal_id") not in answered]
    evidence = _evidence(
        sorted(
            proposals + [answered[p.data.get("proposal_id")] for p in proposals if p not in open_],
            key=lambda e: e.seq,
        )
    )
    if not open_:
        return _finding("R-5.3", Verdict.MET, evidence)
    missing = _("A proposed solution was not answered.")
    end = _first(facts, *ENDINGS)
    if end is not None:
        return _finding("R-5.3", Verdict.BREACHED, evidence, missing, since=end.on)
    return _pending(facts, "R-5.3", missing, evidence)


def check_r5_4(facts: Facts) -> Finding:
    """R-5.4: at no moment of the dossier was the handling officer the person complained
    about, nor did the person complained about act as an officer on it."""
    officer_at, respondent_at = _officer_at(facts), _respondent_at(facts)
    for e in facts.events:
        officer, respondent = officer_at(e.seq), respondent_at(e.seq)
        acted = (
            e.type in STAFF_STEPS and e.actor_role == ActorRole.OFFICER and e.actor_id == respondent
        )
        if respondent is not None and (officer == respondent or acted):
            return _finding(
                "R-5.4",
                Verdict.BREACHED,
                _evidence([e]),
                _("The person complained about handled the complaint."),
                since=e.on,
            )
    assigned = _of(facts, EventType.ROUTED, EventType.OFFICER_ASSIGNED, EventType.RESPONDENT_SET)
    if not _first(facts, EventType.ROUTED, EventType.OFFICER_ASSIGNED):
        verdict = Verdict.NOT_APPLICABLE if _ended(facts) else Verdict.NOT_YET_DUE
        return _finding("R-5.4", verdict, _evidence(assigned))
    return _finding("R-5.4", Verdict.MET, _evidence(assigned))


def check_r5_5(facts: Facts) -> Finding:
    """R-5.5: the judgment (or "not admissible") within the term, or within a term extended
    in writing, with reasons, before the deadline it replaced had passed."""
    decision = _decision(facts)
    outcome = term_outcome(
        original_deadline=facts.original_deadline,
        extensions=_extensions(facts),
        decided_on=decision.on if decision else None,
        ended=_ended(facts),
        today=facts.today,
    )
    evidence = _evidence(_of(facts, EventType.DEADLINE_EXTENDED) + ([decision] if decision else []))
    deadline = current_deadline(facts)
    if outcome in (TermOutcome.WITHIN_ORIGINAL, TermOutcome.WITHIN_EXTENDED):
        return _finding("R-5.5", Verdict.MET, evidence)
    if outcome == TermOutcome.NO_DECISION:
        return _finding("R-5.5", Verdict.NOT_APPLICABLE, evidence)
    missing = _("No judgment was given within the term, nor was the term extended in time.")
    if outcome in (TermOutcome.LATE, TermOutcome.OVERDUE):
        return _finding(
            "R-5.5", Verdict.BREACHED, evidence, missing, since=deadline + timedelta(days=1)
        )
    return _pending(facts, "R-5.5", _("The judgment is not given yet."), evidence)


def check_r5_6(facts: Facts) -> Finding:
    """R-5.6: the judgment went in writing to the complainant and to the person complained
    about (when there is one)."""
    judgment = _first(facts, EventType.JUDGMENT_ISSUED)
    if judgment is None:
        if _ended(facts) or _decision(facts):
            return _finding("R-5.6", Verdict.NOT_APPLICABLE)
        return _pending(facts, "R-5.6", _("The judgment is not given yet."))
    respondent = _respondent_at(facts)(judgment.seq)
    sides = [ActorRole.COMPLAINANT] + ([ActorRole.RESPONDENT] if respondent else [])
    sent = {
        e.data.get("recipient_role"): e
        for e in _of(facts, EventType.MESSAGE_QUEUED)
        if e.data.get("kind") == MessageKind.JUDGMENT and e.seq > judgment.seq
    }
    evidence = _evidence([judgment] + [sent[s] for s in sides if s in sent])
    if all(s in sent for s in sides):
        return _finding("R-5.6", Verdict.MET, evidence)
    return _finding(
        "R-5.6",
        Verdict.BREACHED,
        evidence,
        _("The judgment was not sent in writing to both sides."),
        since=judgment.on,
    )


def check_r5_7(facts: Facts) -> Finding:
    """R-5.7: a resolved complaint carries the signatures of complainant, officer and (when
    there is one) the person complained about, all on the current judgment text."""
    judgments = _of(facts, EventType.JUDGMENT_ISSUED)
    resolved = _first(facts, EventType.RESOLVED)
    if resolved is None:
        if _ended(facts) or _first(facts, EventType.REFERRED, EventType.NOT_ADMISSIBLE):
            return _finding("R-5.7", Verdict.NOT_APPLICABLE)
        declined = [
            e
            for e in _of(facts, EventType.JUDGMENT_ANSWERED)
            if e.data.get("answer") == Answer.DECLINED
        ]
        if declined and (not judgments or declined[-1].seq > judgments[-1].seq):
            return _finding("R-5.7", Verdict.NOT_APPLICABLE, _evidence(declined[-1:]))
        return _finding("R-5.7", Verdict.NOT_YET_DUE, _evidence(judgments[-1:]))
    current = [j for j in judgments if j.seq < resolved.seq][-1:]
    text = current[0].data.get("text_sha256") if current else None
    respondent = _respondent_at(facts)(resolved.seq)
    needed = {"complainant", "officer"} | ({"respondent"} if respondent else set())
    signatures = {
        e.data.get("signer"): e
        for e in _of(facts, EventType.SIGNED, before=resolved.seq)
        if text and e.data.get("text_sha256") == text and e.seq > current[0].seq
    }
    evidence = _evidence(current + sorted(signatures.values(), key=lambda e: e.seq) + [resolved])
    if needed <= signatures.keys() and resolved.data.get("text_sha256") == text:
        return _finding("R-5.7", Verdict.MET, evidence)
    return _finding(
        "R-5.7",
        Verdict.BREACHED,
        evidence,
        _("Resolved without every signature on the current text of the judgment."),
        since=resolved.on,
    )


# ---- Article 6, 7, 8 -------------------------------------------------------------------


def check_r6_2(facts: Facts) -> Finding:
    """R-6.2: every staff member who took a step on the complaint appears in its access log
    (a step is taken from the dossier page, whose every showing is logged)."""
    actors: dict[int, Event] = {}
    for e in facts.events:
        if e.type in STAFF_STEPS and e.actor_role in STAFF_ROLES and e.actor_id is not None:
            actors.setdefault(e.actor_id, e)
    if not actors:
        return _finding("R-6.2", Verdict.NOT_YET_DUE)
    readers = {r.actor_id: r for r in facts.reads if r.actor_id is not None}
    unlogged = [e for actor, e in actors.items() if actor not in readers]
    evidence = tuple(
        Evidence(label=_("dossier read, logged"), on=readers[a].on) for a in actors if a in readers
    )
    if not unlogged:
        return _finding("R-6.2", Verdict.MET, evidence)
    return _finding(
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
    queued = _queued(facts)
    kinds = Counter(e.data.get("kind") for e in queued)
    needed = Counter(STEP_MESSAGES[e.type] for e in facts.events if e.type in STEP_MESSAGES)
    unsent = [
        e
        for e in facts.events
        if e.type in STEP_MESSAGES and needed[STEP_MESSAGES[e.type]] > kinds[STEP_MESSAGES[e.type]]
    ]
    if unsent:
        return _finding(
            "R-7.3",
            Verdict.BREACHED,
            _evidence(unsent[:1]),
            _("A step was not notified to the complainant."),
            since=unsent[0].on,
        )
    outcomes = _deliveries(facts)
    delivered = [
        e
        for e in _of(facts, EventType.MESSAGE_SENT)
        if e.data.get("recipient_role") == ActorRole.COMPLAINANT
    ]
    evidence = _evidence(delivered)
    for state, event in outcomes.values():
        if state == "unhandled":
            return _finding(
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
        return _finding(
            "R-7.3",
            verdict,
            evidence,
            _("A message to the complainant is waiting to be delivered."),
            since=min(e.on for e in waiting) + timedelta(days=1) if late else None,
        )
    return _finding("R-7.3", Verdict.MET, evidence)


def _deliveries(facts: Facts) -> dict[int, tuple[str, Event]]:
    """Per message to the complainant: delivered, handled (failed, recorded, followed up),
    unhandled (failed, not followed up or not recorded) or waiting; with the event dated."""
    outbox = {m.id: m.status for m in facts.messages}
    sent = {e.data.get("message_id"): e for e in _of(facts, EventType.MESSAGE_SENT)}
    failed = {e.data.get("message_id"): e for e in _of(facts, EventType.MESSAGE_FAILED)}
    result = {}
    for queued in _queued(facts):
        pk = queued.data.get("message_id")
        if pk in sent or outbox.get(pk) == DeliveryStatus.SENT:
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
        return _finding(
            "R-7.4",
            Verdict.BREACHED,
            missing=_("The dossier has no events."),
            since=facts.received_on,
        )
    broken = chain.first_break(facts.events)
    last = facts.events[-1]
    if broken is None:
        return _finding("R-7.4", Verdict.MET, (Evidence(_("dossier verified up to"), last.on),))
    at = next((e for e in facts.events if e.seq >= broken.seq), last)
    return _finding(
        "R-7.4",
        Verdict.BREACHED,
        missing=_("The dossier was changed after it was written, or a step is missing."),
        since=at.on,
    )


def check_r8_1(facts: Facts) -> Finding:
    """R-8.1: the complaint is registered with at least one subject before its judgment (or
    its end); until then, pending with the term. A complaint the complainant withdrew
    before it was classified is counted without a subject."""
    end = _first(facts, *ENDINGS)
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
    counted = _of(facts, EventType.STATISTICS_RECORDED)
    if subjects:
        return _finding("R-8.1", Verdict.MET, _evidence(steps + counted))
    missing = _("No subject is registered.")
    if end is not None and end.type == EventType.WITHDRAWN and end.actor_role == "complainant":
        # Withdrawn through the personal link before the officer classified it: the
        # complainant cannot classify, so it is counted without a subject.
        return _finding("R-8.1", Verdict.NOT_APPLICABLE, _evidence([end, *counted]))
    if end is not None:
        return _finding("R-8.1", Verdict.BREACHED, _evidence(counted), missing, since=end.on)
    if _ended(facts):
        closed = _first(facts, EventType.CLOSED)
        return _finding("R-8.1", Verdict.BREACHED, missing=missing, since=closed and closed.on)
    return _pending(facts, "R-8.1", missing)


CHECKS: tuple[Callable[[Facts], Finding], ...] = (
    check_r1_1,
    check_r1_2,
    check_r2_1,
    check_r4_2,
    check_r5_1,
    check_r5_2,
    check_r5_3,
    check_r5_4,
    check_r5_5,
    check_r5_6,
    check_r5_7,
    check_r6_2,
    check_r6_3,
    check_r7_3,
    check_r7_4,
    check_r8_1,
)


def check_all(facts: Facts) -> list[Finding]:
    """Every rule that concerns a single complaint, in the order of the regulation."""
    return [check(facts) for check in CHECKS]
