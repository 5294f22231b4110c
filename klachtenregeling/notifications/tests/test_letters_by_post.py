"""Issue 16: a complainant without e-mail — a postal address, every message a letter to post."""

import io
from datetime import date

import pytest
from django.utils import translation
from pypdf import PdfReader

from klachtenregeling.audit.constants import EventType
from klachtenregeling.complaints import services
from klachtenregeling.complaints.constants import Channel
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.complaints.rules.intake import validate_draft
from klachtenregeling.compliance.constants import Verdict
from klachtenregeling.core.errors import InvalidInput
from klachtenregeling.notifications import post
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import DeliveryStatus, OutboxMessage
from klachtenregeling.retention.files import read_plaintext
from tests import samples

ADDRESS = {
    "complainant_email": "",
    "address_street": "Kerkstraat",
    "address_number": "12-2",
    "address_postcode": "1234ab",
    "address_city": "Zwolle",
}


def register_by_letter(officer, draft, upload, **overrides):
    return services.complaint_register(
        by=officer,
        draft=draft(**{**ADDRESS, **overrides}),
        channel=Channel.LETTER,
        received_on=date(2026, 3, 2),
        original=upload("brief.pdf", samples.pdf()),
    ).complaint


def pdf_text(attachment) -> str:
    reader = PdfReader(io.BytesIO(read_plaintext(attachment)))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_r1_1_complainant_without_email_is_registered_with_a_postal_address(
    officer, draft, upload, at
):
    with at("2026-03-05 14:00"):
        complaint = register_by_letter(officer, draft, upload)
    assert complaint.by_post
    assert complaint.address_postcode == "1234 AB"
    assert complaint.postal_lines == ["Kerkstraat 12-2", "1234 AB  ZWOLLE"]


def test_r1_1_neither_email_nor_postal_address_is_refused(officer, draft, upload, at):
    with at("2026-03-05 14:00"), pytest.raises(InvalidInput) as refused:
        register_by_letter(
            officer,
            draft,
            upload,
            address_street="",
            address_number="",
            address_postcode="",
            address_city="",
        )
    assert "postadres" in str(refused.value.errors["complainant_email"][0])
    assert Complaint.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("address_number", "", "Enter the house number."),
        ("address_number", "twaalf", "Enter a house number"),
        ("address_postcode", "0123 AB", "Enter a Dutch postcode"),
        ("address_postcode", "1234 SS", "Enter a Dutch postcode"),
        ("address_postcode", "12345", "Enter a Dutch postcode"),
        ("address_postcode", "", "Enter the postcode."),
        ("address_city", "", "This field is required."),
    ],
)
def test_r1_1_postal_address_without_house_number_or_with_invalid_postcode_is_refused(
    draft, field, value, message
):
    with translation.override("en"):
        errors = validate_draft(draft(**{**ADDRESS, field: value}))
        assert str(errors[field][0]).startswith(message)
    assert "complainant_email" in errors  # the address does not count: no way to reach them


def test_r1_1_foreign_address_as_free_lines(draft):
    ok = draft(complainant_email="", address_foreign="Rue de la Loi 16\n1000 Bruxelles\nBelgique")
    assert validate_draft(ok) == {}
    one_line = draft(complainant_email="", address_foreign="Bruxelles")
    assert "address_foreign" in validate_draft(one_line)
    both = draft(**ADDRESS, address_foreign="Rue de la Loi 16\n1000 Bruxelles\nBelgique")
    assert "address_foreign" in validate_draft(both)


def test_r7_3_every_message_to_a_letter_only_complainant_becomes_a_letter_to_post(
    officer, draft, upload, at, smtp_server
):
    with at("2026-03-05 14:00"):
        complaint = register_by_letter(officer, draft, upload, complainant_name="Anna de Vries")
    message = OutboxMessage.objects.get(complaint=complaint, kind=MessageKind.ACKNOWLEDGEMENT)
    assert message.status == DeliveryStatus.POST
    assert message.to_email == ""
    text = pdf_text(message.letter)
    # The window-envelope address block, the message's text, the short link.
    assert "Anna de Vries" in text and "Kerkstraat 12-2" in text and "1234 AB ZWOLLE" in text
    assert complaint.reference in text
    assert "/k/" in text
    assert not smtp_server.messages
    assert list(post.to_post(officer)) == [message]


def test_r7_3_short_link_on_the_letter_opens_the_complainants_page(
    officer, draft, upload, at, client
):
    with at("2026-03-05 14:00"):
        complaint = register_by_letter(officer, draft, upload)
    message = OutboxMessage.objects.get(complaint=complaint, kind=MessageKind.ACKNOWLEDGEMENT)
    url = next(word for word in message.body_text.split() if "/k/" in word)
    path = url.split("testserver")[-1] if "testserver" in url else "/k/" + url.split("/k/")[1]
    code = path.split("/k/")[1]
    assert len(code) == 12
    with at("2026-03-06 10:00"):
        response = client.get(path, follow=True)
    assert response.status_code == 200
    assert complaint.reference in response.content.decode()
    assert client.get("/k/" + "2" * 12).status_code == 404


