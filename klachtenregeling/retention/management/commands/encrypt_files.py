"""Encrypt the files of complaints stored before encryption existed (R-8.5).

Idempotent and restartable: a file that is already encrypted is left alone; each batch is
its own transaction. Run once after upgrading (`make run` runs it on every start; with
nothing to do it only reads the first bytes of each file).
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from klachtenregeling.complaints.models import Attachment
from klachtenregeling.retention.files import encrypt_in_place


class Command(BaseCommand):
    help = "Encrypt stored complaint files that are not encrypted yet (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=200)

    def handle(self, *args, batch: int, **options):
        encrypted = checked = 0
        last_pk = None
        while True:
            rows = Attachment.objects.exclude(file="").order_by("pk")
            if last_pk is not None:
                rows = rows.filter(pk__gt=last_pk)
            page = list(rows[:batch])
            if not page:
                break
            with transaction.atomic():
                for attachment in page:
                    checked += 1
                    if attachment.file.storage.exists(attachment.file.name):
                        encrypted += encrypt_in_place(attachment)
                    else:
                        self.stderr.write(f"missing file of attachment {attachment.pk}")
            last_pk = page[-1].pk
        self.stdout.write(f"{checked} files checked, {encrypted} encrypted.")
