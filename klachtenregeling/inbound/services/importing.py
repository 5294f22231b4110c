"""Importing one raw message: the one code path of the mailbox, `import_eml` and the upload.

Idempotent: the (organisation, Message-ID) — or the digest of the raw message when it has
no Message-ID — is unique in the database, so a second worker, a crash between storing and
moving the message on the server, or the same file imported twice gives one record.
A message that cannot be read is kept raw as failed mail (MailStatus.FAILED) with the error.
"""

import io
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction

from klachtenregeling.audit import events
from klachtenregeling.audit.constants import ActorRole
from klachtenregeling.complaints.constants import FINAL_STATUSES, AttachmentKind
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.complaints.services.attachments import cleaned_up_on_failure
from klachtenregeling.complaints.uploads import check_upload
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput
from klachtenregeling.core.mail import ascii_domain, sender_address, sender_domain
from klachtenregeling.notifications import mail_messages
from klachtenregeling.notifications.models import DeliveryStatus, OutboxMessage

from .. import parsing
from ..constants import MailKind, MailStatus, TriageReason
from ..models import InboundMail, Mailbox
from ..rules import addressing, noise
from ..rules.parties import named_officer_ids, party_of

logger = logging.getLogger(__name__)
FAILED_KEPT = timedelta(days=30)


@dataclass(frozen=True)
class ImportResult:
    mail: InboundMail
    created: bool


def _mailbox_address(organisation) -> str:
    mailbox = Mailbox.objects.filter(organisation=organisation).only("address").first()
    return mailbox.address.lower() if mailbox else ""


def mail_import(
    *, organisation, raw: bytes, source: str, arrived_at: datetime | None = None
) -> ImportResult:
    """Store one message and act on it: into a dossier, the triage inbox, or aside as noise."""
    sha256 = parsing.digest(raw)
    try:
        if len(raw) > settings.MAX_INBOUND_MAIL_BYTES:
            raise parsing.UnreadableMail(
                f"larger than {settings.MAX_INBOUND_MAIL_BYTES // (1024 * 1024)} MB"
            )
        parsed = parsing.parse(raw)
    except parsing.UnreadableMail as error:
        return _store_failed(organisation, raw, sha256, source, arrived_at, str(error))
    key = parsed.message_id or f"sha256:{sha256}"
    existing = InboundMail.objects.filter(organisation=organisation, dedupe_key=key).first()
    if existing is not None:
        return ImportResult(existing, created=False)
    try:
        mail = _process(organisation, raw, sha256, source, arrived_at, parsed, key)
    except IntegrityError:  # another worker stored it at the same moment
        found = InboundMail.objects.filter(organisation=organisation, dedupe_key=key).first()
        if found is None:
            raise
        return ImportResult(found, created=False)
    return ImportResult(mail, created=True)


def _store_failed(organisation, raw, sha256, source, arrived_at, error: str) -> ImportResult:
    key = f"sha256:{sha256}"
    existing = InboundMail.objects.filter(organisation=organisation, dedupe_key=key).first()
    if existing is not None:
        return ImportResult(existing, created=False)
    now = clock.now()
    try:
        with transaction.atomic():
            mail = InboundMail.objects.create(
                organisation=organisation,
                dedupe_key=key,
                sha256=sha256,
                raw=raw,
                size=len(raw),
                source=source,
                received_at=arrived_at or now,
                imported_at=now,
                kind=MailKind.UNREADABLE,
                status=MailStatus.FAILED,
                error=error[:500],
            )
    except IntegrityError:
        return ImportResult(
            InboundMail.objects.get(organisation=organisation, dedupe_key=key), False
        )
    logger.warning("Incoming mail %s kept as failed: %s", mail.pk, error)
    return ImportResult(mail, created=True)


def _new_row(organisation, raw, sha256, source, arrived_at, parsed, key) -> InboundMail:
    now = clock.now()
    return InboundMail(
        organisation=organisation,
        dedupe_key=key[:300],
        message_id=parsed.message_id[:300],
        sha256=sha256,
        raw=raw,
        size=len(raw),
        source=source,
        received_at=arrived_at or parsed.date or now,
        imported_at=now,
        from_name=parsed.from_name,
        from_address=parsed.from_address,
        subject=parsed.subject,
        text=parsed.text,
        attachments=[
            {"filename": p.filename, "content_type": p.content_type, "size": len(p.content)}
            for p in parsed.attachments
        ],
    )


def _outbox_messages(ids: list[str]) -> list[OutboxMessage]:
    """Our outgoing messages among `ids` (a reply's In-Reply-To and References), newest first."""
    domain = ascii_domain(sender_domain())
    found = []
    for message_id in reversed(ids):
        hit = noise.outbox_pk(message_id, our_domain=domain)
        if hit is None:
            continue
        pk, stamp = hit
        message = OutboxMessage.objects.filter(pk=pk).select_related("complaint").first()
        if message is not None and f"{message.created_at:%Y%m%d%H%M%S}" == stamp:
            found.append(message)
    return found


def _thread(organisation, parsed, mailbox_address: str) -> Complaint | None:
    """R-7.4: In-Reply-To/References naming one of our messages first, then the keyed
    reply address. A reference typed in the subject alone is not trusted."""
    for message in _outbox_messages(parsed.in_reply_to + parsed.references):
        if message.complaint is not None and message.organisation_id == organisation.pk:
            return message.complaint
    if mailbox_address:
        for address in parsed.recipients:
            reference = addressing.reference_from_address(
                address, mailbox_address=mailbox_address, organisation_id=organisation.pk
            )
            if reference:
                return Complaint.objects.filter(
                    organisation=organisation, reference=reference
                ).first()
    return None


