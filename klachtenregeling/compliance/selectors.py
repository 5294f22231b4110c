"""Reads of the compliance check (issue 14)."""

from collections.abc import Iterator
from datetime import datetime, time, timedelta

from klachtenregeling.complaints.constants import OPEN_STATUSES
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core import clock
from klachtenregeling.reports.models import ComplaintStatistic

from . import rules
from .constants import Verdict
from .facts import facts_for, facts_for_batch
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
    they still exist, with the fields the Facts read from them, in id order."""
    start = clock.start_of_day(period.start)
    after = clock.start_of_day(period.end + timedelta(days=1))
    return (
        Complaint.objects.filter(
            organisation=organisation, received_at__gte=start, received_at__lt=after
        )
        .only("pk", "status", "received_at", "original_deadline")
        .order_by("pk")
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

    Only complaints that still exist are checked: a destroyed complaint has no dossier any
    more (R-8.5), so nothing is claimed about it; the period's ended complaints that were
    destroyed are counted apart (`destroyed`, from the anonymous statistics). Computed in
    batches of `batch` complaints (three queries each, facts.facts_for_batch), so memory
    stays flat whatever the number of complaints. The result is plain JSON:

        {"period": {...}, "as_of": "2026-12-01", "checked": n, "destroyed": n,
         "chain_verified": n,
         "rows": [{"rule": "R-1.1", "title": "Article 1: ...", "met": n, "breached": n,
                   "at_risk": n, "not_yet_due": n, "not_applicable": n}, ...]}

    `rule` is the internal id (for code and tests); pages show `title` only. Titles are in
    the language active when it is computed (a finalised report freezes them).
    """
    counts = {rule: dict.fromkeys(Verdict.values, 0) for rule in rules.TITLES}
    checked = 0
    for chunk in _chunks(_received_in(organisation, period), batch):
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


# The report page, its exports and finalising carry the compliance table only for a period of
# at most this many complaints: it reads every dossier (about 50 µs an event), and a report
# must stay fast. A larger period's table is the statement PDF's, computed on request.
LIVE_COMPLIANCE_LIMIT = 2_000


def compliance_too_large(organisation, period) -> bool:
    """More complaints received in `period` than are checked while someone waits (one
    indexed count, stopped just past the limit)."""
    start = datetime.combine(period.start, time.min, tzinfo=clock.AMSTERDAM)
    after = datetime.combine(period.end + timedelta(days=1), time.min, tzinfo=clock.AMSTERDAM)
    received = Complaint.objects.filter(
        organisation=organisation, received_at__gte=start, received_at__lt=after
    ).values("pk")[: LIVE_COMPLIANCE_LIMIT + 1]
    return received.count() > LIVE_COMPLIANCE_LIMIT
