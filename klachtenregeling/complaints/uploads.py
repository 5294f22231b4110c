"""Attachments as received: name, size and type checked by content before anything is stored."""

import hashlib
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO

import magic
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.errors import InvalidInput
from klachtenregeling.core.text import not_a_plain_line

# Detected type -> the file-name extensions that may carry it.
ALLOWED_TYPES: dict[str, tuple[str, ...]] = {
    "application/pdf": (".pdf",),
    "image/png": (".png",),
    "image/jpeg": (".jpg", ".jpeg"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (".docx",),
    "text/plain": (".txt",),
    "message/rfc822": (".eml", ".txt"),
}
ALLOWED_EXTENSIONS = sorted({ext for exts in ALLOWED_TYPES.values() for ext in exts})
SNIFF_BYTES = 64 * 1024
MAX_FILENAME_LENGTH = 150
_BAD_NAME = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]")


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed every check; `stream` is rewound and ready to store."""

    filename: str
    content_type: str
    size: int
    sha256: str
    stream: IO[bytes]


def max_size_label() -> str:
    return f"{settings.MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB"


def check_filename(name: str, *, field: str = "attachments") -> str:
    """The client's file name, only if it is a plain name (no path, no traversal)."""
    name = (name or "").strip()
    if (
        not name
        or name in {".", ".."}
        or ".." in name
        or name.startswith(".")
        or _BAD_NAME.search(name)
        or not_a_plain_line(name)
        or len(name) > MAX_FILENAME_LENGTH
    ):
        raise InvalidInput(
            {field: [_("“%(name)s” is not a valid file name.") % {"name": name[:60]}]}
        )
    return name


def check_upload(name: str, stream: IO[bytes], *, field: str = "attachments") -> CheckedFile:
    """Check one file: a plain name, not empty, within the size limit, an allowed type by content."""
    filename = check_filename(name, field=field)
    stream.seek(0)
    head = stream.read(SNIFF_BYTES)
    digest = hashlib.sha256(head)
    size = len(head)
    for chunk in iter(lambda: stream.read(1024 * 1024), b""):
        size += len(chunk)
        digest.update(chunk)
        if size > settings.MAX_ATTACHMENT_BYTES:
            break
    stream.seek(0)

    def refuse(message) -> InvalidInput:
        return InvalidInput({field: [message]})

    if size == 0:
        raise refuse(_("“%(name)s” is empty.") % {"name": filename})
    if size > settings.MAX_ATTACHMENT_BYTES:
        raise refuse(
            _("“%(name)s” is larger than %(max)s.") % {"name": filename, "max": max_size_label()}
        )
    detected = magic.from_buffer(head, mime=True)
    extension = PurePosixPath(filename).suffix.lower()
    allowed_extensions = ALLOWED_TYPES.get(detected)
    if allowed_extensions is None:
        raise refuse(
            _("“%(name)s” is not a PDF, PNG, JPEG, DOCX, TXT or EML file.") % {"name": filename}
        )
    if extension not in allowed_extensions:
        raise refuse(
            _("The content of “%(name)s” does not match its extension %(ext)s.")
            % {"name": filename, "ext": extension or "—"}
        )
    return CheckedFile(filename, detected, size, digest.hexdigest(), stream)


def check_uploads(files: list[tuple[str, IO[bytes]]], *, field: str = "attachments") -> list:
    """Check a batch: the count limit, then each file; all errors are collected."""
    if len(files) > settings.MAX_ATTACHMENTS_PER_UPLOAD:
        raise InvalidInput(
            {field: [_("Attach at most %(n)d files.") % {"n": settings.MAX_ATTACHMENTS_PER_UPLOAD}]}
        )
    checked, messages = [], []
    for name, stream in files:
        try:
            checked.append(check_upload(name, stream, field=field))
        except InvalidInput as error:
            messages.extend(error.errors[field])
    if messages:
        raise InvalidInput({field: messages})
    return checked
