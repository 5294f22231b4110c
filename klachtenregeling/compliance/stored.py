"""The current worst compliance status, stored on each complaint (issue 14).

`Complaint.compliance_status` (0 breached, 1 at risk, 2 in order) and `compliance_rule`
(the first rule, in the order of the regulation, with that verdict) are a cache of
`rules.check_all(facts)`, so that the officer's dashboard can order "breach and at risk
first" on an index; `compliance_verdicts` keeps every rule's verdict, so that the period's
compliance table is a grouped count instead of reading every dossier again, and
`compliance_recheck` says whether time alone can change them. They are written in three
places only:

* `store_after_event`, called by `audit.events.record` — the single writer of case events —
  in the step's own transaction, with the complaint row locked: every step ends with the
  status its dossier now has. The facts are those of that one complaint (three queries)
  plus one UPDATE. Not recomputed for the outbox's own events (message queued, message
  sent) when the stored status is already "in order": those can only make R-7.3 better,
  never a rule worse, and they are the most frequent events by far; the stored verdicts are
  then only marked to be checked again (`compliance_checked_at` NULL).
* `store_for_new_dossier`, the same for a complaint created in this transaction, once for
  its first events (audit.events.new_dossier): from the rows just written, not read back.
* `compliance_refresh_all`, run daily by the scheduler: time alone makes a rule at risk or
  breached, without any step. Complaints not checked today whose verdicts time can change
  (open ones, or a rule due by a date), and those marked to be checked again, in batches
  (a few queries and one UPDATE per batch, flat memory); running it again the same day
  does nothing.

Steps outside a dossier that change a verdict mark the complaints they concern to be
checked again (`mark_for_recheck`): a review recorded (R-8.5 becomes due for the ended
complaints it covers), a destruction list confirmed, cancelled or a line excluded.

The status stays recomputable from the dossier at any moment: a test holds it against
`selectors.compliance_for`.
"""

from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from klachtenregeling.audit.constants import EventType
from klachtenregeling.complaints.constants import OPEN_STATUSES, ComplianceStatus
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core import clock

from . import rules
from .constants import Verdict
from .facts import _event, facts_for, facts_for_batch
from .timeline import Facts, Finding, Message, Retention

BATCH = 500

LEVEL = {Verdict.BREACHED: ComplianceStatus.BREACHED, Verdict.AT_RISK: ComplianceStatus.AT_RISK}

# Events that can only improve the verdicts (a message queued or delivered): no
# recomputation while the stored status is already "in order".
ONLY_IMPROVE = frozenset(
    {EventType.MESSAGE_QUEUED, EventType.MESSAGE_SENT, EventType.MESSAGE_POSTED}
)

FIELDS = [
    "compliance_status",
    "compliance_rule",
    "compliance_checked_at",
    "compliance_breached_at",
    "compliance_verdicts",
    "compliance_recheck",
]

# One letter per verdict in `Complaint.compliance_verdicts`.
CODES = {
    Verdict.MET: "m",
    Verdict.NOT_APPLICABLE: "n",
    Verdict.NOT_YET_DUE: "y",
    Verdict.AT_RISK: "r",
    Verdict.BREACHED: "b",
}
VERDICT_OF = {code: verdict for verdict, code in CODES.items()}
PENDING = frozenset({Verdict.NOT_YET_DUE, Verdict.AT_RISK})


def encode(findings: Iterable[Finding]) -> str:
    return " ".join(f"{f.rule}:{CODES[f.verdict]}" for f in findings)


def decode(text: str) -> dict[str, Verdict] | None:
    """rule id → verdict; None when the text does not hold every rule checked today (never
    stored, or stored before a rule was added): then the dossier must be read again."""
    try:
        found = {
            rule: VERDICT_OF[code] for rule, code in (part.split(":") for part in text.split())
        }
    except (KeyError, ValueError):
        return None
    return found if found.keys() == rules.TITLES.keys() else None


def needs_recheck(status: str, findings: Iterable[Finding]) -> bool:
    """Whether time alone can change these verdicts: an open complaint, or a rule that is
    due by a date (not one waiting for a recorded step)."""
    return status in OPEN_STATUSES or any(
        f.verdict in PENDING and not f.waits_for_step for f in findings
    )


def worst(findings: Iterable[Finding]) -> tuple[int, str]:
    """(status, rule id): the worst verdict, and the first rule in the regulation's order
    that has it ("" when everything is in order)."""
    status, rule = ComplianceStatus.FINE, ""
    for finding in findings:
        level = LEVEL.get(finding.verdict, ComplianceStatus.FINE)
        if level < status:
            status, rule = level, finding.rule
    return int(status), rule


