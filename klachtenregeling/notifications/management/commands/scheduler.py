"""Periodic work, from cron (`--once`) or as a long-running process (the default).

Every round: deliver outbox messages whose delivery task was lost or is overdue (a
worker that died mid-send). Every few rounds: the reminders of R-7.1 and R-5.2
(deadline reminders, statement reminders, the daily overdue digest, the admin's
alert for a passed term), after the daily compliance check of every open complaint
(issue 14: the stored status a step did not change, because time passed) and followed by
the administrator's digest of new breaches. Every round also enqueues the fetch of the
organisations' mailboxes (issue 18), one task at a time. All are idempotent, so running twice sends nothing twice.
With the reminders, finished background-task results older than a day are removed: their
arguments can hold an e-mail address (the lost-link form), which is not kept longer than
the work needs (R-6.1); failed ones are kept a week for the administrator to look into.
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

from klachtenregeling.complaints.services.pending_uploads import pending_uploads_prune
from klachtenregeling.compliance.stored import compliance_refresh_all
from klachtenregeling.inbound.services import mail_purge_failed
from klachtenregeling.inbound.tasks import fetch_mail_enqueue_due
from klachtenregeling.notifications import delivery
from klachtenregeling.oral.services import oral_records_remind_due
from klachtenregeling.reminders.services import reminders_send_due
from klachtenregeling.retention import destruction
from klachtenregeling.suggestions.services import subject_models_train_due


class Command(BaseCommand):
    help = "Run periodic work: sweep the outbox and send the reminders that are due."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run one round and exit.")
        parser.add_argument("--interval", type=int, default=60, help="Seconds between rounds.")
        parser.add_argument(
            "--reminders-every",
            type=int,
            default=10,
            help="Look for due reminders every this many rounds (always with --once).",
        )

    def handle(self, *args, once=False, interval=60, reminders_every=10, **options):
        verbose = options["verbosity"] > 1
        round_number = 0
        while True:
            if once or round_number % max(1, reminders_every) == 0:
                # Issue 14: once a day (complaints not yet checked today), before the digest.
                checked = compliance_refresh_all()
                if checked or verbose:
                    self.stdout.write(f"compliance: {checked} open complaint(s) checked")
                report = reminders_send_due()
                if report.total or verbose:
                    self.stdout.write(f"reminders: {report.sent or 'none due'}")
                prune_task_results(verbosity=options["verbosity"])
                subject_models_train_due()  # each organisation's model, once a day
                destruction.destruction_reminders_send_due()  # a day before the end
                destruction.destruction_lists_start_due()  # cooling-off over: a task
                destruction.destruction_lists_resume_stalled()  # a task that was lost
                mail_purge_failed()  # issue 18: unreadable mail is kept 30 days
                pending_uploads_prune()  # issue 17: files of forms never sent, after 24 h
                oral_records_remind_due()  # an oral complaint's reminder, halfway
            fetch_mail_enqueue_due()  # issue 18: every round, one fetch task at a time
            sent = delivery.deliver_due()
            if sent or verbose:
                self.stdout.write(f"outbox: {sent} message(s) delivered")
            if once:
                return
            round_number += 1
            time.sleep(interval)


def prune_task_results(verbosity: int = 0) -> None:
    """django-tasks-db's own pruning: finished after a day, failed after a week."""
    call_command(
        "prune_db_task_results",
        "--queue-name=*",
        "--min-age-days=1",
        "--failed-min-age-days=7",
        verbosity=verbosity,
    )
