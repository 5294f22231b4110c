"""The strict check that the SMTP inbox of the tests applies to every mail it receives."""

import smtplib
from email.utils import formatdate

from django.core.mail import EmailMultiAlternatives

from tests import mail_standards

LONG = "De klachtenfunctionaris heeft uw klacht ontvangen en neemt contact op. " * 3


def test_mail_as_it_was_sent_before_breaks_the_standards():
    """Date -0000, Message-ID on no domain, a text part that is not flowed, long lines."""
    email = EmailMultiAlternatives(
        subject="Ontvangstbevestiging",
        body=LONG,
        from_email="Interactie <klachten@localhost>",
        to=["marieke@example.org"],
        headers={"Message-ID": "<outbox-1-20260101000000@klachtenregeling>"},
    )
    email.attach_alternative("<p>Hallo</p>", "text/html")
    found = mail_standards.problems(email.message().as_bytes())
    assert any("not on the sender's domain" in problem for problem in found)
    assert any("no real time zone" in problem for problem in found)  # -0000
    assert any("not format=flowed" in problem for problem in found)


def test_a_defective_message_fails_strict_parsing():
    raw = (
        b"From: a@interactie.nl\r\nTo: b@example.org\r\nSubject: x\r\n"
        b"Date: " + formatdate(localtime=True).encode() + b"\r\n"
        b"Message-ID: <1@interactie.nl>\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/alternative; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\nno closing boundary\r\n"
    )
    [problem] = mail_standards.problems(raw)
    assert "strict parsing failed" in problem


def test_the_smtp_inbox_collects_what_is_wrong(smtp_server):
    raw = b"From: a@interactie.nl\r\nTo: b@example.org\r\nSubject: kapot\r\n\r\nhallo\r\n"
    with smtplib.SMTP("127.0.0.1", smtp_server.port) as client:
        client.sendmail("a@interactie.nl", ["b@example.org"], raw)
    assert any("Date occurs 0 times" in problem for problem in smtp_server.problems)
    smtp_server.problems.clear()  # the fixture would fail this test on them
