"""Storing checked files as attachments, with clean-up when the transaction fails."""

from collections.abc import Iterator
from contextlib import contextmanager

from klachtenregeling.audit import events
from klachtenregeling.audit.constants import ActorRole
from klachtenregeling.core import clock
from klachtenregeling.retention.files import save_encrypted

from ..models import Attachment
from ..uploads import CheckedFile


class StoredFiles:
    """Files written during one transaction, removed again if it does not commit."""

    def __init__(self) -> None:
        self._attachments: list[Attachment] = []

    def add(
        self,
        complaint,
        checked: CheckedFile,
        *,
        kind: str,
        by,
        role: ActorRole | None,
        record_event: bool = True,
    ) -> Attachment:
        attachment = Attachment(
            complaint=complaint,
            kind=kind,
            filename=checked.filename,
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
            uploaded_by=by,
            uploaded_at=clock.now(),
        )
        # stored encrypted with the complaint's key; sha256 is of the plaintext.
        save_encrypted(attachment, checked.filename, checked.stream)
        self._attachments.append(attachment)
        attachment.save()
        if record_event:
            events.attachment_added(complaint, attachment=attachment, by=by, role=role)
        return attachment

    def remove_all(self) -> None:
        for attachment in self._attachments:
            if attachment.file.name:
                attachment.file.storage.delete(attachment.file.name)


@contextmanager
def cleaned_up_on_failure() -> Iterator[StoredFiles]:
    """Use around a transaction: files it stored are deleted if it raises (also on commit)."""
    stored = StoredFiles()
    try:
        yield stored
    except BaseException:
        stored.remove_all()
        raise
