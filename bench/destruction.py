"""Benchmark: destroying a destruction list (R-8.5). Prints complaints per second and the
peak memory.

It fills a database of its own with N ended complaints made through the real services
(filed with one attachment, written encrypted through the storage path; started, a note,
withdrawn: about ten case events each), a report and a review covering them, then proposes
the list, confirms it twice, lets the cooling-off pass and times the destruction (batches;
SQLite checkpoints, PostgreSQL vacuums the touched tables afterwards, included).

Usage (from the project's root):

    .venv/bin/python bench/destruction.py --complaints 300                 # SQLite, temp dir
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kr_bench_destruction \\
        .venv/bin/python bench/destruction.py --complaints 300            # PostgreSQL

Setting up through the services is slow (about as slow as filing complaints for real);
the figure that matters is the destruction rate, which does not depend on N.
"""

import argparse
import io
import os
import resource
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def configure() -> str:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATA_DIR"] = tempfile.mkdtemp(prefix="klachten-bench-")
        return f"SQLite in {os.environ['DATA_DIR']}"
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(os.environ["DATABASE_URL"])
    name = parts.path.lstrip("/")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{name}"')
    return f"PostgreSQL {name}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--complaints", type=int, default=300)
    args = parser.parse_args()
    where = configure()
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from klachtenregeling.complaints import services as complaint_services
    from klachtenregeling.complaints.constants import Concern
    from klachtenregeling.complaints.rules.intake import ComplaintDraft
    from klachtenregeling.core import clock
    from klachtenregeling.handling import services as handling_services
    from klachtenregeling.handling.tests import steps
    from klachtenregeling.reports.models import Report
    from klachtenregeling.retention import destruction
    from klachtenregeling.reviews.models import Review
    from tests.factories import OrganisationFactory, UserFactory

    def at(text):
        return clock.frozen(datetime.fromisoformat(text).replace(tzinfo=clock.AMSTERDAM))

    org = OrganisationFactory()
    officer = UserFactory(organisation=org, is_officer=True)
    second = UserFactory(organisation=org, is_officer=True)
    started = time.perf_counter()
    with at("2025-06-02 10:00"):
        for number in range(args.complaints):
            draft = ComplaintDraft(
                complainant_name=f"Klager {number}",
                complainant_email=f"klager{number}@example.org",
                description="De training begon een uur te laat.",
                concerns=(Concern.PERFORMANCE,),
                engagement_description="Training, maart",
            )
            complaint = complaint_services.complaint_submit(
                organisation=org,
                draft=draft,
                files=[(f"bijlage-{number}.txt", io.BytesIO(b"Verslag " * 2000))],
            ).complaint
            complaint = steps.start(complaint, officer)
            complaint_services.complaint_add_note(complaint=complaint, text="Notitie", by=officer)
            handling_services.complaint_withdraw_by_complainant(
                complaint=steps.fresh(complaint),
                reason="Opgelost.",
                link=steps.link_for(steps.fresh(complaint)),
            )
    setup = time.perf_counter() - started
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
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        done = destruction.destruction_list_destroy(list_id=the_list.pk)
        seconds = time.perf_counter() - started
    destroyed = done.items.filter(result="destroyed").count()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{where}: {args.complaints} complaints set up in {setup:.0f} s")
    print(
        f"destroyed {destroyed} in {seconds:.2f} s: {destroyed / seconds:.0f} complaints/s; "
        f"peak memory {peak / 1024:.0f} MiB (before destruction {before / 1024:.0f} MiB)"
    )


if __name__ == "__main__":
    main()
