"""Recompute the hash chain of every dossier (R-7.4) and report the first broken link.

    manage.py verify_dossier                         every complaint
    manage.py verify_dossier --organisation interactie
    manage.py verify_dossier --reference KL-2026-0001 [--organisation interactie]
    manage.py verify_dossier --heads                 also print each chain's last hash

Every event that records a row (the complaint as received, a statement, a judgment, …)
carries the digest of that row's content, and the `content.sealed` events of migration
audit/0009 those of the rows recorded before; the command recomputes them from the rows as
they are now (and an attachment's or letter's stored file from its decrypted bytes) and
names the first row that differs (audit/content.py).

Exit code 0 when every chain is intact, 1 when one is broken. The chain cannot show events
removed from the *end* of a dossier, nor a chain recomputed by someone who knows this
algorithm: keep the output of --heads somewhere else (it changes only by appending) and
compare it later.
"""

import itertools

from django.core.management.base import BaseCommand, CommandError

from klachtenregeling.audit import chain, content
from klachtenregeling.audit.models import CaseEvent
from klachtenregeling.complaints.models import Complaint

# Complaints per query: a million dossiers are read in a thousand queries, not a million.
BATCH = 1000

PROBLEMS = {
    "missing": "event seq {seq} is missing",
    "unlinked": "event seq {seq} does not follow the one before it (prev_sha256 differs)",
    "altered": "event seq {seq} was changed after it was written (sha256 does not match)",
}

CONTENT_PROBLEMS = {
    "missing": "the {kind} row {id} sealed by event seq {seq} is missing",
    "changed": "the {kind} row {id} differs from what event seq {seq} sealed (content digest)",
    "file": "the stored file of {kind} {id} differs from what event seq {seq} sealed (sha256)",
}


def _batches(rows, size):
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _dossiers(batch):
    """(complaint row, its events in order) for a batch of complaints, in one query."""
    events = CaseEvent.objects.filter(complaint_id__in=[row[0] for row in batch]).order_by(
        "complaint_id", "seq"
    )
    by_complaint = {
        pk: list(group) for pk, group in itertools.groupby(events, key=lambda e: e.complaint_id)
    }
    for row in batch:
        yield row, by_complaint.get(row[0], [])


class Command(BaseCommand):
    help = "Recompute the hash chain of the dossiers and report the first broken link of each."

    def add_arguments(self, parser):
        parser.add_argument("--reference", help="one complaint, e.g. KL-2026-0001")
        parser.add_argument("--organisation", help="the organisation's slug")
        parser.add_argument(
            "--heads", action="store_true", help="print the last seq and hash of every chain"
        )

    def handle(self, *args, reference=None, organisation=None, heads=False, **options):
        complaints = Complaint.objects.order_by("organisation__slug", "year", "number")
        if organisation:
            complaints = complaints.filter(organisation__slug=organisation)
        if reference:
            complaints = complaints.filter(reference=reference.strip().upper())
        checked = events = 0
        broken = []
        rows = complaints.values_list("pk", "reference", "organisation__slug")
        for batch in _batches(rows.iterator(chunk_size=BATCH), BATCH):
            dossiers = list(_dossiers(batch))
            changed = content.differences({row[0]: dossier for row, dossier in dossiers})
            for (pk, ref, slug), dossier in dossiers:
                checked += 1
                events += len(dossier)
                name = f"{ref} ({slug})"
                found = chain.first_break(dossier)
                if found is not None:
                    broken.append(name)
                    message = PROBLEMS[found.problem].format(seq=found.seq)
                    self.stdout.write(self.style.ERROR(f"{name}: broken: {message}"))
                elif pk in changed:
                    broken.append(name)
                    difference = changed[pk]
                    message = CONTENT_PROBLEMS[difference.problem].format(
                        kind=difference.kind, id=difference.id, seq=difference.seq
                    )
                    self.stdout.write(self.style.ERROR(f"{name}: broken: {message}"))
                elif heads and dossier:
                    self.stdout.write(f"{name}: seq {dossier[-1].seq} {dossier[-1].sha256}")
                elif options["verbosity"] > 1:
                    self.stdout.write(f"{name}: {len(dossier)} events, intact")
        if (reference or organisation) and not checked:
            raise CommandError("No complaint matches.")
        if broken:
            raise CommandError(
                f"{len(broken)} of {checked} dossiers have a broken chain: {', '.join(broken)}",
                returncode=1,
            )
        self.stdout.write(
            self.style.SUCCESS(f"{checked} dossiers, {events} events: every chain is intact.")
        )
