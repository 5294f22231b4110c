"""Benchmark: destroying a destruction list (R-8.5). Prints complaints per second for the
destruction loop and for the whole task, the peak memory and the load average.

It fills a database of its own with N ended complaints by bulk inserts (not through the
services: that would take longer than the destruction itself), each with what destruction
has to remove:

- the complaint row (withdrawn in 2025) and its anonymous statistics row;
- ten case events with a valid hash chain (audit/chain.py, so `verify_dossier` passes on
  what remains) and one access-log row;
- one data key, wrapped by the key-encryption key (retention/keys.py), and one attachment
  of 16 KiB written encrypted with it through retention/crypto.py into the media storage.

Then a report and a review covering 2025, the list proposed by the service, confirmed by two
officers, the cooling-off passed and the task's work run: `destruction_list_destroy`.
Timed apart: the loop over the batches (erasure.complaints_destroy, DESTRUCTION_BATCH at a
time) and the fixed costs after it (SQLite WAL checkpoint, statement PDF, PostgreSQL VACUUM
of the touched tables). Peak memory is the process's resident peak (VmHWM) during the task,
reset just before it (/proc/self/clear_refs), beside the resident size before it.

Usage (from the project's root):

    .venv/bin/python bench/destruction.py                        # SQLite, temp dir, N=10,000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kr_bench_destruction \\
        .venv/bin/python bench/destruction.py                    # PostgreSQL (created, dropped)

--complaints N changes N; --repeat R sets up and destroys R lists in a row and prints the
median (each run a fresh organisation with N complaints).
"""

import argparse
import hashlib
import io
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EVENTS = 10
FILE_BYTES = b"Verslag van de training, de klacht en de gesprekken.\n" * 310  # ~16 KiB
CHUNK = 1000  # complaints inserted at a time


def configure() -> tuple[str, str | None]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATA_DIR"] = tempfile.mkdtemp(prefix="klachten-bench-")
        return f"SQLite in {os.environ['DATA_DIR']}", None
    os.environ.setdefault("DATA_DIR", tempfile.mkdtemp(prefix="klachten-bench-"))
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(os.environ["DATABASE_URL"])
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{name}"')
    return f"PostgreSQL {name}", admin


