"""Import saved .eml files through the same path as the mailbox (idempotent)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from klachtenregeling.inbound.constants import Source
from klachtenregeling.inbound.services import mail_import
from klachtenregeling.organisations.models import Organisation


class Command(BaseCommand):
    help = "Import .eml files for an organisation: threaded into dossiers or into the triage inbox."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help=".eml files")
        parser.add_argument("--organisation", required=True, help="The organisation's slug.")

    def handle(self, *args, files, organisation, **options):
        org = Organisation.objects.filter(slug=organisation).first()
        if org is None:
            raise CommandError(f"Geen organisatie met de naam {organisation!r}.")
        for name in files:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"{name}: bestand niet gevonden.")
            result = mail_import(organisation=org, raw=path.read_bytes(), source=Source.FILE)
            state = "nieuw" if result.created else "al ingelezen"
            self.stdout.write(f"{name}: {result.mail.get_status_display()} ({state})")
