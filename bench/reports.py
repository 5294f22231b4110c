"""Benchmark: the periodic report (R-8.3) at scale. Prints figures.

It fills a database of its own with N anonymous statistics rows (bulk inserts: four
organisations, the measured one holding half of the rows, three years of ended complaints
with subjects, concerns, extensions, causes), then times, as an officer of the largest
organisation, the yearly report of 2025 (beside 2024):

- the report page: the full request through Django's test client;
- its PDF and its CSV (full requests);
- one hand-written SQL query that computes the same figures (the floor to compare with);
- the peak memory of rendering the PDF: the growth of the process's peak resident size
  (Linux: VmHWM after resetting it through /proc/self/clear_refs) and tracemalloc's peak
  of Python allocations.

Usage (from the project's root):

    .venv/bin/python bench/reports.py                          # SQLite, temp dir
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kr_bench_reports \\
        .venv/bin/python bench/reports.py                      # PostgreSQL

The PostgreSQL database is dropped and created first (it must be a database of its own;
--drop removes it at the end). Figures are the median of --repeat runs in milliseconds,
with the 1-minute load average after the runs beside them (2 shared cores: read the
load before the figure).
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
import warnings
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from deadlines import _create_postgres_database  # noqa: E402

URL = "/werk/verslagen/"
QUERY = "?kind=year&year=2025"


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--drop", action="store_true", help="PostgreSQL: drop the DB at the end")
    return parser.parse_args()


def configure() -> str:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATA_DIR"] = tempfile.mkdtemp(prefix="klachten-bench-reports-")
        return f"SQLite in {os.environ['DATA_DIR']}"
    _create_postgres_database(os.environ["DATABASE_URL"])
    return "PostgreSQL " + os.environ["DATABASE_URL"].rsplit("/", 1)[-1]


def generate(n: int, rng: random.Random):
    """Four organisations; the first ("bench") gets half of the `n` rows."""
    from klachtenregeling.accounts.models import User
    from klachtenregeling.complaints.constants import (
        Channel,
        Concern,
        ExtensionReason,
        Satisfaction,
    )
    from klachtenregeling.handling.constants import RulingOutcome
    from klachtenregeling.organisations.models import Cause, Organisation, Subject
    from klachtenregeling.reports.constants import EngagementKind, Outcome
    from klachtenregeling.reports.models import (
        ENDED_TERM_OUTCOMES,
        ComplaintStatistic,
        StatisticConcern,
        StatisticExtension,
    )

    organisations = [
        Organisation.objects.create(
            name=f"Bench {i}", slug="bench" if i == 0 else f"bench-{i}", contact_email="b@x.nl"
        )
        for i in range(4)
    ]
    officer = User.objects.create(
        username="officer", organisation=organisations[0], is_officer=True
    )
    subjects, causes = {}, {}
    for org in organisations:
        subjects[org.pk] = Subject.objects.bulk_create(
            Subject(organisation=org, name=f"Onderwerp {i}") for i in range(8)
        )
        causes[org.pk] = Cause.objects.bulk_create(
            Cause(organisation=org, name=f"Oorzaak {i}") for i in range(5)
        )
    first, days = date(2024, 1, 1), (date(2026, 11, 30) - date(2024, 1, 1)).days
    now = datetime(2026, 12, 1, tzinfo=UTC)
    terms = [t.value for t in ENDED_TERM_OUTCOMES]
    through = ComplaintStatistic.subjects.through
    done = 0
    while done < n:
        batch = []
        for _ in range(min(10_000, n - done)):
            org = organisations[0] if rng.random() < 0.5 else rng.choice(organisations[1:])
            received = first + timedelta(days=rng.randrange(days))
            handling = int(rng.expovariate(1 / 30))
            outcome = rng.choice(Outcome.values)
            extensions = rng.choices([0, 1, 2], weights=[70, 25, 5])[0]
            batch.append(
                ComplaintStatistic(
                    organisation=org,
                    received_on=received,
                    ended_on=received + timedelta(days=handling),
                    channel=rng.choice(Channel.values),
                    engagement_kind=EngagementKind.LINKED,
                    outcome=outcome,
                    ruling_outcome=(
                        rng.choice(RulingOutcome.values) if outcome == Outcome.REFERRED else ""
                    ),
                    handling_days=handling,
                    term_outcome=rng.choice(terms),
                    extensions_count=extensions,
                    cause=rng.choice([None, *causes[org.pk]]),
                    satisfaction=rng.choice(Satisfaction.values),
                    recorded_at=now,
                )
            )
        made = ComplaintStatistic.objects.bulk_create(batch)
        links, concerns, extensions = [], [], []
        for statistic in made:
            org_subjects = subjects[statistic.organisation_id]
            for subject in rng.sample(org_subjects, rng.choice([0, 1, 1, 1, 2])):
                links.append(through(complaintstatistic_id=statistic.pk, subject_id=subject.pk))
            for concern in rng.sample(Concern.values, rng.choice([1, 1, 2])):
                concerns.append(StatisticConcern(statistic=statistic, concern=concern))
            for number in range(1, statistic.extensions_count + 1):
                reason = rng.choice(ExtensionReason.values)
                extensions.append(
                    StatisticExtension(statistic=statistic, number=number, reason_category=reason)
                )
        through.objects.bulk_create(links)
        StatisticConcern.objects.bulk_create(concerns)
        StatisticExtension.objects.bulk_create(extensions)
        done += len(batch)
    return organisations[0], officer


# The same figures as selectors.report_figures, in one statement: every count grouped by
# (section, value, period), the percentiles by nearest rank with ROW_NUMBER().
FIGURES_SQL = """
WITH p(name, s, e) AS (
    SELECT 'current', %(cs)s, %(ce)s UNION ALL SELECT 'previous', %(ps)s, %(pe)s
),
ended AS (
    SELECT st.*, p.name AS period FROM reports_complaintstatistic st
    JOIN p ON st.ended_on BETWEEN p.s AND p.e WHERE st.organisation_id = %(org)s
),
ranked AS (
    SELECT period, handling_days,
           ROW_NUMBER() OVER (PARTITION BY period ORDER BY handling_days) AS rn,
           COUNT(*) OVER (PARTITION BY period) AS n
    FROM ended
)
SELECT 'ended', '', period, COUNT(*) FROM ended GROUP BY period
UNION ALL SELECT 'received', '', p.name, COUNT(*) FROM reports_complaintstatistic st
    JOIN p ON st.received_on BETWEEN p.s AND p.e WHERE st.organisation_id = %(org)s GROUP BY p.name
