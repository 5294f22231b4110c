"""Shared fixtures: two organisations with staff, a real SMTP server, complaint helpers.

`client.force_login(user)` signs in *with a verified second factor* (VerifiedClient), so
tests of pages need not repeat the code step; tests of the code step itself use
`unverified_client`.
"""

import asyncio
import email
import email.policy
import io
import socket
import threading
from datetime import datetime

import pytest
from aiosmtpd.controller import Controller
from django.core.cache import cache
from django.db import transaction
from django.test import Client, TransactionTestCase

from klachtenregeling.complaints import services
from klachtenregeling.complaints.constants import Concern
from klachtenregeling.complaints.rules.intake import ComplaintDraft
from klachtenregeling.core import clock
from klachtenregeling.notifications import flowed
from tests import mail_standards
from tests.factories import EngagementFactory, OrganisationFactory, SubjectFactory, UserFactory
from tests.two_factor import VerifiedClient

# The browser journeys' pages are checked with the Nu Html Checker (tests/e2e/html_validation.py);
# registered here so that the pytest-xdist controller, which collects no tests, runs it too.
pytest_plugins = ["tests.e2e.html_validation"]


@pytest.fixture
def client():
    """pytest-django's client, with force_login() verified for two-factor (see VerifiedClient)."""
    return VerifiedClient()


@pytest.fixture
def admin_client(db, admin_user):
    client = VerifiedClient()
    client.force_login(admin_user)
    return client


@pytest.fixture
def unverified_client():
    """A plain Django test client: force_login() stops at the password, like a real log-in."""
    return Client()


def erase_all_dossiers(alias: str = "default") -> None:
    """Remove every case event and access-log row the one permitted way: per complaint, under
    an erasure grant (the append-only triggers refuse anything else)."""
    from klachtenregeling.audit.models import AccessLogEntry, CaseEvent, ErasureGrant

    with transaction.atomic(using=alias):
        ids = set(CaseEvent.objects.using(alias).values_list("complaint_id", flat=True))
        ids |= set(AccessLogEntry.objects.using(alias).values_list("complaint_id", flat=True))
        for complaint_id in ids:
            grant = ErasureGrant.objects.using(alias).create(
                complaint_id=complaint_id, reason="end of test", created_at=clock.now()
            )
            AccessLogEntry.objects.using(alias).erase_for_complaint(grant)
            CaseEvent.objects.using(alias).erase_for_complaint(grant)
            grant.delete()


@pytest.fixture(scope="session", autouse=True)
def _dossiers_erased_before_flush():
    """A transactional test ends with a flush that deletes (SQLite) or truncates (PostgreSQL)
    every table; the append-only triggers refuse that for the dossier, so its rows are
    erased through the erasure path first. The record tables' triggers (which a TRUNCATE
    does not fire) are off on SQLite during the flush."""
    from django.db import connections

    from klachtenregeling.audit import record_guards

    original = TransactionTestCase._fixture_teardown

    def _fixture_teardown(self):
        aliases = self._databases_names(include_mirrors=False)
        sqlite = [connections[a] for a in aliases if connections[a].vendor == "sqlite"]
        for alias in aliases:
            erase_all_dossiers(alias)
        for connection in sqlite:
            record_guards.uninstall(connection)
        try:
            original(self)
        finally:
            for connection in sqlite:
                record_guards.install(connection)

    TransactionTestCase._fixture_teardown = _fixture_teardown
    yield
    TransactionTestCase._fixture_teardown = original


@pytest.fixture(autouse=True)
def _real_clock():
    """Every test starts on the real clock: a frozen moment never outlives its test (the
    live server's threads share the clock, so one left frozen would move "today")."""
    clock.thaw()
    yield
    clock.thaw()


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