def drop_postgres(admin: str | None) -> None:
    if admin is None:
        return
    from urllib.parse import urlsplit

    import psycopg
    from django.db import connections

    connections.close_all()
    name = urlsplit(os.environ["DATABASE_URL"]).path.lstrip("/")
    with psycopg.connect(admin, autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def proc_status(field: str) -> int:
    """A field of /proc/self/status in KiB (VmHWM, VmRSS); 0 where there is none."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def load() -> str:
    return "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def set_up(n: int, run: int):
    """An organisation with two officers and `n` ended complaints (bulk inserts)."""
    from django.db import transaction

    from klachtenregeling.audit import chain
    from klachtenregeling.audit.constants import AccessKind, ActorRole, EventType
    from klachtenregeling.audit.models import AccessLogEntry, CaseEvent
    from klachtenregeling.complaints.constants import AttachmentKind, Channel, Status
    from klachtenregeling.complaints.models import Attachment, Complaint
    from klachtenregeling.reports.constants import EngagementKind, Outcome
    from klachtenregeling.reports.models import ComplaintStatistic
    from klachtenregeling.retention import crypto, keys
    from klachtenregeling.retention.models import ComplaintKey
    from tests.factories import OrganisationFactory, UserFactory

    org = OrganisationFactory()
    officer = UserFactory(organisation=org, is_officer=True)
    second = UserFactory(organisation=org, is_officer=True)
    kek = keys.current_kek()
    storage = Attachment._meta.get_field("file").storage
    types = [t.value for t in EventType][:EVENTS]
    start = datetime(2025, 2, 3, 9, 0, tzinfo=UTC)
    plain_sha = hashlib.sha256(FILE_BYTES).hexdigest()
    for first in range(0, n, CHUNK):
        numbers = range(first + 1, min(n, first + CHUNK) + 1)
        with transaction.atomic():
            complaints = Complaint.objects.bulk_create(
                Complaint(
                    organisation=org,
                    reference=f"KL-2025-{run:02d}{number:05d}",
                    year=2025,
                    number=run * 100_000 + number,
                    channel=Channel.WEB,
                    received_at=start + timedelta(minutes=number),
                    complainant_name=f"Klager {number}",
                    complainant_email=f"klager{number}@example.org",
                    engagement_description="Training, maart",
                    description="De training begon een uur te laat.",
                    assigned_officer=officer,
                    status=Status.WITHDRAWN,
                    original_deadline=date(2025, 3, 3),
                    deadline=date(2025, 3, 3),
                    closed_at=start + timedelta(days=20, minutes=number),
                )
                for number in numbers
            )
            ComplaintStatistic.objects.bulk_create(
                ComplaintStatistic(
                    organisation=org,
                    complaint=c,
                    received_on=c.received_at.date(),
                    ended_on=c.closed_at.date(),
                    channel=Channel.WEB,
                    engagement_kind=EngagementKind.DESCRIBED,
                    outcome=Outcome.WITHDRAWN,
                    handling_days=20,
                    term_outcome="within_original",
                    satisfaction="unknown",
                    recorded_at=c.closed_at,
                )
                for c in complaints
            )
            events, reads, key_rows, attachments = [], [], [], []
            for c in complaints:
                prev = chain.GENESIS
                for seq, kind in enumerate(types, start=1):
                    event = CaseEvent(
                        organisation=org,
                        complaint=c,
                        seq=seq,
                        type=kind,
                        at=c.received_at + timedelta(seconds=seq),
                        actor=officer,
                        actor_role=ActorRole.OFFICER,
                        visible_to_complainant=seq % 2 == 0,
                        data={"note": f"Stap {seq} van klacht {c.reference}"},
                        prev_sha256=prev,
                    )
                    event.sha256 = prev = chain.event_digest(event, prev)
                    events.append(event)
                reads.append(
                    AccessLogEntry(
                        organisation=org,
                        complaint=c,
                        kind=AccessKind.DOSSIER,
                        at=c.closed_at,
                        actor=officer,
                        actor_role=ActorRole.OFFICER,
                    )
                )
                key = crypto.new_key()
                key_rows.append(
                    ComplaintKey(
                        complaint=c,
                        wrapped_key=crypto.wrap_key(kek.key, key, context=keys._context(c.pk)),
                        kek_id=kek.kek_id,
                        created_at=c.received_at,
                    )
                )
                sealed = b"".join(crypto.encrypt_chunks(key, io.BytesIO(FILE_BYTES)))
                name = storage.save(f"attachments/{org.pk}/{uuid.uuid4().hex}", io.BytesIO(sealed))
                attachments.append(
                    Attachment(
                        complaint=c,
                        kind=AttachmentKind.ORIGINAL,
                        file=name,
                        filename=f"bijlage-{c.number}.txt",
                        content_type="text/plain",
                        size=len(FILE_BYTES),
                        sha256=plain_sha,
                        uploaded_at=c.received_at,
                    )
                )
            CaseEvent.objects.bulk_create(events, batch_size=2000)
            AccessLogEntry.objects.bulk_create(reads, batch_size=2000)
            ComplaintKey.objects.bulk_create(key_rows)
            Attachment.objects.bulk_create(attachments)
    return org, officer, second


def confirmed_list(org, officer, second):
    from klachtenregeling.core import clock
    from klachtenregeling.reports.models import Report
    from klachtenregeling.retention import destruction
    from klachtenregeling.reviews.models import Review

    def at(text):
        return clock.frozen(datetime.fromisoformat(text).replace(tzinfo=clock.AMSTERDAM))

    with at("2026-01-05 10:00"):
        report = Report.objects.create(
            organisation=org,
            period_kind="year",
            period_start=date(2025, 1, 1),
            period_end=date(2025, 12, 31),
            content={},
            sha256="0" * 64,
            finalised_by=officer,
            finalised_at=clock.now(),
        )
        review = Review.objects.create(
            organisation=org,
            held_on=date(2026, 3, 10),
            recorded_by=officer,
            recorded_at=clock.now(),
        )
        review.reports.set([report])
    with at("2026-03-11 09:00"):
        the_list = destruction.destruction_list_create(review=review, by=officer)
        destruction.destruction_list_confirm(destruction_list=the_list, by=officer)
        destruction.destruction_list_confirm(destruction_list=the_list, by=second)
    with at("2026-03-19 09:00"):
        destruction.destruction_lists_start_due()
    return the_list


class Stopwatch:
    """Wraps the fixed costs after the loop, to time them apart from it."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def wrap(self, module, name: str, label: str) -> None:
        original = getattr(module, name)

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[label] = self.seconds.get(label, 0.0) + time.perf_counter() - started

        setattr(module, name, timed)


def destroy(the_list) -> dict:
    from django.db import connection

    from klachtenregeling.core import clock
    from klachtenregeling.retention import database, destruction, statement

    watch = Stopwatch()
    originals = [
        (database, "checkpoint", database.checkpoint),
        (statement, "statement_pdf", statement.statement_pdf),
        (destruction, "vacuum_touched_tables", destruction.vacuum_touched_tables),
    ]
    watch.wrap(database, "checkpoint", "checkpoint")
    watch.wrap(statement, "statement_pdf", "statement PDF")
    watch.wrap(destruction, "vacuum_touched_tables", "vacuum")
    rss_before = proc_status("VmRSS")
    peak_reset = reset_peak()
    try:
        with clock.frozen(datetime(2026, 3, 19, 9, 5, tzinfo=clock.AMSTERDAM)):
            started = time.perf_counter()
            done = destruction.destruction_list_destroy(list_id=the_list.pk)
            total = time.perf_counter() - started
    finally:
        for module, name, original in originals:
            setattr(module, name, original)
    peak = proc_status("VmHWM")
    fixed = sum(watch.seconds.values())
    return {
        "destroyed": done.items.filter(result="destroyed").count(),
        "skipped": done.items.filter(result="skipped").count(),
        "total": total,
        "loop": total - fixed,
        "fixed": dict(watch.seconds),
        "rss_before": rss_before,
        "peak": peak if peak_reset else 0,
        "load": load(),
        "vendor": connection.vendor,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--complaints", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    where, admin = configure()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from klachtenregeling.audit.models import CaseEvent
    from klachtenregeling.complaints.models import Complaint
    from klachtenregeling.retention.constants import DESTRUCTION_BATCH

    call_command("migrate", verbosity=0)
    n = args.complaints
    print(f"# Destruction benchmark — {where}")
    print(f"{n:,} complaints a run, {EVENTS} case events, 1 access-log row and one encrypted")
    print(f"attachment of {len(FILE_BYTES) // 1024} KiB each; batches of {DESTRUCTION_BATCH}")
    results = []
    try:
        for run in range(args.repeat):
            started = time.perf_counter()
            org, officer, second = set_up(n, run)
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            the_list = confirmed_list(org, officer, second)
            setup = time.perf_counter() - started
            result = destroy(the_list)
            assert result["destroyed"] == n, result
            assert not Complaint.objects.filter(organisation=org).exists()
            assert not CaseEvent.objects.filter(organisation=org).exists()
            results.append(result)
            fixed = ", ".join(f"{k} {v:.2f} s" for k, v in result["fixed"].items())
            print(
                f"run {run + 1}: set up in {setup:.1f} s; destroyed {result['destroyed']:,}: "
                f"loop {result['loop']:.2f} s = {n / result['loop']:,.0f}/s, "
                f"whole task {result['total']:.2f} s = {n / result['total']:,.0f}/s "
                f"(fixed: {fixed}); peak RSS during the task "
                f"{result['peak'] / 1024:.0f} MiB (before {result['rss_before'] / 1024:.0f} MiB); "
                f"{result['load']}"
            )
        loop = statistics.median(n / r["loop"] for r in results)
        whole = statistics.median(n / r["total"] for r in results)
        peak = max(r["peak"] for r in results)
        print(
            f"median of {len(results)}: loop {loop:,.0f} complaints/s, whole task "
            f"{whole:,.0f} complaints/s; peak RSS {peak / 1024:.0f} MiB; {load()}"
        )
    finally:
        drop_postgres(admin)


if __name__ == "__main__":
    main()