UNION ALL SELECT 'open_at_end', '', p.name, COUNT(*) FROM reports_complaintstatistic st
    JOIN p ON st.received_on <= p.e AND st.ended_on > p.e
    WHERE st.organisation_id = %(org)s GROUP BY p.name
UNION ALL SELECT 'open_complaints', '', p.name, COUNT(*) FROM complaints_complaint c
    JOIN p ON c.received_at < %(after)s
    WHERE c.organisation_id = %(org)s AND c.status NOT IN ('closed', 'withdrawn', 'not_admissible')
    GROUP BY p.name
UNION ALL SELECT 'channel', channel, period, COUNT(*) FROM ended GROUP BY channel, period
UNION ALL SELECT 'outcome', outcome, period, COUNT(*) FROM ended GROUP BY outcome, period
UNION ALL SELECT 'ruling', ruling_outcome, period, COUNT(*) FROM ended
    WHERE outcome = 'referred' GROUP BY ruling_outcome, period
UNION ALL SELECT 'term', term_outcome, period, COUNT(*) FROM ended GROUP BY term_outcome, period
UNION ALL SELECT 'satisfaction', satisfaction, period, COUNT(*) FROM ended
    GROUP BY satisfaction, period
UNION ALL SELECT 'cause', COALESCE(c.name, ''), period, COUNT(*) FROM ended
    LEFT JOIN organisations_cause c ON c.id = ended.cause_id GROUP BY c.name, period
UNION ALL SELECT 'extended', '', period, COUNT(*) FROM ended
    WHERE extensions_count > 0 GROUP BY period
UNION ALL SELECT 'subject', s.name, period, COUNT(*) FROM ended
    JOIN reports_complaintstatistic_subjects l ON l.complaintstatistic_id = ended.id
    JOIN organisations_subject s ON s.id = l.subject_id GROUP BY s.name, period
UNION ALL SELECT 'no_subject', '', period, COUNT(*) FROM ended
    WHERE NOT EXISTS (SELECT 1 FROM reports_complaintstatistic_subjects l
                      WHERE l.complaintstatistic_id = ended.id) GROUP BY period
UNION ALL SELECT 'concern', sc.concern, period, COUNT(*) FROM ended
    JOIN reports_statisticconcern sc ON sc.statistic_id = ended.id GROUP BY sc.concern, period
