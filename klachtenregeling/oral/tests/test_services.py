"""R-1.1, second sentence: an oral complaint becomes a complaint on its written confirmation."""

import io
from datetime import UTC, date, datetime
from urllib.parse import parse_qs, urlparse

import pytest
from pypdf import PdfReader

from klachtenregeling.audit.constants import EventType
from klachtenregeling.complaints.constants import AttachmentKind, Channel
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core.errors import InvalidInput, NotPermitted
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import OutboxMessage
from klachtenregeling.oral import selectors, services
from klachtenregeling.oral.constants import LetterKind, RecordEventType, RecordStatus
from klachtenregeling.oral.models import OralComplaintRecord
from tests import samples


def record(officer, make, **overrides):
    values = {"by": officer, "told_on": date(2026, 3, 2), "how_told": "phone", "draft": make()}
    values.update(overrides)
    return services.oral_record_create(**values)


def test_r1_1_oral_record_is_sent_for_confirmation_and_is_not_a_complaint(officer, draft, at):
    with at("2026-03-02 11:00"):
        created, token = record(officer, draft)
    assert created.status == RecordStatus.AWAITING
    assert Complaint.objects.count() == 0
    message = OutboxMessage.objects.get(kind=MessageKind.ORAL_CONFIRMATION)
    assert token in message.body_text and created.recorded_text in message.body_text
    assert list(selectors.waiting_for_officer(officer)) == [created]
    assert [e.type for e in created.events.all()] == [
        RecordEventType.RECORDED,
        RecordEventType.SENT,
    ]


def test_r1_1_oral_confirm_makes_a_complaint_and_the_term_runs_from_confirmation(
    officer, draft, at
):
    with at("2026-03-02 11:00"):
        created, token = record(officer, draft)
    with at("2026-03-09 15:00"):
        complaint = services.oral_record_confirm(token=token, text="")
    assert complaint.channel == Channel.ORAL
    assert complaint.received_at == datetime(2026, 3, 9, 14, 0, tzinfo=UTC)
    assert complaint.original_deadline == date(2026, 4, 6)  # 4 weeks from the confirmation
    assert complaint.description == created.recorded_text
    [original] = complaint.attachments.all()
    assert original.kind == AttachmentKind.ORIGINAL
    first, registered = complaint.events.order_by("seq")[:2]
    assert first.type == EventType.ORAL_HISTORY
    assert [h["type"] for h in first.data["history"]] == ["recorded", "sent", "confirmed"]
    assert registered.type == EventType.REGISTERED
    created.refresh_from_db()
    assert (created.status, created.complaint) == (RecordStatus.CONFIRMED, complaint)
    assert list(selectors.waiting_for_officer(officer)) == []
    assert complaint.messages.filter(kind=MessageKind.ACKNOWLEDGEMENT).exists()


def test_r1_1_oral_correct_and_confirm_keeps_both_texts(officer, draft, at):
    with at("2026-03-02 11:00"):
        created, token = record(officer, draft)
    with at("2026-03-03 09:00"):
        complaint = services.oral_record_confirm(token=token, text="Het was anders: zo.")
    assert complaint.description == "Het was anders: zo."
    created.refresh_from_db()
    assert created.events.filter(type=RecordEventType.CORRECTED).exists()
    original = complaint.attachments.get(kind=AttachmentKind.ORIGINAL)
    assert original.filename == "schriftelijke-vastlegging.txt"
    assert complaint.events.get(type=EventType.ORAL_HISTORY).data["corrected"] is True


def test_r1_1_oral_link_used_twice_is_refused_with_a_clear_message(officer, draft, at):
    with at("2026-03-02 11:00"):
        _created, token = record(officer, draft)
        services.oral_record_confirm(token=token, text="")
        with pytest.raises(InvalidInput) as refused:
            services.oral_record_confirm(token=token, text="nog eens")
    assert "2 maart 2026" in str(refused.value.errors["text"][0])
    assert Complaint.objects.count() == 1


def test_r1_1_oral_unknown_link_is_refused(officer, draft, at):
    with pytest.raises(NotPermitted):
        services.oral_record_confirm(token="onzin", text="")


