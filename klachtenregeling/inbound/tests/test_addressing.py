"""Outgoing messages carry the complaint's keyed reply address; the key cannot be guessed."""

import pytest

from klachtenregeling.inbound.rules import addressing
from klachtenregeling.notifications import delivery

pytestmark = pytest.mark.django_db


def test_the_keyed_address_names_the_complaint_and_checks_its_key():
    address = addressing.reply_address(
        mailbox_address="klachten@interactie.nl", organisation_id=7, reference="KL-2026-0042"
    )
    assert address.startswith("klachten+KL-2026-0042.")
    assert address.endswith("@interactie.nl")
    check = {"mailbox_address": "klachten@interactie.nl", "organisation_id": 7}
    assert addressing.reference_from_address(address, **check) == "KL-2026-0042"
    assert addressing.reference_from_address(address.upper(), **check) == "KL-2026-0042"
    # Another organisation, another complaint, a typed key: nothing.
    assert addressing.reference_from_address(address, **{**check, "organisation_id": 8}) == ""
    forged = address.replace("KL-2026-0042", "KL-2026-0043")
    assert addressing.reference_from_address(forged, **check) == ""
    assert addressing.reference_from_address("klachten@interactie.nl", **check) == ""


def test_every_message_of_a_complaint_is_answered_to_its_keyed_address(
    complaint, acknowledgement, smtp_server, mailbox
):
    delivery.deliver(acknowledgement.pk)
    sent = smtp_server.messages[-1]
    assert sent["Reply-To"] == (
        addressing.reply_address(
            mailbox_address=mailbox.address,
            organisation_id=complaint.organisation_id,
            reference=complaint.reference,
        )
    )
    assert sent["Message-ID"] == acknowledgement.message_id


def test_without_a_mailbox_the_reply_goes_to_the_officer(submit, officer, smtp_server):
    complaint = submit()
    message = complaint.messages.get(kind="acknowledgement")
    delivery.deliver(message.pk)
    assert smtp_server.messages[-1]["Reply-To"] == officer.email
