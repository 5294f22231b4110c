"""The corpus through the one import path: threading, triage, noise, charsets, safety."""

import pytest
from django.test import override_settings

from klachtenregeling.audit.constants import EventType
from klachtenregeling.complaints.constants import AttachmentKind
from klachtenregeling.inbound.constants import MailKind, MailStatus, TriageReason
from klachtenregeling.inbound.models import InboundMail
from klachtenregeling.inbound.services import mail_purge_failed, mail_retry
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import DeliveryStatus

from .conftest import corpus_bytes

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["outlook_reply.eml", "gmail_reply.eml"])
def test_r7_4_reply_by_in_reply_to_enters_the_dossier(name, complaint, reply_values, import_raw):
    result = import_raw(corpus_bytes(name, **reply_values))
    mail = result.mail
    assert result.created
    assert (mail.kind, mail.status, mail.complaint_id) == (
        MailKind.REPLY,
        MailStatus.IN_DOSSIER,
        complaint.pk,
    )
    event = complaint.events.get(type=EventType.MAIL_RECEIVED)
    assert event.actor_role == "complainant"
    assert event.visible_to_complainant
    assert event.data["from"] == "marieke@example.org"
    assert "Marieke" in event.data["text"]
    # The officer is told, like of other updates.
    assert complaint.messages.filter(
        kind=MessageKind.MAIL_RECEIVED, recipient_role="officer"
    ).exists()


def test_outlook_windows_1252_quoted_printable_reads_right(complaint, reply_values, import_raw):
    mail = import_raw(corpus_bytes("outlook_reply.eml", **reply_values)).mail
    assert "€ 450,– die ik ‘per abuis’ twee keer" in mail.text  # noqa: RUF001
    assert mail.subject == f"RE: Ontvangstbevestiging van uw klacht {complaint.reference}"


def test_gmail_base64_utf8_reads_right(complaint, reply_values, import_raw):
    mail = import_raw(corpus_bytes("gmail_reply.eml", **reply_values)).mail
    assert "De training is écht niet doorgegaan" in mail.text


def test_r7_4_reply_to_the_keyed_address_enters_the_dossier(complaint, reply_values, import_raw):
    """Apple Mail, References lost: the keyed plus-address names the complaint."""
    mail = import_raw(corpus_bytes("apple_reply.eml", **reply_values)).mail
    assert (mail.status, mail.complaint_id) == (MailStatus.IN_DOSSIER, complaint.pk)
    assert "de trainer kwam pas om 10.15 uur" in mail.text


def test_a_forged_key_in_the_plus_address_is_not_trusted(complaint, reply_values, import_raw):
    forged = reply_values["REPLY_ADDRESS"].rsplit(".", 1)[0] + ".0000000000@interactie.nl"
    mail = import_raw(
        corpus_bytes("apple_reply.eml", **{**reply_values, "REPLY_ADDRESS": forged})
    ).mail
    assert (mail.status, mail.triage_reason) == (
        MailStatus.TRIAGE,
        TriageReason.MENTIONS_REFERENCE,
    )
    assert mail.mentioned_reference == complaint.reference
    assert mail.complaint_id is None
    assert not complaint.events.filter(type=EventType.MAIL_RECEIVED).exists()


def test_a_reference_in_the_subject_alone_goes_to_triage_marked(complaint, import_raw):
    raw = (
        f"From: iemand@example.net\nTo: klachten@interactie.nl\n"
        f"Subject: Over {complaint.reference}\nMessage-ID: <x1@example.net>\n\nIk weet er meer van.\n"
    ).encode()
    mail = import_raw(raw).mail
    assert (mail.status, mail.triage_reason, mail.mentioned_reference) == (
        MailStatus.TRIAGE,
        TriageReason.MENTIONS_REFERENCE,
        complaint.reference,
    )


def test_a_reply_from_someone_not_a_party_goes_to_triage(complaint, reply_values, import_raw):
    raw = corpus_bytes("gmail_reply.eml", **reply_values).replace(
        b"From: Marieke Jonker <marieke@example.org>", b"From: Buurman <buurman@example.net>"
    )
    mail = import_raw(raw).mail
    assert (mail.status, mail.triage_reason) == (MailStatus.TRIAGE, TriageReason.NOT_A_PARTY)
    assert not complaint.events.filter(type=EventType.MAIL_RECEIVED).exists()


def test_the_same_message_twice_is_one_record(complaint, reply_values, import_raw):
    raw = corpus_bytes("gmail_reply.eml", **reply_values)
    first, second = import_raw(raw), import_raw(raw)
    assert first.created and not second.created
    assert first.mail.pk == second.mail.pk
    assert complaint.events.filter(type=EventType.MAIL_RECEIVED).count() == 1


def test_without_message_id_the_digest_dedupes(import_raw, mailbox):
    raw = corpus_bytes("no_message_id.eml")
    first, second = import_raw(raw), import_raw(raw)
    assert first.mail.dedupe_key.startswith("sha256:")
    assert (first.created, second.created, first.mail.pk) == (True, False, second.mail.pk)
    assert first.mail.status == MailStatus.TRIAGE


def test_the_same_message_id_in_two_organisations_is_two_records(import_raw, other_org, mailbox):
    raw = corpus_bytes("windows_1252.eml")
    assert import_raw(raw).mail.pk != import_raw(raw, organisation=other_org).mail.pk


def test_windows_1252_8bit_and_iso_8859_1_subject(import_raw, mailbox):
    mail = import_raw(corpus_bytes("windows_1252.eml")).mail
    assert mail.subject == "Factuur coördinatie"
    assert mail.from_name == "Année Ter Brügge"
    assert "€ 1.250,– voor een ‘coördinatie-uur’" in mail.text  # noqa: RUF001


