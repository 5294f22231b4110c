"""Benchmark: the per-period compliance table (issue 14) at scale. Prints figures.

It fills a database of its own with N complaints of one organisation, all received in
2025, each with a real dossier: four template complaints are taken through the procedure
by the project's own services (resolved with a logged read; judged; withdrawn by the
complainant; open and classified), then cloned N times by bulk inserts with their case
events, outbox messages and logged reads, shifted to a random moment of 2025. Every
clone's hash chain is recomputed with the project's chain function (audit/chain.py), so
the R-7.4 check verifies real chains (and pays for it: one SHA-256 per event).

It then times, with today frozen at 10 January 2026 (so the open complaints of late
December are not yet due and the rest are breached): the scheduler's daily check
(`compliance.stored.compliance_refresh_all`, which reads every dossier not yet checked and
stores each rule's verdict), once; then `compliance.selectors.compliance_table` for the
year 2025, which counts the stored verdicts (median of --repeat runs), with the growth of the process's peak resident memory (VmHWM, reset
through /proc/self/clear_refs) and, with --tracemalloc, in a separate run, tracemalloc's
peak of Python allocations.

Usage (from the project's root):

    .venv/bin/python bench/compliance.py                          # SQLite, temp dir
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kr_bench_compliance \\
        .venv/bin/python bench/compliance.py --drop               # PostgreSQL

The PostgreSQL database is dropped and created first (it must be a database of its own;
--drop removes it at the end). The time is the median of --repeat runs, with the 1-minute
load average beside it (2 shared cores: read the load before the figure).
"""

import argparse
import copy
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from deadlines import _create_postgres_database  # noqa: E402

# Template timelines and how often each is cloned.
WEIGHTS = {"resolved": 60, "judged": 10, "withdrawn": 10, "open": 20}
TODAY = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--complaints", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--tracemalloc", action="store_true", help="one more run under tracemalloc (slow)"
    )
    parser.add_argument("--drop", action="store_true", help="PostgreSQL: drop the DB at the end")
    return parser.parse_args()


def configure() -> str:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATA_DIR"] = tempfile.mkdtemp(prefix="klachten-bench-compliance-")
        return f"SQLite in {os.environ['DATA_DIR']}"
    _create_postgres_database(os.environ["DATABASE_URL"])
    return "PostgreSQL " + os.environ["DATABASE_URL"].rsplit("/", 1)[-1]


def templates():
    """The organisation, and four complaints taken through the procedure by the services."""
    from django.test import RequestFactory

    from klachtenregeling.audit import access
    from klachtenregeling.complaints import services as complaint_services
    from klachtenregeling.complaints.constants import Concern
    from klachtenregeling.complaints.rules.intake import ComplaintDraft
    from klachtenregeling.core import clock
    from klachtenregeling.handling import services as handling_services
    from klachtenregeling.handling.tests import steps
    from tests.factories import OrganisationFactory, UserFactory

    org = OrganisationFactory(slug="bench")
    officer = UserFactory(organisation=org, is_officer=True)
    org.default_officer = officer
    org.save()

    def submit(number: int):
        draft = ComplaintDraft(
            complainant_name=f"Klager {number}",
            complainant_email=f"klager{number}@example.org",
            description="De training begon een uur te laat.",
            concerns=(Concern.PERFORMANCE,),
            engagement_description="Training, maart",
        )
        return complaint_services.complaint_submit(organisation=org, draft=draft).complaint

    def read(complaint):
        request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1")
        request.user = officer
        access.dossier_read(request, complaint)

    made = {}
    with clock.frozen(datetime(2025, 1, 6, 9, 0, tzinfo=UTC)):
        complaint = steps.start(submit(1), officer)
        read(complaint)
        made["resolved"] = steps.resolve(steps.classify(complaint, officer), officer)
        complaint = steps.start(submit(2), officer)
        read(complaint)
        steps.judge(steps.hear_both(complaint, officer), officer)
        made["judged"] = steps.fresh(complaint)
        complaint = steps.start(submit(3), officer)
        handling_services.complaint_withdraw_by_complainant(
            complaint=steps.fresh(complaint),
            reason="Opgelost.",
            link=steps.link_for(steps.fresh(complaint)),
        )
        made["withdrawn"] = steps.fresh(complaint)
        complaint = steps.start(submit(4), officer)
        read(complaint)
        made["open"] = steps.fresh(steps.classify(complaint, officer))
    return org, made


def _shifted(instance, delta: timedelta, **values):
    """A copy of a model instance to insert, its dates and moments moved by `delta`."""
    from django.db import models

    clone = copy.copy(instance)
    clone._state = copy.copy(instance._state)
    clone._state.adding = True
    clone.pk = None
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        if value is None:
            continue
        if isinstance(field, models.DateTimeField):
            setattr(clone, field.attname, value + delta)
        elif isinstance(field, models.DateField):
            setattr(clone, field.attname, value + timedelta(days=delta.days))
    for name, value in values.items():
        setattr(clone, name, value)
    return clone