def test_r1_1_oral_paper_confirmation_with_scan(officer, draft, upload, at):
    with at("2026-03-02 11:00"):
        created, _token = record(
            officer,
            draft,
            draft=draft(
                complainant_email="",
                address_street="Dorpsstraat",
                address_number="1",
                address_postcode="1234 AB",
                address_city="Ergens",
            ),
        )
    assert not OutboxMessage.objects.exists()  # a letter, not an e-mail
    with at("2026-03-10 10:00"):
        complaint = services.oral_record_confirm_on_paper(
            by=officer,
            record_id=created.pk,
            confirmed_on=date(2026, 3, 9),
            text=created.recorded_text,
            scan=upload("bevestiging.pdf", samples.pdf()),
        )
    assert complaint.received_at == datetime(2026, 3, 8, 23, 0, tzinfo=UTC)
    kinds = sorted(a.kind for a in complaint.attachments.all())
    assert AttachmentKind.ORIGINAL in kinds and AttachmentKind.SUPPORTING in kinds
    assert complaint.events.get(type=EventType.ORAL_HISTORY).data["confirmed_how"] == "paper"


def test_r1_1_oral_paper_confirmation_needs_the_scan(officer, draft, at):
    with at("2026-03-02 11:00"):
        created, _token = record(officer, draft)
        with pytest.raises(InvalidInput) as refused:
            services.oral_record_confirm_on_paper(
                by=officer, record_id=created.pk, confirmed_on=date(2026, 3, 2), text="", scan=None
            )
    assert "scan" in refused.value.errors
    assert Complaint.objects.count() == 0


def test_r1_1_oral_not_confirmed_before_the_period_is_refused_with_the_date(officer, draft, at):
    with at("2026-03-02 11:00"):
        created, _token = record(officer, draft)
    with at("2026-03-10 11:00"), pytest.raises(InvalidInput) as refused:
        services.oral_record_close(by=officer, record_id=created.pk)
    assert "16 maart 2026" in str(refused.value.errors["__all__"][0])
    created.refresh_from_db()
    assert created.status == RecordStatus.AWAITING


def test_r1_1_oral_not_confirmed_after_the_period_closes_with_a_letter(officer, draft, at):
    with at("2026-03-02 11:00"):
        created, token = record(officer, draft)
    with at("2026-03-16 09:00"):
        services.oral_record_close(by=officer, record_id=created.pk)
    created.refresh_from_db()
    assert created.status == RecordStatus.NOT_CONFIRMED
    assert OutboxMessage.objects.filter(kind=MessageKind.ORAL_NOT_CONFIRMED).exists()
    with pytest.raises(InvalidInput):
        services.oral_record_confirm(token=token, text="")
    assert Complaint.objects.count() == 0


def test_r1_1_oral_reminder_once_halfway_with_a_new_link(officer, draft, at):
    with at("2026-03-02 11:00"):
        _created, token = record(officer, draft)
    with at("2026-03-08 09:00"):
        assert services.oral_records_remind_due() == 0
    with at("2026-03-09 09:00"):
        assert services.oral_records_remind_due() == 1
        assert services.oral_records_remind_due() == 0
    reminder = OutboxMessage.objects.get(kind=MessageKind.ORAL_REMINDER)
    [url] = [w for w in reminder.body_text.split() if "?t=" in w]
    [new_token] = parse_qs(urlparse(url).query)["t"]
    assert new_token != token
    with pytest.raises(NotPermitted):
        services.oral_record_confirm(token=token, text="")
    with at("2026-03-10 09:00"):
        assert services.oral_record_confirm(token=new_token, text="").channel == Channel.ORAL


def test_r5_4_oral_record_about_the_recording_officer_is_refused(officer, draft, at):
    with at("2026-03-02 11:00"), pytest.raises(InvalidInput) as refused:
        record(officer, draft, draft=draft(respondent_id=officer.pk))
    assert "respondent_id" in refused.value.errors
    assert not OralComplaintRecord.objects.exists()


def test_r5_4_oral_record_not_shown_to_another_officer(officer, second_officer, draft, at):
    with at("2026-03-02 11:00"):
        created, _token = record(officer, draft)
    assert list(selectors.waiting_for_officer(second_officer)) == []
    with pytest.raises(NotPermitted):
        services.oral_record_for(second_officer, created.pk)


def test_r1_1_oral_bad_input_stores_nothing(officer, draft, at):
    with at("2026-03-02 11:00"), pytest.raises(InvalidInput) as refused:
        record(
            officer, draft, told_on=date(2026, 3, 3), how_told="fax", draft=draft(description="")
        )
    assert {"told_on", "how_told", "description"} <= set(refused.value.errors)
    assert not OralComplaintRecord.objects.exists()
    assert not OutboxMessage.objects.exists()


