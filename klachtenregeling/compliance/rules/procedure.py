"""Article 5: the internal procedure, from routing to the signatures."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from klachtenregeling.audit.constants import ActorRole, EventType
from klachtenregeling.complaints.rules.deadlines import (
    TermOutcome,
    term_outcome,
)
from klachtenregeling.handling.constants import Answer
from klachtenregeling.notifications.constants import MessageKind

from ..constants import Verdict
from ..timeline import Event, Facts, Finding
from .reading import (
    ENDINGS,
    STAFF_STEPS,
    current_deadline,
    events_of,
    evidence_of,
    extension_facts,
    finding,
    first_decision,
    first_of,
    is_ended,
    officer_at,
    pending,
    respondent_at,
)


def check_r5_1(facts: Facts) -> Finding:
    """R-5.1: routed to an officer, by the end of the day of receipt."""
    routed = first_of(facts, EventType.ROUTED, EventType.OFFICER_ASSIGNED)
    if routed is not None:
        return finding("R-5.1", Verdict.MET, evidence_of([routed]))
    if is_ended(facts):
        return finding("R-5.1", Verdict.NOT_APPLICABLE)
    missing = _("No complaints officer has been appointed.")
    if facts.today <= facts.received_on:
        return finding("R-5.1", Verdict.AT_RISK, missing=missing, since=facts.received_on)
    return finding(
        "R-5.1", Verdict.BREACHED, missing=missing, since=facts.received_on + timedelta(days=1)
    )


def check_r5_2(facts: Facts) -> Finding:
    """R-5.2: before the judgment the person complained about (if any) was informed, and
    each side gave an account or the reason it was not heard is recorded."""
    judgment = first_of(facts, EventType.JUDGMENT_ISSUED)
    before = judgment.seq if judgment else None
    last = before - 1 if before else (facts.events[-1].seq if facts.events else 0)
    respondent = respondent_at(facts)(last)
    steps, missing = [], []
    heard: dict[str, Event] = {}
    for e in events_of(facts, EventType.STATEMENT_GIVEN, EventType.HEARING_WAIVED, before=before):
        heard.setdefault(e.data.get("party"), e)
    sides = [ActorRole.COMPLAINANT] + ([ActorRole.RESPONDENT] if respondent else [])
    waived = heard.get(ActorRole.RESPONDENT)
    if respondent and not (waived and waived.type == EventType.HEARING_WAIVED):
        informed = [
            e
            for e in events_of(facts, EventType.RESPONDENT_NOTIFIED, before=before)
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
        return finding("R-5.2", Verdict.MET, evidence_of(steps))
    text = " ".join(str(m) for m in missing)
    if judgment is not None:
        return finding("R-5.2", Verdict.BREACHED, evidence_of(steps), text, since=judgment.on)
    if is_ended(facts) or first_decision(facts):
        return finding("R-5.2", Verdict.NOT_APPLICABLE, evidence_of(steps))
    return pending(facts, "R-5.2", text, evidence_of(steps))


def check_r5_3(facts: Facts) -> Finding:
    """R-5.3: every proposed solution has the complainant's answer before the judgment
    (or the end of the complaint)."""
    proposals = events_of(facts, EventType.PROPOSAL_MADE)
    if not proposals:
        return finding("R-5.3", Verdict.NOT_APPLICABLE)
    answered = {e.data.get("proposal_id"): e for e in events_of(facts, EventType.PROPOSAL_ANSWERED)}
    open_ = [p for p in proposals if p.data.get("proposal_id") not in answered]
    evidence = evidence_of(
        sorted(
            proposals + [answered[p.data.get("proposal_id")] for p in proposals if p not in open_],
            key=lambda e: e.seq,
        )
    )
    if not open_:
        return finding("R-5.3", Verdict.MET, evidence)
    missing = _("A proposed solution was not answered.")
    end = first_of(facts, *ENDINGS)
    if end is not None:
        return finding("R-5.3", Verdict.BREACHED, evidence, missing, since=end.on)
    return pending(facts, "R-5.3", missing, evidence)


def check_r5_4(facts: Facts) -> Finding:
    """R-5.4: at no moment of the dossier was the handling officer the person complained
    about, nor did the person complained about act as an officer on it."""
    officer_of, respondent_of = officer_at(facts), respondent_at(facts)
    for e in facts.events:
        officer, respondent = officer_of(e.seq), respondent_of(e.seq)
        acted = (
            e.type in STAFF_STEPS and e.actor_role == ActorRole.OFFICER and e.actor_id == respondent
        )
        if respondent is not None and (officer == respondent or acted):
            return finding(
                "R-5.4",
                Verdict.BREACHED,
                evidence_of([e]),
                _("The person complained about handled the complaint."),
                since=e.on,
            )
    assigned = events_of(
        facts, EventType.ROUTED, EventType.OFFICER_ASSIGNED, EventType.RESPONDENT_SET
    )
    if not first_of(facts, EventType.ROUTED, EventType.OFFICER_ASSIGNED):
        verdict = Verdict.NOT_APPLICABLE if is_ended(facts) else Verdict.NOT_YET_DUE
        return finding("R-5.4", verdict, evidence_of(assigned))
    return finding("R-5.4", Verdict.MET, evidence_of(assigned))


def check_r5_5(facts: Facts) -> Finding:
    """R-5.5: the judgment (or "not admissible") within the term, or within a term extended
    in writing, with reasons, before the deadline it replaced had passed."""
    decision = first_decision(facts)
    outcome = term_outcome(
        original_deadline=facts.original_deadline,
        extensions=extension_facts(facts),
        decided_on=decision.on if decision else None,
        ended=is_ended(facts),
        today=facts.today,
    )
    evidence = evidence_of(
        events_of(facts, EventType.DEADLINE_EXTENDED) + ([decision] if decision else [])
    )
    deadline = current_deadline(facts)
    if outcome in (TermOutcome.WITHIN_ORIGINAL, TermOutcome.WITHIN_EXTENDED):
        return finding("R-5.5", Verdict.MET, evidence)
    if outcome == TermOutcome.NO_DECISION:
        return finding("R-5.5", Verdict.NOT_APPLICABLE, evidence)
    missing = _("No judgment was given within the term, nor was the term extended in time.")
    if outcome in (TermOutcome.LATE, TermOutcome.OVERDUE):
        return finding(
            "R-5.5", Verdict.BREACHED, evidence, missing, since=deadline + timedelta(days=1)
        )
    return pending(facts, "R-5.5", _("The judgment is not given yet."), evidence)


def check_r5_6(facts: Facts) -> Finding:
    """R-5.6: the judgment went in writing to the complainant and to the person complained
    about (when there is one)."""
    judgment = first_of(facts, EventType.JUDGMENT_ISSUED)
    if judgment is None:
        if is_ended(facts) or first_decision(facts):
            return finding("R-5.6", Verdict.NOT_APPLICABLE)
        return pending(facts, "R-5.6", _("The judgment is not given yet."))
    respondent = respondent_at(facts)(judgment.seq)
    sides = [ActorRole.COMPLAINANT] + ([ActorRole.RESPONDENT] if respondent else [])
    sent = {
        e.data.get("recipient_role"): e
        for e in events_of(facts, EventType.MESSAGE_QUEUED)
        if e.data.get("kind") == MessageKind.JUDGMENT and e.seq > judgment.seq
    }
    evidence = evidence_of([judgment] + [sent[s] for s in sides if s in sent])
    if all(s in sent for s in sides):
        return finding("R-5.6", Verdict.MET, evidence)
    return finding(
        "R-5.6",
        Verdict.BREACHED,
        evidence,
        _("The judgment was not sent in writing to both sides."),
        since=judgment.on,
    )


def check_r5_7(facts: Facts) -> Finding:
    """R-5.7: a resolved complaint carries the signatures of complainant, officer and (when
    there is one) the person complained about, all on the current judgment text."""
    judgments = events_of(facts, EventType.JUDGMENT_ISSUED)
    resolved = first_of(facts, EventType.RESOLVED)
    if resolved is None:
        if is_ended(facts) or first_of(facts, EventType.REFERRED, EventType.NOT_ADMISSIBLE):
            return finding("R-5.7", Verdict.NOT_APPLICABLE)
        declined = [
            e
            for e in events_of(facts, EventType.JUDGMENT_ANSWERED)
            if e.data.get("answer") == Answer.DECLINED
        ]
        if declined and (not judgments or declined[-1].seq > judgments[-1].seq):
            return finding("R-5.7", Verdict.NOT_APPLICABLE, evidence_of(declined[-1:]))
        return finding("R-5.7", Verdict.NOT_YET_DUE, evidence_of(judgments[-1:]))
    current = [j for j in judgments if j.seq < resolved.seq][-1:]
    text = current[0].data.get("text_sha256") if current else None
    respondent = respondent_at(facts)(resolved.seq)
    needed = {"complainant", "officer"} | ({"respondent"} if respondent else set())
    signatures = {
        e.data.get("signer"): e
        for e in events_of(facts, EventType.SIGNED, before=resolved.seq)
        if text and e.data.get("text_sha256") == text and e.seq > current[0].seq
    }
    evidence = evidence_of(current + sorted(signatures.values(), key=lambda e: e.seq) + [resolved])
    if needed <= signatures.keys() and resolved.data.get("text_sha256") == text:
        return finding("R-5.7", Verdict.MET, evidence)
    return finding(
        "R-5.7",
        Verdict.BREACHED,
        evidence,
        _("Resolved without every signature on the current text of the judgment."),
        since=resolved.on,
    )