def generate(org, made: dict, n: int, rng: random.Random) -> int:
    """`n` clones of the templates received in 2025 (bulk inserts); returns the events."""
    from klachtenregeling.audit import chain
    from klachtenregeling.audit.models import AccessLogEntry, CaseEvent
    from klachtenregeling.complaints.models import Complaint
    from klachtenregeling.notifications.models import OutboxMessage

    parts = {
        name: (
            complaint,
            list(CaseEvent.objects.filter(complaint=complaint).order_by("seq")),
            list(OutboxMessage.objects.filter(complaint=complaint)),
            list(AccessLogEntry.objects.filter(complaint=complaint)),
        )
        for name, complaint in made.items()
    }
    names, weights = list(WEIGHTS), list(WEIGHTS.values())
    year_start = datetime(2025, 1, 1, 6, 0, tzinfo=UTC)
    done = events_made = 0
    while done < n:
        size = min(5_000, n - done)
        plan = []
        for i in range(size):
            name = rng.choices(names, weights)[0]
            template = parts[name][0]
            received = year_start + timedelta(
                days=rng.randrange(364), minutes=rng.randrange(12 * 60)
            )
            number = 1_000 + done + i
            clone = _shifted(
                template,
                received - template.received_at,
                reference=f"KL-2025-{number:06d}",
                number=number,
                year=2025,
                submission_key=None,
                compliance_checked_at=None,  # to be checked by the daily run
                compliance_verdicts="",
            )
            plan.append((name, clone))
        created = Complaint.objects.bulk_create([clone for _name, clone in plan])
        events, messages, reads = [], [], []
        for (name, _clone), complaint in zip(plan, created, strict=True):
            template, t_events, t_messages, t_reads = parts[name]
            delta = complaint.received_at - template.received_at
            prev = chain.GENESIS
            for event in t_events:
                row = _shifted(event, delta, complaint_id=complaint.pk)
                row.prev_sha256 = prev
                row.sha256 = prev = chain.event_digest(row, prev)
                events.append(row)
            messages += [_shifted(m, delta, complaint_id=complaint.pk) for m in t_messages]
            reads += [_shifted(r, delta, complaint_id=complaint.pk) for r in t_reads]
        CaseEvent.objects.bulk_create(events, batch_size=5_000)
        OutboxMessage.objects.bulk_create(messages, batch_size=5_000)
        AccessLogEntry.objects.bulk_create(reads, batch_size=5_000)
        events_made += len(events)
        done += size
    return events_made


def _vm_hwm_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def main() -> None:
    args = arguments()
    where = configure()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from klachtenregeling.audit.models import CaseEvent
    from klachtenregeling.complaints.models import Complaint
    from klachtenregeling.compliance.selectors import compliance_table
    from klachtenregeling.core import clock
    from klachtenregeling.reports.constants import PeriodKind
    from klachtenregeling.reports.periods import Period

    call_command("migrate", verbosity=0)
    rng = random.Random(args.seed)  # noqa: S311 - test data, not secrets
    started = time.perf_counter()
    org, made = templates()
    generate(org, made, args.complaints, rng)
    generated = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    year = Period(kind=PeriodKind.YEAR, start=date(2025, 1, 1), end=date(2025, 12, 31))
    complaints = Complaint.objects.filter(organisation=org).count()
    events = CaseEvent.objects.filter(organisation=org).count()

    from klachtenregeling.compliance.stored import compliance_refresh_all

    with clock.frozen(TODAY):
        start = time.perf_counter()
        refreshed = compliance_refresh_all(batch=args.batch)
        refresh_seconds = time.perf_counter() - start
        refresh_load = os.getloadavg()[0]
        # No warm-up run: the generation imported and translated everything already, and
        # the first run's peak is the one that shows whether memory stays flat.
        samples, table = [], None
        Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM to the current RSS
        before = _vm_hwm_kib()
        for _ in range(args.repeat):
            start = time.perf_counter()
            table = compliance_table(org, year, batch=args.batch)
            samples.append(time.perf_counter() - start)
        rss_growth = (_vm_hwm_kib() - before) / 1024
        load = os.getloadavg()[0]
        traced_peak = None
        if args.tracemalloc:
            tracemalloc.start()
            compliance_table(org, year, batch=args.batch)
            traced_peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()

    print(f"# Compliance table benchmark — {where}")
    print(
        f"{complaints:,} complaints with {events:,} case events ({events / complaints:.1f} "
        f"each) in one organisation, all received in 2025; generated in {generated:.0f} s; "
        f"batches of {args.batch}"
    )
    print()
    print("| what | s | load (1 min) |")
    print("|---|---:|---:|")
    print(
        f"| daily check, every dossier read once ({refreshed:,} complaints) "
        f"| {refresh_seconds:.1f} | {refresh_load:.2f} |"
    )
    print(
        f"| compliance_table for 2025 ({table['checked']:,} complaints), median of "
        f"{args.repeat} | {statistics.median(samples):.2f} | {load:.2f} |"
    )
    print()
    print(f"Runs: {', '.join(f'{s:.2f} s' for s in samples)}.")
    traced = (
        f", {traced_peak:,.1f} MiB Python allocations (tracemalloc peak, separate run)"
        if traced_peak is not None
        else ""
    )
    print(
        f"Peak memory: +{rss_growth:,.1f} MiB resident over the runs, the first included "
        f"(VmHWM growth; resident before: {before / 1024:,.0f} MiB){traced}."
    )
    r5_5 = next(row for row in table["rows"] if row["rule"] == "R-5.5")
    print(
        f"R-5.5: met {r5_5['met']:,}, breached {r5_5['breached']:,}, "
        f"not yet due {r5_5['not_yet_due']:,}, at risk {r5_5['at_risk']:,}; "
        f"hash chains verified {table['chain_verified']:,} of {table['checked']:,}."
    )
    connection.close()
    if args.drop and os.environ.get("DATABASE_URL"):
        from urllib.parse import urlsplit, urlunsplit

        import psycopg

        parts = urlsplit(os.environ["DATABASE_URL"])
        admin = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as admin_connection:
            name = parts.path.lstrip("/")
            admin_connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
