"""Periodic work, from cron (`--once`) or as a long-running process (the default).

Today: deliver outbox messages whose delivery task was lost or is overdue (a worker
that died mid-send, a task row that failed). Reminders and digests join here later.
"""

import time

from django.core.management.base import BaseCommand

from klachtenregeling.notifications import delivery


class Command(BaseCommand):
    help = "Run periodic work: sweep the outbox (and, later, reminders)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run one round and exit.")
        parser.add_argument("--interval", type=int, default=60, help="Seconds between rounds.")

    def handle(self, *args, once=False, interval=60, **options):
        while True:
            sent = delivery.deliver_due()
            if sent or options["verbosity"] > 1:
                self.stdout.write(f"outbox: {sent} message(s) delivered")
            if once:
                return
            time.sleep(interval)
