"""What a compliance check reads and what it answers: plain values, no database.

`Facts` is one complaint as its dossier tells it — the case events in order, the outbox
messages' delivery, the logged reads, a few fields fixed at receipt — and today. Nothing
in it is a flag someone could tick off: every check is computed from the steps recorded.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .constants import Verdict


@dataclass(frozen=True)
class Event:
    """One case event, with the fields the hash chain (audit/chain.py) covers."""

    seq: int
    type: str
    at: datetime
    on: date  # the Amsterdam calendar date of `at`
    actor_id: int | None
    actor_role: str
    data: dict[str, Any] = field(default_factory=dict)
    complaint_id: int = 0
    visible_to_complainant: bool = False
    prev_sha256: str = ""
    sha256: str = ""
    chain_version: int = 1
    organisation_id: int | None = None


@dataclass(frozen=True)
class Message:
    """One outbox message about the complaint: to whom, and how its delivery stands."""

    id: int
    kind: str
    recipient_role: str
    status: str  # notifications.models.DeliveryStatus


@dataclass(frozen=True)
class Read:
    """One logged read of the dossier (R-6.2): by whom (None: the complainant's link), when."""

    actor_id: int | None
    on: date


@dataclass(frozen=True)
class Retention:
    """What R-8.5 reads beyond the case events: the day the complaint ended (its statistics
    row), the day of the first recorded review that covers that day (Art. 8: its reports'
    periods, before the meeting), and what a destruction list decided about it."""

    ended_on: date | None = None
    reviewed_on: date | None = None
    listed_until: date | None = None  # on a confirmed list: the end of its cooling-off
    excluded_on: date | None = None  # left off a list by an officer, with a reason
    excluded_reason: str = ""


@dataclass(frozen=True)
class Facts:
    status: str
    received_on: date
    original_deadline: date
    today: date
    events: tuple[Event, ...]
    messages: tuple[Message, ...] = ()
    reads: tuple[Read, ...] = ()
    at_risk_days: int = 5
    retention: Retention = Retention()
    destruction_days: int = 90


@dataclass(frozen=True)
class Evidence:
    """A step that proves (part of) a rule: the event's label and its date."""

    label: str
    on: date


@dataclass(frozen=True)
class Finding:
    """How one rule stands for one complaint.

    `rule` is the internal id (R-5.5) for code, logs and tests — never shown to users;
    `title` names the published article in words."""

    rule: str
    title: str
    verdict: Verdict
    evidence: tuple[Evidence, ...] = ()
    missing: str = ""
    since: date | None = None
    # A "not yet due" that only a recorded step can change (not the passing of time): the
    # stored verdicts need no daily recheck for it (compliance/stored.py).
    waits_for_step: bool = False
