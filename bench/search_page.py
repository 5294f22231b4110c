"""The officer's search at volume, in-process (issue 19): the officer with the most complaints
searches a common Dutch word; times the whole dashboard page (Django test client, a
verified session) and the search's SQL alone (the first page of 25 rows and the count, as
the paginator asks them). Prints p50/p95 per round, the load average beside each round, and
the medians of the rounds.

    DJANGO_SETTINGS_MODULE=bench.oursite.settings DATA_DIR=var/bench/ours \\
        .venv/bin/python bench/search_page.py --word factuur --requests 40 --rounds 3

BENCH_ROOT=<another checkout> runs that checkout's code on the same data (before/after).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(os.environ.get("BENCH_ROOT") or Path(__file__).resolve().parent.parent)
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.oursite.settings")

import django  # noqa: E402

django.setup()

from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(call, n: int) -> list[float]:
    call()  # warm
    times = []
    for _ in range(n):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--word", default="factuur")
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--view", default="open", help="open, or ended (the officer's history)")
    args = parser.parse_args()

    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from klachtenregeling.accounts.models import User
    from klachtenregeling.complaints.models import Complaint
    from klachtenregeling.complaints.selectors import DashboardFilter, complaint_list_for_officer

    officer = (
        User.objects.filter(is_officer=True)
        .annotate(n=Count("complaints_handled"))
        .order_by("-n")
        .first()
    )
    device = TOTPDevice.objects.filter(user=officer).first() or TOTPDevice.objects.create(
        user=officer, name="bench", key="3132333435363738393031323334353637383930", confirmed=True
    )
    client = Client(HTTP_HOST="127.0.0.1")  # the embedded default allows localhost only
    client.force_login(officer)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    url = f"{reverse('complaints:dashboard')}?q={args.word}&view={args.view}"
    filters = DashboardFilter(query=args.word, view=args.view)

    def page():
        response = client.get(url)
        assert response.status_code == 200, response.status_code

    def sql():
        """The first page and its count as the page asks them: the ended view counts no
        further than the page and one row more (core/pagination.py), the open one all."""
        rows = complaint_list_for_officer(officer, filters)
        list(rows[:25])
        if filters.ended:
            rows.order_by().values("pk")[:26].count()
        else:
            rows.count()

    hits = complaint_list_for_officer(officer, filters).count()
    print(
        f"{ROOT}: {Complaint.objects.count():,} complaints, the officer has "
        f"{Complaint.objects.filter(assigned_officer=officer).count():,}; "
        f"'{args.word}': {hits:,} hits ({args.view})"
    )
    results = {"page": [], "sql": []}
    for round_ in range(1, args.rounds + 1):
        for name, call in (("page", page), ("sql", sql)):
            times = timed(call, args.requests)
            p50, p95 = percentile(times, 50), percentile(times, 95)
            results[name].append((p50, p95))
            load = os.getloadavg()[0]
            print(f"round {round_} {name:4}: p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  load {load:.2f}")
    for name, rows in results.items():
        p50 = statistics.median(r[0] for r in rows)
        p95 = statistics.median(r[1] for r in rows)
        print(f"median of {args.rounds} {name:4}: p50 {p50:7.1f} ms  p95 {p95:7.1f} ms")


if __name__ == "__main__":
    main()
