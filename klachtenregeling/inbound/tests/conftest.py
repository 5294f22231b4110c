from pathlib import Path

import pytest

from klachtenregeling.inbound.constants import Source
from klachtenregeling.inbound.models import Mailbox
from klachtenregeling.inbound.selectors import reply_address_of
from klachtenregeling.inbound.services import mail_import

CORPUS = Path(__file__).parent / "corpus"
MAILBOX_ADDRESS = "klachten@interactie.nl"


def corpus_bytes(name: str, **values: str) -> bytes:
    """A message of the corpus with its placeholders ({{REFERENCE}}, {{IN_REPLY_TO}},
    {{REPLY_ADDRESS}}) filled in for the complaint of the test."""
    raw = (CORPUS / name).read_bytes()
    for key, value in values.items():
        raw = raw.replace(b"{{" + key.encode() + b"}}", value.encode())
    return raw


@pytest.fixture
def mailbox(org):
    return Mailbox.objects.create(
        organisation=org,
        address=MAILBOX_ADDRESS,
        host="127.0.0.1",
        port=143,
        security="none",
        username=MAILBOX_ADDRESS,
        secret="geheim",
    )


@pytest.fixture
def complaint(submit, officer, mailbox):
    return submit()


@pytest.fixture
def acknowledgement(complaint):
    return complaint.messages.get(kind="acknowledgement")


@pytest.fixture
def reply_values(complaint, acknowledgement):
    return {
        "REFERENCE": complaint.reference,
        "IN_REPLY_TO": acknowledgement.message_id,
        "REPLY_ADDRESS": reply_address_of(complaint),
    }


@pytest.fixture
def import_raw(org):
    def _import(raw: bytes, organisation=None):
        return mail_import(organisation=organisation or org, raw=raw, source=Source.FILE)

    return _import


@pytest.fixture(scope="session")
def dovecot_server():
    """One real Dovecot for the session (tests/dovecot.py), installed and started when
    needed, stopped at the end."""
    from tests.dovecot import Dovecot

    server = Dovecot().start()
    yield server
    server.stop()


@pytest.fixture
def dovecot(dovecot_server):
    dovecot_server.empty()
    return dovecot_server


@pytest.fixture
def imap_mailbox(mailbox, dovecot):
    mailbox.host, mailbox.port, mailbox.security = dovecot.host, dovecot.port, "none"
    mailbox.username, mailbox.secret = dovecot.user, dovecot.password
    mailbox.save()
    return mailbox