def _postal(draft):
    return draft(
        complainant_email="",
        address_street="Dorpsstraat",
        address_number="1",
        address_postcode="1234ab",
        address_city="Ergens",
    )


def _pdf_text(letter) -> str:
    reader = PdfReader(io.BytesIO(bytes(letter.pdf)))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def test_r1_1_oral_letters_for_a_complainant_without_email_wait_to_be_posted(officer, draft, at):
    with at("2026-03-02 11:00"):
        created, token = record(officer, draft, draft=_postal(draft))
    assert not OutboxMessage.objects.exists()
    [first] = selectors.letters_to_post(officer)
    assert first.kind == LetterKind.RECORD
    text = _pdf_text(first)
    assert "1234 AB ERGENS" in text and token[:10] in text.replace("\n", "")
    assert "Kenmerk" not in text  # not a complaint yet: no reference
    # Nothing was sent yet: no reminder, and no closing, until the letter is posted.
    with at("2026-03-20 09:00"):
        assert services.oral_records_remind_due() == 0
        with pytest.raises(InvalidInput) as refused:
            services.oral_record_close(by=officer, record_id=created.pk)
    assert "nog niet verstuurd" in str(refused.value.errors["__all__"][0])
    with at("2026-03-20 10:00"):
        with pytest.raises(InvalidInput) as future:
            services.oral_letter_mark_posted(
                by=officer, letter_id=first.pk, posted_on=date(2026, 3, 21)
            )
        assert "posted_on" in future.value.errors
        assert services.oral_letter_mark_posted(
            by=officer, letter_id=first.pk, posted_on=date(2026, 3, 20)
        )
        assert not services.oral_letter_mark_posted(  # once
            by=officer, letter_id=first.pk, posted_on=date(2026, 3, 20)
        )
    assert list(selectors.letters_to_post(officer)) == []
    posted = created.events.get(type=RecordEventType.POSTED)
    assert posted.data["posted_on"] == "2026-03-20" and posted.actor == officer
    # The period runs from the posting: reminder halfway (27 March), closing from 3 April.
    with at("2026-03-26 09:00"):
        assert services.oral_records_remind_due() == 0
    with at("2026-03-27 09:00"):
        assert services.oral_records_remind_due() == 1
    [reminder] = selectors.letters_to_post(officer)
    assert reminder.kind == LetterKind.REMINDER and "3 april 2026" in _pdf_text(reminder)
    with pytest.raises(NotPermitted):  # the reminder carries a new link
        services.oral_record_confirm(token=token, text="")
    with at("2026-04-02 09:00"), pytest.raises(InvalidInput):
        services.oral_record_close(by=officer, record_id=created.pk)
    with at("2026-04-03 09:00"):
        services.oral_record_close(by=officer, record_id=created.pk)
    kinds = [letter.kind for letter in selectors.letters_to_post(officer)]
    assert kinds == [LetterKind.REMINDER, LetterKind.NOT_CONFIRMED]
    assert not OutboxMessage.objects.exists()


def test_r1_1_oral_letter_again_with_a_new_link(officer, draft, at):
    with at("2026-03-02 11:00"):
        created, token = record(officer, draft, draft=_postal(draft))
        again = services.oral_record_letter(by=officer, record_id=created.pk)
    assert again.kind == LetterKind.RECORD and bytes(again.pdf).startswith(b"%PDF")
    assert created.letters.count() == 2
    assert created.events.filter(type=RecordEventType.LETTER).count() == 2
    with pytest.raises(NotPermitted):  # the new letter carries a new link
        services.oral_record_confirm(token=token, text="")


def test_r5_4_oral_letters_only_for_the_officer_who_wrote_it_down(
    officer, second_officer, draft, at
):
    with at("2026-03-02 11:00"):
        created, _token = record(officer, draft, draft=_postal(draft))
    [letter] = created.letters.all()
    assert list(selectors.letters_to_post(second_officer)) == []
    with pytest.raises(NotPermitted):
        services.oral_letter_for(second_officer, letter.pk)
    with pytest.raises(NotPermitted):
        services.oral_letter_mark_posted(
            by=second_officer, letter_id=letter.pk, posted_on=date(2026, 3, 2)
        )
