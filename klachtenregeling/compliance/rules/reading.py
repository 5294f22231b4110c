"""Reading a complaint's timeline for the checks: titles, step types and small readers."""

from collections.abc import Callable, Iterable
from datetime import date

from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _

from klachtenregeling.audit.constants import ActorRole, EventType
from klachtenregeling.complaints.constants import (
    FINAL_STATUSES,
)
from klachtenregeling.complaints.rules.deadlines import (
    ExtensionFact,
    days_left,
)
from klachtenregeling.notifications.constants import MessageKind

from ..constants import Verdict
from ..timeline import Event, Evidence, Facts, Finding

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
    "R-8.5": _("Article 8: destroyed after the yearly review"),
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


def events_of(facts: Facts, *types: str, before: int | None = None) -> list[Event]:
    return [e for e in facts.events if e.type in types and (before is None or e.seq < before)]


def first_of(facts: Facts, *types: str) -> Event | None:
    return next((e for e in facts.events if e.type in types), None)


def evidence_of(events: Iterable[Event]) -> tuple[Evidence, ...]:
    return tuple(Evidence(label=EventType(e.type).label, on=e.on) for e in events)


def finding(
    rule: str, verdict: Verdict, evidence=(), missing="", since=None, *, waits_for_step=False
) -> Finding:
    return Finding(rule, TITLES[rule], verdict, tuple(evidence), missing, since, waits_for_step)


def is_ended(facts: Facts) -> bool:
    return facts.status in FINAL_STATUSES


def first_decision(facts: Facts) -> Event | None:
    return first_of(facts, *DECISIONS)


def extension_facts(facts: Facts) -> list[ExtensionFact]:
    return [
        ExtensionFact(
            announced_on=e.on,
            previous_deadline=parse_date(e.data["previous_deadline"]),
            new_deadline=parse_date(e.data["new_deadline"]),
        )
        for e in events_of(facts, EventType.DEADLINE_EXTENDED)
    ]


def current_deadline(facts: Facts) -> date:
    """The deadline as extended in time (an extension announced late does not count)."""
    deadline = facts.original_deadline
    for extension in sorted(extension_facts(facts), key=lambda x: x.announced_on):
        if extension.announced_on <= extension.previous_deadline:
            deadline = max(deadline, extension.new_deadline)
    return deadline


def pending(facts: Facts, rule: str, missing: str, evidence=()) -> Finding:
    """Not done yet, due with the judgment: at risk when that is near (or past)."""
    due = current_deadline(facts)
    if days_left(due, facts.today) <= facts.at_risk_days:
        return finding(rule, Verdict.AT_RISK, evidence, missing, since=due)
    return finding(rule, Verdict.NOT_YET_DUE, evidence, missing)


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


def respondent_at(facts: Facts) -> Callable[[int], int | None]:
    return _walk(facts, "respondent_id", (EventType.RESPONDENT_SET,))


def officer_at(facts: Facts) -> Callable[[int], int | None]:
    return _walk(facts, "officer_id", (EventType.ROUTED, EventType.OFFICER_ASSIGNED))


def queued_to(facts: Facts, role: str = ActorRole.COMPLAINANT) -> list[Event]:
    return [
        e
        for e in events_of(facts, EventType.MESSAGE_QUEUED)
        if e.data.get("recipient_role") == role
    ]