def _process(organisation, raw, sha256, source, arrived_at, parsed, key) -> InboundMail:
    mailbox_address = _mailbox_address(organisation)
    ours = {a for a in (sender_address().lower(), mailbox_address) if a}
    kind = noise.classify(
        parsed=parsed, our_domain=ascii_domain(sender_domain()), our_addresses=ours
    )
    mail = _new_row(organisation, raw, sha256, source, arrived_at, parsed, key)
    mail.kind = kind
    if kind == MailKind.BOUNCE:
        return _bounce(mail, parsed)
    if kind in (MailKind.LOOP, MailKind.AUTO_REPLY):
        mail.status = MailStatus.NOISE
        with transaction.atomic():
            mail.save()
        return mail
    complaint = _thread(organisation, parsed, mailbox_address)
    if complaint is None:
        mail.mentioned_reference = addressing.mentioned_reference(parsed.subject)
        reason = TriageReason.MENTIONS_REFERENCE if mail.mentioned_reference else TriageReason.NEW
        return _to_triage(mail, reason, organisation)
    mail.kind = MailKind.REPLY
    role = party_of(complaint, parsed.from_address)
    if role is None:
        mail.mentioned_reference = complaint.reference
        return _to_triage(mail, TriageReason.NOT_A_PARTY, organisation)
    if complaint.status in FINAL_STATUSES:
        mail.mentioned_reference = complaint.reference
        return _to_triage(mail, TriageReason.COMPLAINT_ENDED, organisation)
    return _into_dossier(mail, complaint, role, parsed)


def _to_triage(mail: InboundMail, reason: str, organisation) -> InboundMail:
    mail.status = MailStatus.TRIAGE
    mail.triage_reason = reason
    named = named_officer_ids(organisation, f"{mail.subject}\n{mail.text}")
    with transaction.atomic():
        mail.save()
        if named:
            mail.named_officers.set(named)
    return mail


def _into_dossier(mail: InboundMail, complaint, role: str, parsed) -> InboundMail:
    """The reply becomes a case event; its attachments are checked like web uploads."""
    mail.status = MailStatus.IN_DOSSIER
    checked, refused = [], []
    for part in parsed.attachments:
        try:
            checked.append(check_upload(part.filename, io.BytesIO(part.content)))
        except InvalidInput as error:
            refused.append({"filename": part.filename, "reason": str(error.message)})
    with cleaned_up_on_failure() as files, transaction.atomic():
        complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
        mail.complaint = complaint
        mail.save()
        stored = [
            files.add(complaint, c, kind=AttachmentKind.SUPPORTING, by=None, role=role)
            for c in checked
        ]
        events.mail_received(complaint, mail=mail, role=role, stored=stored, refused=refused)
        if role != ActorRole.OFFICER:
            mail_messages.mail_received(complaint, mail, party=role)
    return mail


def _bounce(mail: InboundMail, parsed) -> InboundMail:
    """Our message came back: it is marked undelivered in the dossier and the officer is
    alerted (the complainant may need a letter). Nothing else happens."""
    mail.status = MailStatus.NOISE
    candidates = _outbox_messages(
        parsed.returned_message_ids + parsed.in_reply_to + parsed.references
    )
    if not candidates:
        # Some servers return only the text: look for our Message-ID anywhere in it.
        ids = parsing.message_ids(mail.raw.decode("ascii", errors="replace"))
        candidates = _outbox_messages(ids)
    message = next((m for m in candidates if m.organisation_id == mail.organisation_id), None)
    with transaction.atomic():
        if message is None:
            mail.save()
            return mail
        mail.bounced_message = message
        mail.complaint = message.complaint
        mail.save()
        message = OutboxMessage.objects.select_for_update().get(pk=message.pk)
        if message.status == DeliveryStatus.FAILED and message.last_error.startswith("bounced"):
            return mail  # a second bounce of the same message
        message.status = DeliveryStatus.FAILED
        message.last_error = f"bounced: {parsed.diagnostic or mail.subject}"[:500]
        message.save(update_fields=["status", "last_error"])
        if message.complaint_id:
            complaint = Complaint.objects.select_for_update().get(pk=message.complaint_id)
            events.message_failed(complaint, message=message)
            if message.recipient_role != ActorRole.OFFICER:
                mail_messages.message_bounced(complaint, message)
    return mail


def mail_retry(*, mail: InboundMail) -> InboundMail:
    """Read a failed message again (after a fix); on success it is handled as if new."""
    if mail.status != MailStatus.FAILED:
        return mail
    raw = bytes(mail.raw)
    try:
        parsed = parsing.parse(raw)
    except parsing.UnreadableMail as error:
        InboundMail.objects.filter(pk=mail.pk).update(error=str(error)[:500])
        mail.refresh_from_db()
        return mail
    key = parsed.message_id or f"sha256:{mail.sha256}"
    with transaction.atomic():
        source, arrived_at, organisation = mail.source, mail.received_at, mail.organisation
        InboundMail.objects.filter(pk=mail.pk).delete()
        existing = InboundMail.objects.filter(organisation=organisation, dedupe_key=key).first()
        if existing is not None:
            return existing
        return _process(organisation, raw, mail.sha256, source, arrived_at, parsed, key)


def mail_purge_failed() -> int:
    """Failed mail is kept 30 days for the administrator, then deleted."""
    cutoff = clock.now() - FAILED_KEPT
    deleted, _ = InboundMail.objects.filter(
        status=MailStatus.FAILED, imported_at__lt=cutoff
    ).delete()
    return deleted