class Inbox:
    """What the SMTP server received: parsed messages, in order.

    Each message is also checked strictly (tests/mail_standards.py); what is wrong with a
    message is collected in `problems`, and the smtp_server fixture fails the test on it.
    """

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.problems: list[str] = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd API
        try:
            found = mail_standards.problems(envelope.content)
        except Exception as error:  # a message the checks could not even read
            found = [f"the checks failed on it: {error!r}"]
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        with self._lock:
            self.messages.append(message)
            self.problems += [f"{message['Subject']}: {problem}" for problem in found]
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list:
        return [m for m in self.messages if address in m["To"]]

    @staticmethod
    def text(message) -> str:
        """The plain-text part as the reader's client shows it (format=flowed joined)."""
        body = message.get_body(preferencelist=("plain",))
        text = body.get_content()
        return flowed.unflow(text) if body.get_param("format") == "flowed" else text

    @staticmethod
    def html(message) -> str:
        return message.get_body(preferencelist=("html",)).get_content()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SmtpServer(Inbox):
    """A real SMTP server on a loopback port that tests can stop and start again."""

    def __init__(self):
        super().__init__()
        self.port = free_port()
        self._controller = None

    def start(self):
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self):
        if self._controller is not None:
            self._controller.stop()
            self._controller = None
            asyncio.set_event_loop(None)


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback (aiosmtpd); Django's SMTP backend delivers to it.

    Every message it receives is parsed strictly and checked against the mail standards
    (tests/mail_standards.py); the test fails on any problem."""
    server = SmtpServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    yield server
    server.stop()
    assert server.problems == [], "mail that breaks the standards:\n" + "\n".join(server.problems)


@pytest.fixture
def org(db):
    return OrganisationFactory(name="Interactie", slug="interactie")


@pytest.fixture
def other_org(db):
    return OrganisationFactory(name="Andere Organisatie", slug="andere")


@pytest.fixture
def officer(org):
    user = UserFactory(organisation=org, officer=True, username="amber", first_name="Amber")
    org.default_officer = user
    org.save()
    return user


@pytest.fixture
def second_officer(org, officer):
    return UserFactory(organisation=org, officer=True, username="bram", first_name="Bram")


@pytest.fixture
def staff_member(org):
    return UserFactory(organisation=org, username="sanne", first_name="Sanne")


@pytest.fixture
def board_member(org):
    return UserFactory(organisation=org, board=True, username="henk")


@pytest.fixture
def org_admin(org):
    return UserFactory(organisation=org, admin=True, username="fatima")


@pytest.fixture
def platform_admin(org):
    """A superuser of the platform: the only one who enters Django's admin (/beheer/)."""
    return UserFactory(organisation=org, admin=True, is_superuser=True, username="root")


@pytest.fixture
def other_officer(other_org):
    user = UserFactory(organisation=other_org, officer=True, username="olga")
    other_org.default_officer = user
    other_org.save()
    return user


@pytest.fixture
def engagement(org):
    return EngagementFactory(organisation=org, reference="OPD-2026-001")


@pytest.fixture
def subject(org):
    return SubjectFactory(organisation=org, name="Facturatie")


def make_draft(**overrides) -> ComplaintDraft:
    values = {
        "complainant_name": "Marieke Jonker",
        "complainant_email": "marieke@example.org",
        "description": "De training begon een uur te laat.",
        "concerns": (Concern.PERFORMANCE,),
        "engagement_description": "Training Timemanagement, maart, Amersfoort",
    }
    values.update(overrides)
    return ComplaintDraft(**values)


@pytest.fixture
def draft():
    return make_draft


@pytest.fixture
def submit(org):
    """File a complaint through the real service; returns the complaint."""

    def _submit(organisation=None, files=(), **overrides):
        result = services.complaint_submit(
            organisation=organisation or org, draft=make_draft(**overrides), files=list(files)
        )
        return result.complaint

    return _submit


@pytest.fixture
def at():
    """Freeze the clock: `with at("2026-03-02 10:00"):` (Amsterdam time)."""

    def _at(moment: str):
        return clock.frozen(datetime.fromisoformat(moment).replace(tzinfo=clock.AMSTERDAM))

    return _at


@pytest.fixture
def upload():
    def _upload(name: str, content: bytes):
        return (name, io.BytesIO(content))

    return _upload
