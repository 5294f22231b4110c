"""A complaint's files on disk are encrypted with the complaint's key (R-8.5).

Writing: `save_encrypted` streams the checked upload through the cipher into the storage.
Reading: `open_plaintext` streams it back; `open_verified` first authenticates the whole
file (without keeping its plaintext), so a changed file is refused before a download
starts. The SHA-256 stored on the attachment stays the digest of the plaintext.
"""

import logging
from typing import IO

from django.core.files import File
from django.db import transaction

from klachtenregeling.core.errors import FileUnreadable

from . import crypto, keys

logger = logging.getLogger(__name__)


def save_encrypted(attachment, filename: str, stream: IO[bytes]) -> None:
    """Store `stream` encrypted as `attachment.file` (the row is saved by the caller)."""
    key = keys.data_key_for_writing(attachment.complaint_id)
    stream.seek(0)
    reader = crypto.EncryptingReader(key, stream)
    attachment.file.save(filename, File(reader, name=filename), save=False)


def _raw(attachment) -> IO[bytes]:
    return attachment.file.storage.open(attachment.file.name, "rb")


def open_plaintext(attachment) -> crypto.DecryptingReader:
    """The attachment's content, streamed. Raises crypto.DecryptionError when unreadable."""
    key = keys.data_key(attachment.complaint_id)
    return crypto.DecryptingReader(key, _raw(attachment))


def read_plaintext(attachment) -> bytes:
    """The whole content (for a mail attachment or the case file); FileUnreadable if not."""
    try:
        with open_plaintext(attachment) as reader:
            return reader.read()
    except (crypto.DecryptionError, OSError) as error:
        raise unreadable(attachment, error) from error


def open_verified(attachment) -> crypto.DecryptingReader:
    """Authenticate every chunk first, then stream: a bad file fails before the response."""
    try:
        key = keys.data_key(attachment.complaint_id)
        with _raw(attachment) as raw:
            crypto.verify(key, raw)
        return crypto.DecryptingReader(key, _raw(attachment))
    except (crypto.DecryptionError, OSError) as error:
        raise unreadable(attachment, error) from error


def unreadable(attachment, error: Exception) -> FileUnreadable:
    """Log the failure and alert the organisation's administrators; the error to raise."""
    from .alerts import file_unreadable

    logger.error(
        "Stored file of attachment %s (complaint %s) cannot be decrypted: %s",
        attachment.pk,
        attachment.complaint_id,
        error,
    )
    try:
        file_unreadable(attachment)
    except Exception:  # the alert must never turn the clear error into a server error
        logger.exception("Alerting the administrators about attachment %s failed", attachment.pk)
    return FileUnreadable(str(error))


def is_encrypted(attachment) -> bool:
    with _raw(attachment) as raw:
        return crypto.is_encrypted(raw.read(crypto.HEADER_BYTES))


def encrypt_in_place(attachment) -> bool:
    """Encrypt a file stored before encryption existed (encrypt_files); False if already done.

    Written to a new name first and switched over; the plain file is removed only after
    the switch commits, so a crash leaves a readable file behind.
    """
    if is_encrypted(attachment):
        return False
    old_name = attachment.file.name
    with _raw(attachment) as raw:
        save_encrypted(attachment, old_name.rsplit("/", 1)[-1], raw)
    type(attachment).objects.filter(pk=attachment.pk).update(file=attachment.file.name)
    storage = attachment.file.storage
    transaction.on_commit(lambda: storage.delete(old_name))
    return True
