"""Set a mailbox's password or OAuth2 access token, read from standard input.

For Microsoft 365 and Google (XOAUTH2) the organisation's own tooling fetches an access
token and pipes it in before it expires, e.g. from cron every 45 minutes:
    get-token | manage.py set_mailbox_secret --organisation interactie --xoauth2
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from klachtenregeling.inbound.constants import AuthMethod
from klachtenregeling.inbound.models import Mailbox
from klachtenregeling.inbound.services import mailbox_set_secret


class Command(BaseCommand):
    help = "Set the password or OAuth2 access token of an organisation's mailbox (from stdin)."

    def add_arguments(self, parser):
        parser.add_argument("--organisation", required=True, help="The organisation's slug.")
        parser.add_argument("--xoauth2", action="store_true", help="The secret is an access token.")

    def handle(self, *args, organisation, xoauth2=False, **options):
        mailbox = Mailbox.objects.filter(organisation__slug=organisation).first()
        if mailbox is None:
            raise CommandError(f"{organisation!r} heeft nog geen mailbox; stel die eerst in.")
        secret = sys.stdin.readline().strip()
        if not secret:
            raise CommandError("Geen wachtwoord of token ontvangen op standaardinvoer.")
        method = AuthMethod.XOAUTH2 if xoauth2 else AuthMethod.PASSWORD
        mailbox_set_secret(mailbox=mailbox, secret=secret, auth_method=method)
        self.stdout.write(f"Opgeslagen ({method}).")
