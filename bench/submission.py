"""Benchmark: the public complaint submission (issue 19), requests per second.

Posts the public form (with its CSRF token, a fresh submission key each time) through
Django's test client — the whole stack but the network and the server — against a
database of its own filled by `manage.py generate_complaints`, and prints the median of
--repeat runs and the load average (the machine is shared: read figures beside it).

    .venv/bin/python bench/submission.py --complaints 2000 --requests 200
    .venv/bin/python bench/submission.py --profile     # pyinstrument profile of one run
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/klachten_bench_submit \\
        .venv/bin/python bench/submission.py           # PostgreSQL (emptied first)
"""

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--complaints", type=int, default=2000, help="generated first")
    parser.add_argument("--requests", type=int, default=200, help="submissions per run")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="pyinstrument, one run")
    return parser.parse_args()


def main() -> None:
    args = arguments()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    if os.environ.get("DATABASE_URL"):
        from deadlines import _create_postgres_database

        _create_postgres_database(os.environ["DATABASE_URL"])
        where = "PostgreSQL"
    else:
        os.environ["DATA_DIR"] = tempfile.mkdtemp(prefix="klachten-submit-")
        where = "SQLite (WAL)"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from klachtenregeling.organisations.models import Organisation

    settings.ALLOWED_HOSTS = ["*"]
    settings.RATELIMIT_ENABLE = False  # every submission comes from one address here
    # No collectstatic for a benchmark: plain static storage (whitenoise finds the files).
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", verbosity=0)
    call_command(
        "generate_complaints", "--count", str(args.complaints), "--no-progress", verbosity=0
    )
    organisation = Organisation.objects.order_by("pk").first()
    form = reverse("public:complaint-form", args=[organisation.slug])
    client = Client(enforce_csrf_checks=True)
    counter = iter(range(10**9))

    def submit() -> None:
        page = client.get(form).content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        key = re.search(r'name="submission_key" value="([^"]*)"', page)
        response = client.post(
            form,
            {
                "csrfmiddlewaretoken": token,
                "submission_key": key.group(1) if key else f"bench-{next(counter)}",
                "complainant_name": "Jan de Vries",
                "complainant_email": f"jan{next(counter)}@example.org",
                "representation": "self",
                "engagement_description": "Training timemanagement in Utrecht",
                "concerns": ["quality"],
                "description": "De training begon een uur te laat en niemand legde uit waarom.",
            },
        )
        if response.status_code != 302:
            raise SystemExit(f"submission answered {response.status_code}")

    def run() -> float:
        start = time.perf_counter()
        for _ in range(args.requests):
            submit()
        return args.requests / (time.perf_counter() - start)

    submit()  # warm up
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
        rate = run()
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        print(f"{rate:.1f} submissions/s (GET form + POST) under the profiler")
        return
    rates = [run() for _ in range(args.repeat)]
    load = os.getloadavg()
    print(
        f"# Submission — {where}, {args.complaints:,} complaints generated first; "
        f"{args.requests} submissions per run (GET form + POST), test client, one process"
    )
    print(
        f"median {statistics.median(rates):.1f}/s (runs: "
        + ", ".join(f"{r:.1f}" for r in rates)
        + f"); load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores"
    )


if __name__ == "__main__":
    main()
