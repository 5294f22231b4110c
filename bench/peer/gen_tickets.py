"""Fill the peer (django-helpdesk) with N tickets of Dutch complaint text and 1-3
follow-ups each, created over the last three years, most of them closed, 80 % assigned
to one of four agents. Bulk inserts; deterministic for a seed. Run from bench/peer/site
with the peer's python: ../../../var/bench/peer/venv/bin/python ../gen_tickets.py --count N
"""

import argparse
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # bench/: texts.py
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peersite.settings")

import django

django.setup()

import texts  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from helpdesk.models import FollowUp, Queue, Ticket  # noqa: E402

BATCH = 5000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    rng = random.Random(args.seed)  # noqa: S311 - test data
    for model, name in ((Ticket, "created"), (Ticket, "modified")):
        field = model._meta.get_field(name)
        field.auto_now = field.auto_now_add = False  # our own dates
    queues = list(Queue.objects.order_by("id"))
    agents = list(get_user_model().objects.filter(username__startswith="agent"))
    have = Ticket.objects.count()
    now = timezone.now()
    started = time.monotonic()
    statuses = [Ticket.OPEN_STATUS, Ticket.REOPENED_STATUS, Ticket.RESOLVED_STATUS]
    statuses += [Ticket.CLOSED_STATUS, Ticket.DUPLICATE_STATUS]
    done = have
    while done < args.count:
        size = min(BATCH, args.count - done)
        tickets = []
        for _ in range(size):
            created = now - timedelta(days=rng.random() * 1095, seconds=rng.randrange(86400))
            tickets.append(
                Ticket(
                    title=texts.title(rng),
                    queue=rng.choice(queues),
                    created=created,
                    modified=created + timedelta(days=rng.random() * 20),
                    submitter_email=f"klager{rng.randrange(10**6)}@example.org",
                    assigned_to=rng.choice(agents) if rng.random() < 0.8 else None,
                    status=rng.choices(statuses, weights=[18, 3, 25, 52, 2])[0],
                    description=texts.description(rng),
                    priority=rng.choice([2, 3, 3, 3, 4]),
                )
            )
        with transaction.atomic():
            tickets = Ticket.objects.bulk_create(tickets)
            if not tickets[0].pk:  # SQLite before RETURNING: read the ids back
                top = Ticket.objects.order_by("-id").values_list("id", flat=True)[:size]
                for ticket, pk in zip(tickets, sorted(top), strict=True):
                    ticket.pk = pk
            FollowUp.objects.bulk_create(
                FollowUp(
                    ticket=ticket,
                    date=ticket.created + timedelta(days=i + rng.random()),
                    title="Reactie",
                    comment=texts.description(rng),
                    public=True,
                    user=ticket.assigned_to,
                )
                for ticket in tickets
                for i in range(rng.randint(1, 3))
            )
        done += size
        rate = (done - have) / (time.monotonic() - started)
        print(f"\r  peer: {done:,}/{args.count:,} tickets, {rate:,.0f}/s", end="", flush=True)
    print()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


if __name__ == "__main__":
    main()
