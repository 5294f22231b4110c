"""The mailbox against a real Dovecot on loopback: fetch, import, move; nothing lost or doubled."""

import time

import pytest
from django.core.management import call_command

from klachtenregeling.audit.constants import EventType
from klachtenregeling.inbound import fetching
from klachtenregeling.inbound.constants import MailStatus, Source
from klachtenregeling.inbound.models import InboundMail

from .conftest import corpus_bytes

pytestmark = pytest.mark.django_db

CORPUS = [
    "forwarded_complaint.eml",
    "pdf_and_docx.eml",
    "windows_1252.eml",
    "no_message_id.eml",
    "html_only.eml",
    "unreadable.eml",
]


def test_fetch_imports_every_message_and_moves_it(imap_mailbox, dovecot):
    for name in CORPUS:
        dovecot.append(corpus_bytes(name))
    report = fetching.fetch_mailbox(imap_mailbox)
    assert (report.fetched, report.created, report.failed, report.moved) == (6, 6, 1, 6)
    assert report.errors == []
    assert dovecot.count("INBOX") == 0
    assert dovecot.count("Verwerkt") == 6
    assert InboundMail.objects.filter(source=Source.IMAP).count() == 6
    assert InboundMail.objects.filter(status=MailStatus.TRIAGE).count() == 5


def test_received_is_the_servers_arrival_time(imap_mailbox, dovecot):
    arrived = time.time() - 3 * 86400
    dovecot.append(corpus_bytes("windows_1252.eml"), when=arrived)
    fetching.fetch_mailbox(imap_mailbox)
    mail = InboundMail.objects.get()
    assert abs(mail.received_at.timestamp() - int(arrived)) < 2


def test_a_crash_before_the_move_gives_one_record(imap_mailbox, dovecot, monkeypatch):
    """The server still holds the messages after the import (the move failed): the next
    run finds them stored and only moves them."""
    for name in CORPUS[:3]:
        dovecot.append(corpus_bytes(name))

    def broken_move(self, *args, **kwargs):
        raise ConnectionResetError("connection lost before the move")

    monkeypatch.setattr(fetching.MailBoxUnencrypted, "move", broken_move)
    first = fetching.fetch_mailbox(imap_mailbox)
    assert first.created == 3 and first.errors
    assert dovecot.count("INBOX") == 3
    monkeypatch.undo()
    second = fetching.fetch_mailbox(imap_mailbox)
    assert (second.fetched, second.created, second.moved) == (3, 0, 3)
    assert InboundMail.objects.count() == 3
    assert dovecot.count("INBOX") == 0


def test_a_reply_in_the_mailbox_enters_the_dossier(imap_mailbox, dovecot, complaint, reply_values):
    dovecot.append(corpus_bytes("outlook_reply.eml", **reply_values))
    call_command("fetch_mail")
    assert complaint.events.filter(type=EventType.MAIL_RECEIVED).count() == 1


def test_a_wrong_password_is_reported_not_raised(imap_mailbox, dovecot):
    imap_mailbox.secret = "fout"
    imap_mailbox.save()
    report = fetching.fetch_mailbox(imap_mailbox)
    assert report.errors
    imap_mailbox.refresh_from_db()
    assert imap_mailbox.last_error


def test_import_eml_command_is_the_same_path(mailbox, tmp_path, capsys):
    path = tmp_path / "klacht.eml"
    path.write_bytes(corpus_bytes("windows_1252.eml"))
    call_command("import_eml", str(path), str(path), organisation="interactie")
    out = capsys.readouterr().out
    assert "(nieuw)" in out and "(al ingelezen)" in out
    assert InboundMail.objects.get().source == Source.FILE
