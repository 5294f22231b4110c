"""The key of each complaint's files, wrapped by the key-encryption key (KEK) (R-8.5).

Every complaint that has files has one random data key (AES-256). It is stored only wrapped
by the KEK, which lives outside the database (the environment, or var/kek in the embedded
installation). Destroying a complaint deletes its ComplaintKey row: every copy of its files,
also in backups, is then unreadable ("crypto-shredding").
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from klachtenregeling.core import clock

from . import crypto
from .models import ComplaintKey


@dataclass(frozen=True)
class Kek:
    key: bytes
    kek_id: str  # a fingerprint, so a row says which KEK wrapped it


def parse_kek(value: str, *, name: str = "KLACHTEN_KEK") -> Kek:
    """A KEK from its base64 text; ImproperlyConfigured with a plain reason otherwise."""
    try:
        key = crypto.parse_key_text(value, name=name)
    except ValueError as error:
        raise ImproperlyConfigured(str(error)) from error
    return Kek(key=key, kek_id=hashlib.sha256(b"kek-id:" + key).hexdigest()[:16])


def current_kek() -> Kek:
    return parse_kek(getattr(settings, "KLACHTEN_KEK", ""))


def previous_kek() -> Kek:
    return parse_kek(getattr(settings, "KLACHTEN_KEK_PREVIOUS", ""), name="KLACHTEN_KEK_PREVIOUS")


def _context(complaint_id: int) -> bytes:
    return f"complaint:{complaint_id}".encode()


def _kek_for(row: ComplaintKey) -> Kek:
    """The current KEK, or the previous one while a rotation is under way (rotate_kek)."""
    kek = current_kek()
    if row.kek_id == kek.kek_id:
        return kek
    if getattr(settings, "KLACHTEN_KEK_PREVIOUS", ""):
        previous = previous_kek()
        if row.kek_id == previous.kek_id:
            return previous
    raise crypto.DecryptionError("the complaint's key was wrapped by another key-encryption key")


def _unwrap(row: ComplaintKey) -> bytes:
    kek = _kek_for(row)
    return crypto.unwrap_key(kek.key, bytes(row.wrapped_key), context=_context(row.complaint_id))


def data_key(complaint_id: int) -> bytes:
    """The complaint's data key, to read its files. DecryptionError when there is none."""
    row = ComplaintKey.objects.filter(complaint_id=complaint_id).first()
    if row is None:
        raise crypto.DecryptionError("the complaint has no key (destroyed, or never made)")
    return _unwrap(row)


def data_key_for_writing(complaint_id: int) -> bytes:
    """The complaint's data key, made on its first file. Call inside the writing transaction."""
    kek = current_kek()  # before anything is written: no KEK, no file
    row = ComplaintKey.objects.filter(complaint_id=complaint_id).first()
    if row is None:
        key = crypto.new_key()
        row, created = ComplaintKey.objects.get_or_create(
            complaint_id=complaint_id,
            defaults={
                "wrapped_key": crypto.wrap_key(kek.key, key, context=_context(complaint_id)),
                "kek_id": kek.kek_id,
                "created_at": clock.now(),
            },
        )
        if created:
            return key
    return _unwrap(row)


def rewrap_all(*, old: Kek, new: Kek, batch: int = 500) -> tuple[int, int]:
    """Re-wrap every complaint key from `old` to `new`; returns (re-wrapped, already new).

    Idempotent and restartable: rows already under `new` are skipped; each batch commits.
    """
    from django.db import transaction

    rewrapped = skipped = 0
    last_pk = 0
    while True:
        with transaction.atomic():
            rows = list(
                ComplaintKey.objects.select_for_update()
                .filter(pk__gt=last_pk)
                .order_by("pk")[:batch]
            )
            if not rows:
                return rewrapped, skipped
            for row in rows:
                last_pk = row.pk
                if row.kek_id == new.kek_id:
                    skipped += 1
                    continue
                if row.kek_id != old.kek_id:
                    raise crypto.DecryptionError(
                        f"key {row.pk} was wrapped by neither the old nor the new key"
                    )
                context = _context(row.complaint_id)
                key = crypto.unwrap_key(old.key, bytes(row.wrapped_key), context=context)
                row.wrapped_key = crypto.wrap_key(new.key, key, context=context)
                row.kek_id = new.kek_id
                row.save(update_fields=["wrapped_key", "kek_id"])
                rewrapped += 1
