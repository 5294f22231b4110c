"""Where a request's time goes (issue 19): pyinstrument profiles of the pages whose targets
are not met — the public form (GET), a submission (POST), the dossier and the complainant's
status page — in-process (Django test client) on the benchmark's data. Prints, per page,
the median time of --requests requests and the profile of those requests (calls taking at
least --min-percent of the time), with the load average.

    DJANGO_SETTINGS_MODULE=bench.oursite.settings DATA_DIR=var/bench/ours-sqlite-100000 \\
        .venv/bin/python bench/profile_pages.py --requests 30
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.oursite.settings")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from ours_prepare import complainant_client, verified_client  # noqa: E402
from pyinstrument import Profiler  # noqa: E402

FORM = {
    "complainant_name": "Jan de Vries",
    "complainant_email": "jan@example.org",
    "representation": "self",
    "engagement_description": "Training timemanagement",
    "concerns": ["quality"],
    "description": "De training begon een uur te laat en niemand legde uit waarom.",
}


def pages() -> dict:
    from klachtenregeling.complaints.constants import Status
    from klachtenregeling.complaints.models import Complaint

    complaint = (
        Complaint.objects.filter(status=Status.CLOSED, assigned_officer__isnull=False)
        .order_by("-pk")
        .first()
    )
    organisation = complaint.organisation
    form_url = reverse("public:complaint-form", args=[organisation.slug])
    public = Client(HTTP_HOST="127.0.0.1")
    officer = verified_client(complaint.assigned_officer, HTTP_HOST="127.0.0.1")
    dossier = reverse("complaints:detail", args=[complaint.reference])
    complainant = complainant_client(complaint)
    status = reverse("portal:status", args=[organisation.slug])
    counter = iter(range(10**9))

    def submit():
        n = next(counter)
        return public.post(
            form_url,
            {**FORM, "submission_key": f"profile-{time.time_ns()}-{n}"},
            REMOTE_ADDR=f"10.9.{n // 250 % 250}.{n % 250 + 1}",
        )

    return {
        "public form GET": lambda: public.get(form_url),
        "submission POST": submit,
        "dossier": lambda: officer.get(dossier),
        "status page": lambda: complainant.get(status),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--min-percent", type=float, default=4.0)
    args = parser.parse_args()
    for name, call in pages().items():
        response = call()  # warm, and check
        assert response.status_code in (200, 302), (name, response.status_code)
        times = []
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(args.requests):
            start = time.perf_counter()
            call()
            times.append((time.perf_counter() - start) * 1000)
        profiler.stop()
        print(
            f"\n=== {name}: median {statistics.median(times):.1f} ms over {args.requests} "
            f"requests, load {os.getloadavg()[0]:.2f}"
        )
        from pyinstrument.renderers import ConsoleRenderer

        renderer = ConsoleRenderer(
            unicode=True,
            color=False,
            show_all=False,
            processor_options={"filter_threshold": args.min_percent / 100},
        )
        print(profiler.output(renderer))


if __name__ == "__main__":
    main()