UNION ALL SELECT 'extension', se.reason_category, period, COUNT(*) FROM ended
    JOIN reports_statisticextension se ON se.statistic_id = ended.id
    GROUP BY se.reason_category, period
UNION ALL SELECT 'p50', '', period, MIN(handling_days) FROM ranked
    WHERE rn = (50 * n + 99) / 100 GROUP BY period
UNION ALL SELECT 'p90', '', period, MIN(handling_days) FROM ranked
    WHERE rn = (90 * n + 99) / 100 GROUP BY period
UNION ALL SELECT 'recommendation', r.status, p.name, COUNT(*) FROM improvements_recommendation r
    JOIN p ON r.created_at >= %(cs_at)s AND r.created_at < %(after)s
    WHERE r.organisation_id = %(org)s GROUP BY r.status, p.name
"""


def figures_sql(organisation) -> list:
    from django.db import connection

    from klachtenregeling.core import clock

    params = {
        "org": organisation.pk,
        "cs": date(2025, 1, 1),
        "ce": date(2025, 12, 31),
        "ps": date(2024, 1, 1),
        "pe": date(2024, 12, 31),
        "cs_at": clock.start_of_day(date(2024, 1, 1)),
        "after": clock.start_of_day(date(2026, 1, 1)),
    }
    with connection.cursor() as cursor:
        cursor.execute(FIGURES_SQL, params)
        return cursor.fetchall()


def timed(function, repeat: int) -> tuple[float, object]:
    samples, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), result


def _vm_hwm_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def pdf_peak_memory(get) -> tuple[float, float]:
    """(growth of the peak RSS, tracemalloc's peak), MiB, of one PDF request."""
    clear_refs = Path("/proc/self/clear_refs")
    clear_refs.write_text("5")  # reset VmHWM to the current RSS
    before = _vm_hwm_kib()
    tracemalloc.start()
    get()
    _current, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return (_vm_hwm_kib() - before) / 1024, traced_peak / 2**20


def main() -> None:
    args = arguments()
    warnings.filterwarnings("ignore", message="No directory at")  # whitenoise: no collectstatic
    where = configure()
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # Static files are not collected for a benchmark: plain URLs instead of the manifest's.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.db import connection

    from klachtenregeling.core import clock
    from klachtenregeling.reports.models import ComplaintStatistic
    from tests.two_factor import VerifiedClient

    call_command("migrate", verbosity=0)
    rng = random.Random(args.seed)  # noqa: S311 - test data, not secrets
    with clock.frozen(datetime(2026, 12, 1, 8, 30, tzinfo=UTC)):
        start = time.perf_counter()
        organisation, officer = generate(args.rows, rng)
        generated = time.perf_counter() - start
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        own = ComplaintStatistic.objects.filter(organisation=organisation)
        in_year = own.filter(ended_on__year=2025).count()
        client = VerifiedClient()
        client.force_login(officer)

        def get(path: str):
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            return response

        get(URL + QUERY)  # warm up: templates, translations, the first connection
        print(f"# Reports benchmark — {where}")
        print(
            f"{ComplaintStatistic.objects.count():,} statistics rows in 4 organisations; "
            f"the measured one {own.count():,} ({in_year:,} ended in 2025); "
            f"generated in {generated:.1f} s; median of {args.repeat} runs"
        )
        print()
        print("| what | ms | load (1 min) |")
        print("|---|---:|---:|")

        def show(label: str, function) -> object:
            ms, result = timed(function, args.repeat)
            print(f"| {label} | {ms:,.1f} | {os.getloadavg()[0]:.2f} |")
            return result

        show("yearly report page (2025 beside 2024), full request", lambda: get(URL + QUERY))
        pdf = show("its PDF, full request", lambda: get(URL + "pdf/" + QUERY))
        show("its CSV, full request", lambda: get(URL + "csv/" + QUERY))
        rows = show(
            "one hand-written SQL query of the same figures", lambda: figures_sql(organisation)
        )
        rss, traced = pdf_peak_memory(lambda: get(URL + "pdf/" + QUERY))
        print()
        print(f"PDF: {len(pdf.content) / 1024:,.0f} KiB; SQL returned {len(rows)} rows.")
        print(
            f"Peak memory of rendering the PDF: +{rss:,.1f} MiB resident (VmHWM growth), "
            f"{traced:,.1f} MiB Python allocations (tracemalloc peak)."
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
