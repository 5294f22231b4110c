"""Fetch the organisations' mailboxes once (for cron; the scheduler does it by itself too)."""

from django.core.management.base import BaseCommand

from klachtenregeling.inbound import fetching


class Command(BaseCommand):
    help = "Fetch new mail from every enabled organisation mailbox (IMAP) and import it."

    def handle(self, *args, **options):
        failed = False
        for pk, report in fetching.fetch_all().items():
            self.stdout.write(
                f"mailbox {pk}: {report.fetched} fetched, {report.created} new, "
                f"{report.failed} unreadable, {report.moved} moved"
            )
            for error in report.errors:
                failed = True
                self.stderr.write(f"mailbox {pk}: {error}")
        if failed:
            raise SystemExit(1)
