"""Reads of the compliance check (issue 14)."""

from collections.abc import Iterator
from datetime import timedelta

from django.db.models import Count, Q

from klachtenregeling.complaints.constants import OPEN_STATUSES
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core import clock
from klachtenregeling.reports.models import ComplaintStatistic

from . import rules
from .constants import Verdict
from .facts import facts_for, facts_for_batch
from .stored import decode
from .timeline import Finding

# Complaints per batch of the monitoring command: three queries per batch, flat memory.
BATCH = 500


def compliance_for(complaint: Complaint) -> list[Finding]:
    """Every rule that concerns a single complaint, as its dossier shows it today."""
    return rules.check_all(facts_for(complaint))


def compliance_of_open_complaints(batch: int = BATCH) -> Iterator[tuple[Complaint, list[Finding]]]:
    """(complaint, findings) for every open complaint of every organisation, in batches."""
    complaints = (
        Complaint.objects.filter(status__in=sorted(OPEN_STATUSES))
        .select_related("organisation")
        .only(
            "pk",
            "reference",
            "status",
            "received_at",
            "original_deadline",
            "organisation__slug",
            "organisation__name",
        )
        .order_by("pk")
    )
    chunk: list[Complaint] = []
    for complaint in complaints.iterator(chunk_size=batch):
        chunk.append(complaint)
        if len(chunk) == batch:
            yield from _checked(chunk)
            chunk = []
    if chunk:
        yield from _checked(chunk)


def _checked(chunk: list[Complaint]) -> Iterator[tuple[Complaint, list[Finding]]]:
    facts = facts_for_batch(chunk)
    for complaint in chunk:
        yield complaint, rules.check_all(facts[complaint.pk])


def _received_in(organisation, period):
    """The complaints of `organisation` received in `period` (Amsterdam days), as far as
    they still exist."""
    start = clock.start_of_day(period.start)
    after = clock.start_of_day(period.end + timedelta(days=1))
    return Complaint.objects.filter(
        organisation=organisation, received_at__gte=start, received_at__lt=after
    )


def _fresh_today() -> Q:
    """Stored verdicts that still hold: checked today, or checked at all when time alone
    cannot change them (compliance/stored.py)."""
    today = clock.start_of_day(clock.today())
    return Q(compliance_checked_at__gte=today) | Q(
        compliance_checked_at__isnull=False, compliance_recheck=False
    )


def _chunks(queryset, batch: int) -> Iterator[list]:
    chunk: list = []
    for row in queryset.iterator(chunk_size=batch):
        chunk.append(row)
        if len(chunk) == batch:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def compliance_table(organisation, period, *, batch: int = BATCH) -> dict:
    """Per rule, how many complaints received in `period` met it, breached it, are at risk,
    not yet due or not concerned (R-8.3, issue 14), as their dossiers show it today.

    The verdicts stored with each complaint (compliance/stored.py) are counted with one
    grouped query — complaints share a few hundred combinations at most; only complaints
    whose stored verdicts may be out of date (not checked today although time can change
    them, or marked to be checked again) have their dossiers read, in batches of `batch`
    (facts.facts_for_batch), so memory stays flat whatever the number of complaints.

    Only complaints that still exist are checked: a destroyed complaint has no dossier any
    more (R-8.5), so nothing is claimed about it beyond its destruction record: the period's
    destroyed complaints are counted apart (`destroyed`, from the anonymous statistics) and
    as met for R-8.5. The result is plain JSON:

        {"period": {...}, "as_of": "2026-12-01", "checked": n, "destroyed": n,
         "chain_verified": n,
         "rows": [{"rule": "R-1.1", "title": "Article 1: ...", "met": n, "breached": n,
                   "at_risk": n, "not_yet_due": n, "not_applicable": n}, ...]}

    `rule` is the internal id (for code and tests); pages show `title` only. Titles are in
    the language active when it is computed (a finalised report freezes them).
    """
    counts = {rule: dict.fromkeys(Verdict.values, 0) for rule in rules.TITLES}
    checked = 0
    received = _received_in(organisation, period)
    stale = []
    grouped = (
        received.filter(_fresh_today())
        .order_by()
        .values_list("compliance_verdicts")
        .annotate(n=Count("pk"))
    )
    for text, n in grouped:
        verdicts = decode(text)
        if verdicts is None:
            stale.append(text)
            continue
        for rule, verdict in verdicts.items():
            counts[rule][verdict] += n
        checked += n
    outdated = received.filter(~_fresh_today() | Q(compliance_verdicts__in=stale))
    fields = ("pk", "status", "received_at", "original_deadline")
    for chunk in _chunks(outdated.only(*fields).order_by("pk"), batch):
        facts = facts_for_batch(chunk)
        for complaint in chunk:
            for finding in rules.check_all(facts[complaint.pk]):
                counts[finding.rule][finding.verdict] += 1
        checked += len(chunk)
        del facts, chunk
    destroyed = ComplaintStatistic.objects.filter(
        organisation=organisation,
        received_on__range=(period.start, period.end),
        complaint__isnull=True,
    ).count()
    counts["R-8.5"][Verdict.MET] += destroyed
    return {
        "period": period.as_dict(),
        "as_of": clock.today().isoformat(),
        "checked": checked,
        "destroyed": destroyed,
        "chain_verified": counts["R-7.4"][Verdict.MET],
        "rows": [
            {"rule": rule, "title": str(title), **counts[rule]}
            for rule, title in rules.TITLES.items()
        ],
    }


# The report page, its exports and finalising carry the compliance table only when at most
# this many of the period's complaints have to have their dossiers read (about 50 µs an
# event): the rest are counted from their stored verdicts. After the daily check that is
# none, whatever the size of the period; a larger remainder waits for the statement PDF,
# computed on request.
LIVE_COMPLIANCE_LIMIT = 2_000


def compliance_too_large(organisation, period) -> bool:
    """More of the period's complaints to read again than are read while someone waits
    (one indexed count, stopped just past the limit)."""
    outdated = (
        _received_in(organisation, period)
        .filter(~_fresh_today() | Q(compliance_verdicts=""))
        .values("pk")[: LIVE_COMPLIANCE_LIMIT + 1]
    )
    return outdated.count() > LIVE_COMPLIANCE_LIMIT
