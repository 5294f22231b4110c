"""The scheduler's fetch task (one at a time) and the command that sets the secret."""

import io

import pytest
from django.core.management import CommandError, call_command
from django_tasks_db.models import DBTaskResult

from klachtenregeling.inbound.models import Mailbox
from klachtenregeling.inbound.tasks import fetch_mail_enqueue_due

pytestmark = pytest.mark.django_db


def test_no_mailbox_no_task(org):
    assert fetch_mail_enqueue_due() is False
    assert not DBTaskResult.objects.exists()


def test_one_fetch_task_at_a_time(mailbox):
    assert fetch_mail_enqueue_due() is True
    assert fetch_mail_enqueue_due() is False
    assert DBTaskResult.objects.filter(task_path__endswith="fetch_mail").count() == 1


def test_set_mailbox_secret_reads_a_token_from_stdin(mailbox, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("ya29.token-from-the-tooling\n"))
    call_command(
        "set_mailbox_secret", organisation="interactie", xoauth2=True, stdout=io.StringIO()
    )
    mailbox.refresh_from_db()
    assert (mailbox.secret, mailbox.auth_method) == ("ya29.token-from-the-tooling", "xoauth2")


def test_set_mailbox_secret_refuses_empty_input(mailbox, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    with pytest.raises(CommandError):
        call_command("set_mailbox_secret", organisation="interactie")
    assert Mailbox.objects.get().secret == "geheim"
