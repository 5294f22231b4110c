"""Reads of the compliance check (issue 14)."""

from collections.abc import Iterator

from klachtenregeling.complaints.constants import OPEN_STATUSES
from klachtenregeling.complaints.models import Complaint

from . import rules
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
