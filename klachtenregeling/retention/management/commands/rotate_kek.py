"""Re-wrap every complaint key under a new key-encryption key (R-8.5).

1. Generate a new KEK; set KLACHTEN_KEK to the new one and KLACHTEN_KEK_PREVIOUS to the
   old one, restart (both work while this runs).
2. `manage.py rotate_kek` — restartable; rows already under the new KEK are skipped.
3. Remove KLACHTEN_KEK_PREVIOUS, restart, and destroy the old KEK.
The files themselves are not rewritten: only the small wrapped keys change.
"""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from klachtenregeling.retention import crypto, keys


class Command(BaseCommand):
    help = "Re-wrap every complaint key from KLACHTEN_KEK_PREVIOUS to KLACHTEN_KEK."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=500)

    def handle(self, *args, batch: int, **options):
        try:
            new, old = keys.current_kek(), keys.previous_kek()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        if new.kek_id == old.kek_id:
            raise CommandError("KLACHTEN_KEK and KLACHTEN_KEK_PREVIOUS are the same key.")
        try:
            rewrapped, skipped = keys.rewrap_all(old=old, new=new, batch=batch)
        except crypto.DecryptionError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{rewrapped} complaint keys re-wrapped, {skipped} already under the new key."
        )
