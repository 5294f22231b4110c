"""Benchmark: the deadline machinery at scale (R-5.5, R-7.1, R-7.3). Prints figures.

It fills a database of its own with N complaints of one organisation (bulk inserts of
realistic rows: two years of complaints, most of them closed, a few hundred to a few
thousand open ones with running terms, accounts awaited), then times what runs all day:

- the officer's dashboard: page 1, the counters, and the "due this week" /
  "awaiting an account" views;
- a round of the scheduler's reminders: the first (everything due is sent) and the next
  ones (nothing new: the steady state every ten minutes);
- "lost my link": finding a complainant's complaints by e-mail address (and its plan);
- an officer's calendar feed.

Usage (from the project's root):

    .venv/bin/python bench/deadlines.py --complaints 100000            # SQLite, temp dir
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/klachten_bench \\
        .venv/bin/python bench/deadlines.py --complaints 1000000       # PostgreSQL

The PostgreSQL database is created when missing and emptied first (it must be a
database of its own). Figures are the median of --repeat runs, in milliseconds.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--complaints", type=int, default=100_000)
    parser.add_argument("--officers", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="PostgreSQL: keep the database of an earlier run (migrate it, skip generating)",
    )
    return parser.parse_args()


def configure(reuse: bool) -> str:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATA_DIR"] = tempfile.mkdtemp(prefix="klachten-bench-")
        return f"SQLite in {os.environ['DATA_DIR']}"
    if not reuse:
        _create_postgres_database(os.environ["DATABASE_URL"])
    return "PostgreSQL " + os.environ["DATABASE_URL"].rsplit("/", 1)[-1]


def _create_postgres_database(url: str) -> None:
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def timed(function, repeat: int) -> tuple[float, object]:
    samples, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), result


def generate(n: int, officers: int, rng: random.Random):
    """One organisation, its staff and `n` complaints over two years (bulk inserts)."""
    from klachtenregeling.accounts.models import User
    from klachtenregeling.complaints.constants import Channel, Status
    from klachtenregeling.complaints.models import Complaint
    from klachtenregeling.core import clock
    from klachtenregeling.handling.models import HearingInvitation
    from klachtenregeling.organisations.models import Organisation

    organisation = Organisation.objects.create(
        name="Bench", slug="bench", contact_email="klachten@bench.example"
    )
    staff = User.objects.bulk_create(
        User(
            username=f"officer{i}" if i < officers else f"staff{i}",
            email=f"user{i}@bench.example",
            organisation=organisation,
            is_officer=i < officers,
        )
        for i in range(officers + 40)
    )
    officer_list = staff[:officers]
    organisation.default_officer = officer_list[0]
    organisation.save()
    now = clock.now()
    today = clock.today()
    rows, invited = [], []
    for number in range(1, n + 1):
        # Two years of complaints; the newest 6 % still wait for a judgment.
        age = rng.random() ** 1.3 * 730 if number > n * 0.06 else rng.random() * 40
        received = now - timedelta(days=age, minutes=rng.randrange(600))
        deadline = clock.local_date(received) + timedelta(days=28)
        if number <= n * 0.06:
            status = rng.choice([Status.RECEIVED, Status.IN_HANDLING, Status.HEARING])
        else:
            status = rng.choices(
                [Status.CLOSED, Status.WITHDRAWN, Status.JUDGED, Status.RESOLVED],
                weights=[80, 5, 5, 10],
            )[0]
        final = status in (Status.CLOSED, Status.WITHDRAWN)
        rows.append(
            Complaint(
                organisation=organisation,
                reference=f"KL-{received.year}-{number:07d}",
                year=received.year,
                number=number,
                channel=Channel.WEB,
                received_at=received,
                complainant_name=f"Klager {number}",
                complainant_email=f"klager{number % (n // 2 or 1)}@example.org",
                engagement_description="Training",
                description="De training begon te laat en de factuur klopt niet.",
                assigned_officer=rng.choice(officer_list),
                status=status,
                original_deadline=deadline,
                deadline=deadline,
                closed_at=received + timedelta(days=20) if final else None,
            )
        )
        if status == Status.HEARING and rng.random() < 0.5:
            invited.append(number)
        if len(rows) == 10_000:
            Complaint.objects.bulk_create(rows)
            rows = []
    Complaint.objects.bulk_create(rows)
    by_number = dict(
        Complaint.objects.filter(organisation=organisation, number__in=invited).values_list(
            "number", "pk"
        )
    )
    HearingInvitation.objects.bulk_create(
        HearingInvitation(
            complaint_id=by_number[number],
            party="complainant",
            due_date=today + timedelta(days=rng.randrange(-3, 10)),
            invited_at=now - timedelta(days=3),
            invited_by=officer_list[0],
        )
        for number in invited
    )
    return organisation, officer_list


def main() -> None:
    args = arguments()
    where = configure(args.reuse)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from klachtenregeling.complaints import selectors
    from klachtenregeling.complaints.constants import AWAITING_JUDGMENT, Due
    from klachtenregeling.complaints.models import Complaint
    from klachtenregeling.core import clock
    from klachtenregeling.notifications.models import OutboxMessage
    from klachtenregeling.reminders import calendar
    from klachtenregeling.reminders.services import reminders_send_due

    call_command("migrate", verbosity=0)
    rng = random.Random(args.seed)  # noqa: S311 - test data, not secrets
    with clock.frozen(datetime(2026, 12, 1, 8, 30, tzinfo=UTC)):
        start = time.perf_counter()
        from klachtenregeling.accounts.models import User
        from klachtenregeling.organisations.models import Organisation

        if args.reuse and Organisation.objects.filter(slug="bench").exists():
            organisation = Organisation.objects.get(slug="bench")
            officers = list(User.objects.filter(organisation=organisation, is_officer=True))
            officers.sort(key=lambda u: u.pk)
        else:
            organisation, officers = generate(args.complaints, args.officers, rng)
        generated = time.perf_counter() - start
        officer = officers[0]
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # the statistics a database in use would have
        total = Complaint.objects.count()
        open_count = Complaint.objects.filter(status__in=AWAITING_JUDGMENT).count()
        print(f"# Deadlines benchmark — {where}")
        print(
            f"{total:,} complaints ({open_count:,} awaiting a judgment), "
            f"{args.officers} officers; generated in {generated:.1f} s; "
            f"median of {args.repeat} runs"
        )
        print()
        print("| what | ms |")
        print("|---|---:|")

        def show(label: str, function) -> object:
            ms, result = timed(function, args.repeat)
            print(f"| {label} | {ms:,.1f} |")
            return result

        def page(due=""):
            filters = selectors.DashboardFilter(due=due)
            return list(selectors.complaint_list_for_officer(officer, filters)[:25])

        show("dashboard page 1 (25 rows, most urgent first)", page)
        show(
            "dashboard counters (open, overdue, due this week, awaiting an account)",
            lambda: selectors.officer_counts(officer),
        )
        show("dashboard: due this week", lambda: page(Due.THIS_WEEK))
        show("dashboard: awaiting an account", lambda: page(Due.AWAITING_ANSWER))

        ms, report = timed(reminders_send_due, 1)
        print(
            f"| reminders, first round ({report.total:,} sent: { {str(k): v for k, v in report.sent.items()} }) | {ms:,.1f} |"
        )
        show("reminders, next round (nothing new)", reminders_send_due)
        print(f"| outbox messages written | {OutboxMessage.objects.count():,} |")

        from django.db.models.functions import Upper

        lookup = Complaint.objects.annotate(email_upper=Upper("complainant_email")).filter(
            organisation=organisation, email_upper="KLAGER12345@EXAMPLE.ORG"
        )
        show("lost link: complaints of one e-mail address", lambda: list(lookup.all()))
        show("calendar feed of one officer", lambda: calendar.feed(officer))
        plan = lookup.explain()
        uses_index = "complaint_org_email" in plan
        print()
        print(f"Lost-link lookup uses the index complaint_org_email: {uses_index}")
        if not uses_index:
            print(plan)
        connection.close()


if __name__ == "__main__":
    main()
