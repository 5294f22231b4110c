"""Fetching the organisation's mailbox over IMAP (imap-tools), in batches.

Each batch: the messages' raw bytes and arrival times (INTERNALDATE) are read without
marking them seen, each goes through the one import path (services.mail_import), and the
batch is then moved to the mailbox's "move to" folder. A crash between import and move
leaves the messages in the folder; the next run imports them again and the database finds
them already stored (one record), then moves them. Memory stays flat: one batch at a time.
"""

import imaplib
import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime

from imap_tools import MailBox, MailBoxStartTls, MailBoxUnencrypted, MailMessage

from klachtenregeling.core import clock

from .constants import AuthMethod, MailStatus, Security, Source
from .models import Mailbox
from .services import mail_import

logger = logging.getLogger(__name__)
BATCH = 50
TIMEOUT = 60


class RawMessage(MailMessage):
    """A fetched message as bytes: imap-tools' own parse is skipped (ours is parsing.py)."""

    def __init__(self, fetch_data: list) -> None:
        raw, uid_data, flag_data = self._get_message_data_parts(fetch_data)
        self._raw_uid_data = uid_data
        self._raw_flag_data = flag_data
        self.raw = raw
        self.obj = None


@dataclass
class FetchReport:
    fetched: int = 0
    created: int = 0
    failed: int = 0
    moved: int = 0
    errors: list[str] = field(default_factory=list)


def _connect(mailbox: Mailbox):
    kind = {
        Security.SSL: MailBox,
        Security.STARTTLS: MailBoxStartTls,
        Security.NONE: MailBoxUnencrypted,
    }[mailbox.security]
    box = kind(mailbox.host, mailbox.port, timeout=TIMEOUT)
    box.email_message_class = RawMessage
    if mailbox.auth_method == AuthMethod.XOAUTH2:
        box.xoauth2(mailbox.username, mailbox.secret, initial_folder=mailbox.folder)
    else:
        box.login(mailbox.username, mailbox.secret, initial_folder=mailbox.folder)
    return box


def _arrival_times(box, uids: list[str]) -> dict[str, datetime]:
    """INTERNALDATE per UID: when the server received the message."""
    status, data = box.client.uid("FETCH", ",".join(uids), "(UID INTERNALDATE)")
    times = {}
    if status != "OK":
        return times
    for item in data:
        line = item if isinstance(item, bytes) else item[0]
        parsed = imaplib.Internaldate2tuple(line)
        uid = line.split(b"UID ", 1)[-1].split(b" ", 1)[0].rstrip(b")").decode()
        if parsed is not None:
            times[uid] = datetime.fromtimestamp(time.mktime(parsed), tz=UTC)
    return times


def fetch_mailbox(mailbox: Mailbox, *, limit: int | None = None) -> FetchReport:
    """Import every message in the mailbox's folder and move it on; returns the counts."""
    report = FetchReport()
    try:
        with _connect(mailbox) as box:
            if mailbox.move_to and not box.folder.exists(mailbox.move_to):
                box.folder.create(mailbox.move_to)
            uids = list(box.uids("ALL"))[:limit]
            for start in range(0, len(uids), BATCH):
                _batch(box, mailbox, uids[start : start + BATCH], report)
    except Exception as error:  # the server, the network, the sign-in: said, not raised
        logger.warning("Fetching mailbox %s failed: %s", mailbox.pk, error)
        report.errors.append(f"{type(error).__name__}: {error}")
    Mailbox.objects.filter(pk=mailbox.pk).update(
        last_fetched_at=clock.now(), last_error=("; ".join(report.errors))[:500]
    )
    return report


def _batch(box, mailbox: Mailbox, uids: list[str], report: FetchReport) -> None:
    arrived = _arrival_times(box, uids)
    done = []
    for message in box.fetch(
        uid_list=uids, mark_seen=False, bulk=len(uids) if len(uids) > 1 else False
    ):
        report.fetched += 1
        result = mail_import(
            organisation=mailbox.organisation,
            raw=message.raw,
            source=Source.IMAP,
            arrived_at=arrived.get(message.uid),
        )
        report.created += result.created
        report.failed += result.mail.status == MailStatus.FAILED
        done.append(message.uid)
    if done and mailbox.move_to:
        box.move(done, mailbox.move_to)
        report.moved += len(done)


def fetch_all() -> dict[int, FetchReport]:
    """Every enabled mailbox once (the scheduled task and `manage.py fetch_mail`)."""
    return {
        mailbox.pk: fetch_mailbox(mailbox)
        for mailbox in Mailbox.objects.filter(enabled=True).select_related("organisation")
    }