def _apply(complaint: Complaint, findings: list[Finding], now: datetime) -> None:
    """Set the stored fields on `complaint` (in memory) from its findings."""
    status, rule = worst(findings)
    if status != ComplianceStatus.BREACHED:
        breached_at = None
    elif complaint.compliance_status == ComplianceStatus.BREACHED:
        breached_at = complaint.compliance_breached_at or now
    else:
        breached_at = now  # it became breached now: news for the administrator's digest
    complaint.compliance_status = status
    complaint.compliance_rule = rule
    complaint.compliance_checked_at = now
    complaint.compliance_breached_at = breached_at
    complaint.compliance_verdicts = encode(findings)
    complaint.compliance_recheck = needs_recheck(complaint.status, findings)


def store_after_event(complaint: Complaint, event_type: str, stored: tuple) -> None:
    """After `event_type` was recorded on `complaint` (its row locked by the caller):
    recompute and store its worst status. `stored` is (compliance_status,
    compliance_breached_at) as read under the lock — the caller's object may be older."""
    if stored is None:
        return
    complaint.compliance_status, complaint.compliance_breached_at = stored
    if event_type in ONLY_IMPROVE and complaint.compliance_status == ComplianceStatus.FINE:
        Complaint.objects.filter(pk=complaint.pk).update(compliance_checked_at=None)
        return
    _apply(complaint, rules.check_all(facts_for(complaint)), clock.now())
    Complaint.objects.filter(pk=complaint.pk).update(
        **{name: getattr(complaint, name) for name in FIELDS}
    )


def store_for_new_dossier(complaint: Complaint, events, messages) -> None:
    """A complaint created in this transaction, with its first `events` (case events, in
    order) and the outbox `messages` they queued (audit.events.new_dossier): its status from
    those alone — no read has been logged and nothing has ended yet — in one UPDATE. The
    result equals `store_after_event` after each of them, without reading them back."""
    facts = Facts(
        status=complaint.status,
        received_on=clock.local_date(complaint.received_at),
        original_deadline=complaint.original_deadline,
        today=clock.today(),
        events=tuple(
            _event(
                e.seq,
                e.type,
                e.at,
                e.actor_id,
                e.actor_role,
                e.data,
                e.complaint_id,
                e.visible_to_complainant,
                e.prev_sha256,
                e.sha256,
                e.chain_version,
                e.organisation_id,
            )
            for e in events
        ),
        messages=tuple(Message(m.pk, m.kind, m.recipient_role, m.status) for m in messages),
        reads=(),
        at_risk_days=settings.COMPLIANCE_AT_RISK_DAYS,
        retention=Retention(),
        destruction_days=settings.COMPLIANCE_DESTRUCTION_DAYS,
    )
    _apply(complaint, rules.check_all(facts), clock.now())
    Complaint.objects.filter(pk=complaint.pk).update(
        **{name: getattr(complaint, name) for name in FIELDS}
    )


def compliance_refresh_all(batch: int = BATCH) -> int:
    """Recompute the stored verdicts of every complaint of every organisation that time
    can change and that was not checked today, or that is marked to be checked again;
    returns how many were checked. Idempotent: a second run on the same day finds nothing
    to do. Each batch is one transaction with its rows locked, so a step taken meanwhile is
    not overwritten with older facts."""
    now = clock.now()
    start = clock.start_of_day(clock.local_date(now))
    due = Complaint.objects.filter(
        Q(compliance_checked_at__isnull=True)
        | Q(compliance_recheck=True, compliance_checked_at__lt=start)
    )
    checked, last = 0, 0
    while True:
        with transaction.atomic():
            chunk = list(
                due.filter(pk__gt=last)
                .select_for_update(of=("self",))
                .only(
                    "pk",
                    "status",
                    "received_at",
                    "original_deadline",
                    "organisation_id",
                    *FIELDS,
                )
                .order_by("pk")[:batch]
            )
            if not chunk:
                return checked
            facts = facts_for_batch(chunk)
            for complaint in chunk:
                _apply(complaint, rules.check_all(facts[complaint.pk]), now)
            Complaint.objects.bulk_update(chunk, FIELDS)
        checked += len(chunk)
        last = chunk[-1].pk


def mark_for_recheck(complaints) -> int:
    """A step outside the dossier changed what a rule reads (R-8.5: a review, a destruction
    list): the stored verdicts of `complaints` (a queryset) are checked again by the next
    daily run, and read afresh by the period's table until then."""
    return complaints.update(compliance_checked_at=None)
