"""Fill the database with volume data for benchmarks and scale tests (issue 19)."""

import time

from django.core.management.base import BaseCommand, CommandError
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from ... import generator

MAX_COUNT = 1_000_000


class Command(BaseCommand):
    help = (
        "Generate N complaints (default 100,000, at most 1,000,000) with their dossiers over "
        "three years, spread over several organisations and officers, in bulk."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=100_000, help="Complaints to add.")
        parser.add_argument("--organisations", type=int, default=3)
        parser.add_argument("--officers", type=int, default=6, help="Officers per organisation.")
        parser.add_argument("--years", type=int, default=3)
        parser.add_argument("--batch", type=int, default=2000, help="Complaints per transaction.")
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument(
            "--workers",
            type=int,
            default=2,
            help="Processes that write at the same time (PostgreSQL; SQLite writes with one).",
        )
        parser.add_argument(
            "--password",
            default="",
            help="Password of the generated officers and administrators (default: none, "
            "they cannot log in).",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(
        self,
        *args,
        count,
        organisations,
        officers,
        years,
        batch,
        seed,
        workers,
        password,
        no_progress,
        **options,
    ):
        if not 1 <= count <= MAX_COUNT:
            raise CommandError(f"--count moet tussen 1 en {MAX_COUNT:,} liggen.")
        if not 1 <= organisations <= 50 or not 1 <= officers <= 50:
            raise CommandError("--organisations en --officers moeten tussen 1 en 50 liggen.")
        if not 1 <= workers <= 8:
            raise CommandError("--workers moet tussen 1 en 8 liggen.")
        import random

        start = time.perf_counter()
        orgs = generator.make_organisations(
            organisations,
            officers,
            password or None,
            random.Random(seed),  # noqa: S311  # nosec B311
        )
        columns = (
            TextColumn("[bold]klachten"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]}/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
        )
        with Progress(*columns, disable=no_progress, transient=False) as progress:
            task = progress.add_task("generate", total=count, rate="-")
            began = time.perf_counter()
            done = 0

            def advance(n: int) -> None:
                nonlocal done
                done += n
                rate = done / max(time.perf_counter() - began, 1e-6)
                progress.update(task, advance=n, rate=f"{rate:,.0f}")

            result = generator.generate(
                count,
                orgs,
                years=years,
                batch=batch,
                seed=seed,
                progress=advance,
                workers=workers,
            )
        generated = time.perf_counter() - began
        generator.analyse()
        total = time.perf_counter() - start
        rows = sum(result.rows.values())
        self.stdout.write(
            f"{result.complaints:,} complaints, {result.rows.get('event', 0):,} case events, "
            f"{rows:,} rows in {generated:.1f} s ({result.complaints / generated:,.0f} "
            f"complaints/s, {rows / generated:,.0f} rows/s); {total:.1f} s in all."
        )
        for org in orgs:
            self.stdout.write(
                f"  {org.organisation.name} (/{org.organisation.slug}/): officers "
                + ", ".join(u.username for u in org.officers)
            )