def test_r7_3_marking_a_letter_posted_records_the_date_and_counts_as_delivered(
    officer, draft, upload, at
):
    with at("2026-03-05 14:00"):
        complaint = register_by_letter(officer, draft, upload)
    message = OutboxMessage.objects.get(complaint=complaint, kind=MessageKind.ACKNOWLEDGEMENT)
    with at("2026-03-06 09:00"), pytest.raises(InvalidInput) as refused:
        post.mark_posted(by=officer, message_id=message.pk, posted_on=date(2026, 3, 7))
    assert "toekomst" in str(refused.value.errors["posted_on"][0])
    with at("2026-03-06 09:00"):
        result = post.mark_posted(by=officer, message_id=message.pk, posted_on=date(2026, 3, 5))
        again = post.mark_posted(by=officer, message_id=message.pk, posted_on=date(2026, 3, 6))
    assert not result.already and again.already
    message.refresh_from_db()
    assert (message.status, message.posted_on) == (DeliveryStatus.POSTED, date(2026, 3, 5))
    [posted] = complaint.events.filter(type=EventType.MESSAGE_POSTED)
    assert posted.data["posted_on"] == "2026-03-05" and posted.actor == officer
    assert list(post.to_post(officer)) == []
    # Delivery, not a step: the complainant's timeline shows the step itself.
    from klachtenregeling.handling.selectors import timeline_for_complainant

    assert posted not in timeline_for_complainant(complaint)
    from klachtenregeling.compliance.facts import facts_for
    from klachtenregeling.compliance.rules.record import check_r7_3

    with at("2026-03-06 09:00"):
        assert check_r7_3(facts_for(complaint)).verdict == Verdict.MET


def test_r6_1_only_the_handling_officer_sees_and_marks_the_letters(
    officer, second_officer, draft, upload, at
):
    from klachtenregeling.core.errors import NotPermitted

    with at("2026-03-05 14:00"):
        complaint = register_by_letter(officer, draft, upload)
    message = OutboxMessage.objects.get(complaint=complaint, kind=MessageKind.ACKNOWLEDGEMENT)
    assert list(post.to_post(second_officer)) == []
    with at("2026-03-06 09:00"), pytest.raises(NotPermitted):
        post.mark_posted(by=second_officer, message_id=message.pk, posted_on=date(2026, 3, 6))


def test_post_list_page_prints_and_marks_posted(officer, draft, upload, at, client):
    with at("2026-03-05 14:00"):
        complaint = register_by_letter(officer, draft, upload)
    message = OutboxMessage.objects.get(complaint=complaint, kind=MessageKind.ACKNOWLEDGEMENT)
    client.force_login(officer)
    page = client.get("/werk/per-post/").content.decode()
    assert complaint.reference in page and "Brief (PDF)" in page
    bad = client.post(f"/werk/per-post/{message.pk}/verstuurd/", {f"m{message.pk}-posted_on": ""})
    assert bad.status_code == 400
    assert "Vul de datum in waarop de brief is verstuurd." in bad.content.decode()
    done = client.post(
        f"/werk/per-post/{message.pk}/verstuurd/", {f"m{message.pk}-posted_on": "2026-03-05"}
    )
    assert done.status_code == 302
    message.refresh_from_db()
    assert message.status == DeliveryStatus.POSTED


def test_r7_3_a_letter_reads_as_a_letter_not_as_an_email(officer, draft, upload, at):
    with at("2026-03-05 14:00"):
        complaint = register_by_letter(officer, draft, upload)
    message = OutboxMessage.objects.get(complaint=complaint, kind=MessageKind.ACKNOWLEDGEMENT)
    assert "Beantwoord deze e-mail" in message.body_text  # the message as written for mail
    text = " ".join(pdf_text(message.letter).split())
    assert "e-mail" not in text.replace(complaint.organisation.contact_email, "")
    assert "Bel of schrijf ons en vermeld daarbij je kenmerk." in text


def test_every_email_sentence_the_letters_replace_is_in_a_message_template():
    """LETTER_WORDING follows the templates: a changed e-mail sentence fails here."""
    from pathlib import Path

    from django.conf import settings

    root = Path(settings.BASE_DIR) / "klachtenregeling/notifications/templates/notifications"
    texts = " ".join(p.read_text() for p in root.glob("*/body.txt"))
    for mail, _letter in post.LETTER_WORDING:
        assert f'"{mail}"' in texts, mail