def test_html_only_is_sanitised_text(import_raw, mailbox):
    mail = import_raw(corpus_bytes("html_only.eml")).mail
    assert "De helpdesk reageerde niet op mijn vragen & verzoeken." in mail.text
    for unsafe in ("<", "alert", "steal", "tracker.example", "evil.example", "color:red"):
        assert unsafe not in mail.text


def test_forwarded_complaint_goes_to_triage_with_the_original_attached(import_raw, mailbox):
    mail = import_raw(corpus_bytes("forwarded_complaint.eml")).mail
    assert (mail.kind, mail.status, mail.triage_reason) == (
        MailKind.NEW,
        MailStatus.TRIAGE,
        TriageReason.NEW,
    )
    assert mail.attachments[0]["content_type"] == "message/rfc822"


def test_attachments_of_a_reply_are_checked_like_uploads(complaint, reply_values, import_raw):
    raw = (
        corpus_bytes("pdf_and_docx.eml")
        .replace(
            b"From: =?UTF-8?Q?Jos=C3=A9_Mu=C3=B1oz?= <jose.munoz@example.com>",
            b"From: Marieke Jonker <marieke@example.org>",
        )
        .replace(
            b"Message-ID:", f"In-Reply-To: {reply_values['IN_REPLY_TO']}\nMessage-ID:".encode()
        )
    )
    mail = import_raw(raw).mail
    assert mail.status == MailStatus.IN_DOSSIER
    kept = complaint.attachments.filter(kind=AttachmentKind.SUPPORTING)
    assert sorted(kept.values_list("filename", flat=True)) == [
        "factuur-2026-02.pdf",
        "tijdlijn.docx",
    ]
    event = complaint.events.get(type=EventType.MAIL_RECEIVED)
    assert [r["filename"] for r in event.data["refused"]] == ["factuur.exe"]


def test_out_of_office_is_noise_and_wakes_nobody(complaint, reply_values, import_raw):
    before = complaint.messages.count()
    mail = import_raw(corpus_bytes("out_of_office.eml", **reply_values)).mail
    assert (mail.kind, mail.status) == (MailKind.AUTO_REPLY, MailStatus.NOISE)
    assert complaint.messages.count() == before
    assert not complaint.events.filter(type=EventType.MAIL_RECEIVED).exists()


def test_a_bounce_marks_the_message_undelivered_and_alerts_the_officer(
    complaint, acknowledgement, reply_values, import_raw
):
    mail = import_raw(corpus_bytes("dsn_bounce.eml", **reply_values)).mail
    assert (mail.kind, mail.status, mail.bounced_message_id) == (
        MailKind.BOUNCE,
        MailStatus.NOISE,
        acknowledgement.pk,
    )
    acknowledgement.refresh_from_db()
    assert acknowledgement.status == DeliveryStatus.FAILED
    assert acknowledgement.last_error.startswith("bounced: 5.1.1")
    assert complaint.events.filter(type=EventType.MESSAGE_FAILED).count() == 1
    assert complaint.messages.filter(kind=MessageKind.MESSAGE_BOUNCED).count() == 1
    # The same bounce again: nothing new.
    import_raw(corpus_bytes("dsn_bounce.eml", **reply_values))
    assert complaint.messages.filter(kind=MessageKind.MESSAGE_BOUNCED).count() == 1


def test_our_own_message_coming_back_is_a_loop_and_dropped(complaint, acknowledgement, import_raw):
    raw = (
        f"From: Interactie <klachten@localhost>\nTo: klachten@interactie.nl\n"
        f"Subject: Ontvangstbevestiging\nMessage-ID: {acknowledgement.message_id}\n\nTekst\n"
    ).encode()
    mail = import_raw(raw).mail
    assert (mail.kind, mail.status) == (MailKind.LOOP, MailStatus.NOISE)


def test_unreadable_mail_is_kept_raw_as_failed_and_purged_after_30_days(import_raw, mailbox, at):
    raw = corpus_bytes("unreadable.eml")
    with at("2026-03-01 10:00"):
        mail = import_raw(raw).mail
    assert (mail.status, mail.kind) == (MailStatus.FAILED, MailKind.UNREADABLE)
    assert bytes(mail.raw) == raw and mail.error
    assert not import_raw(raw).created
    assert mail_retry(mail=mail).status == MailStatus.FAILED
    with at("2026-03-30 10:00"):
        assert mail_purge_failed() == 0
    with at("2026-04-01 10:00"):
        assert mail_purge_failed() == 1
    assert not InboundMail.objects.filter(pk=mail.pk).exists()


@override_settings(MAX_INBOUND_MAIL_BYTES=4096)
def test_an_oversized_message_is_kept_as_failed_not_read(import_raw, mailbox):
    raw = corpus_bytes("pdf_and_docx.eml") + b"x" * 4096
    mail = import_raw(raw).mail
    assert mail.status == MailStatus.FAILED
    assert "larger than" in mail.error


def test_failed_mail_is_read_again_after_a_fix(import_raw, mailbox, settings):
    raw = corpus_bytes("windows_1252.eml")
    settings.MAX_INBOUND_MAIL_BYTES = 100
    failed = import_raw(raw).mail
    assert failed.status == MailStatus.FAILED
    settings.MAX_INBOUND_MAIL_BYTES = 10_000_000
    retried = mail_retry(mail=failed)
    assert retried.status == MailStatus.TRIAGE
    assert InboundMail.objects.count() == 1
