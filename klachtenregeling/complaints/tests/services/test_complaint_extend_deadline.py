"""R-5.5: the officer extends the term with reasons, in writing to the complainant; every
deadline is kept, and the dossier tells whether the term was kept."""

import io
from datetime import date

import pypdf
import pytest

from klachtenregeling.audit.constants import EventType
from klachtenregeling.complaints import selectors, services
from klachtenregeling.complaints.constants import AttachmentKind
from klachtenregeling.complaints.models import Extension
from klachtenregeling.complaints.rules.deadlines import TermOutcome
from klachtenregeling.core.errors import InvalidInput, NotPermitted, StaleObject, TransitionRefused
from klachtenregeling.handling.tests import steps
from klachtenregeling.handling.tests.steps import unchanged
from klachtenregeling.notifications import delivery
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.retention.files import read_plaintext

REASON = "We wachten nog op de verklaring van de trainer, die met verlof is."


def pdf_text(attachment) -> str:
    reader = pypdf.PdfReader(io.BytesIO(read_plaintext(attachment)))  # stored encrypted
    return " ".join((page.extract_text() or "") for page in reader.pages)


@pytest.fixture
def complaint(at, submit, officer):
    with at("2026-03-02 10:00"):  # deadline 30 March 2026
        return steps.start(submit(), officer)


def extend(complaint, officer, new_deadline, reason=REASON, **kwargs):
    return services.complaint_extend_deadline(
        complaint=complaint, new_deadline=new_deadline, reason=reason, by=officer, **kwargs
    )


def test_r5_5_extension_keeps_every_deadline_and_tells_the_complainant(at, complaint, officer):
    with at("2026-03-20 09:00"):
        first = extend(complaint, officer, date(2026, 4, 13))
    with at("2026-04-10 09:00"):
        second = extend(
            complaint, officer, date(2026, 4, 27), reason="Een tweede gesprek is nodig."
        )
    complaint = steps.fresh(complaint)
    assert complaint.original_deadline == date(2026, 3, 30)
    assert complaint.deadline == date(2026, 4, 27)
    assert [(e.previous_deadline, e.new_deadline) for e in complaint.extensions.all()] == [
        (date(2026, 3, 30), date(2026, 4, 13)),
        (date(2026, 4, 13), date(2026, 4, 27)),
    ]
    assert (first.number, second.number) == (1, 2)
    events = list(complaint.events.filter(type=EventType.DEADLINE_EXTENDED))
    assert [e.data["new_deadline"] for e in events] == ["2026-04-13", "2026-04-27"]
    assert all(e.visible_to_complainant and e.data["announced_in_time"] for e in events)
    assert events[0].data["reason"] == REASON


def test_r5_5_extension_is_in_writing_letter_and_mail_with_reasons_and_date(
    at, smtp_server, complaint, officer
):
    with at("2026-03-20 09:00"):
        extension = extend(complaint, officer, date(2026, 4, 13))
    letter = extension.letter
    assert letter.kind == AttachmentKind.LETTER
    assert letter.filename == f"{complaint.reference}-verlenging-1.pdf"
    text = " ".join(pdf_text(letter).split())
    assert "verloof" not in text  # the reason as given, not a paraphrase
    assert "met verlof" in text
    assert "13 april 2026" in text
    message = complaint.messages.get(kind=MessageKind.DEADLINE_EXTENDED)
    assert message.attachment_id == letter.pk
    delivery.deliver_due()
    [mail] = [
        m
        for m in smtp_server.to(complaint.complainant_email)
        if any(part.get_filename() == letter.filename for part in m.iter_attachments())
    ]
    assert (
        mail["Subject"] == f"Klacht {complaint.reference}: de termijn voor het oordeel is verlengd"
    )
    body = smtp_server.text(mail)
    assert "met verlof" in body
    assert "maandag 13 april 2026" in body
    assert "/mijn-klacht/open/?t=" in body  # the complainant can follow it


@pytest.mark.parametrize(
    ("new_deadline", "reason", "field"),
    [
        (date(2026, 4, 13), "", "reason"),
        (date(2026, 4, 13), "  drukte ", "reason"),  # too short to be a reason
        (date(2026, 3, 30), REASON, "new_deadline"),  # the current deadline itself
        (date(2026, 3, 19), REASON, "new_deadline"),  # before today (and the deadline)
        (None, REASON, "new_deadline"),
    ],
)
def test_r5_5_extension_refused_without_reason_or_later_date(
    at, complaint, officer, new_deadline, reason, field
):
    with at("2026-03-20 09:00"), unchanged(complaint), pytest.raises(InvalidInput) as refused:
        extend(complaint, officer, new_deadline, reason=reason)
    assert field in refused.value.errors
    assert not Extension.objects.exists()
    assert not complaint.attachments.exists()  # no letter left behind


def test_r5_5_extension_after_the_deadline_passed_is_refused_and_the_complaint_stays_late(
    at, complaint, officer
):
    with at("2026-04-02 09:00"):  # three days overdue
        with unchanged(complaint), pytest.raises(InvalidInput) as refused:
            extend(complaint, officer, date(2026, 4, 16))
        assert "new_deadline" in refused.value.errors
        assert not complaint.events.filter(type=EventType.DEADLINE_EXTENDED).exists()
        assert selectors.term_outcome_for(steps.fresh(complaint)) == TermOutcome.OVERDUE
    with at("2026-04-10 09:00"):
        complaint = steps.hear_both(steps.fresh(complaint), officer)
        steps.judge(complaint, officer)
        assert selectors.term_outcome_for(steps.fresh(complaint)) == TermOutcome.LATE


def test_r5_5_term_outcome_from_the_dossier(at, submit, officer):
    with at("2026-03-02 10:00"):
        on_time, extended, late = (steps.start(submit(), officer) for _ in range(3))
    with at("2026-03-25 09:00"):
        extend(extended, officer, date(2026, 4, 13))
        assert selectors.term_outcome_for(steps.fresh(on_time)) == TermOutcome.RUNNING
    with at("2026-03-30 16:00"):
        steps.judge(steps.hear_both(on_time, officer), officer)
    with at("2026-04-01 09:00"):
        assert selectors.term_outcome_for(steps.fresh(late)) == TermOutcome.OVERDUE
    with at("2026-04-13 16:00"):
        steps.judge(steps.hear_both(steps.fresh(extended), officer), officer)
        steps.judge(steps.hear_both(late, officer), officer)
        assert selectors.term_outcome_for(steps.fresh(on_time)) == TermOutcome.WITHIN_ORIGINAL
        assert selectors.term_outcome_for(steps.fresh(extended)) == TermOutcome.WITHIN_EXTENDED
        assert selectors.term_outcome_for(steps.fresh(late)) == TermOutcome.LATE


def test_r5_5_today_is_the_amsterdam_date_on_the_dst_night(at, submit, officer):
    with at("2026-02-28 10:00"):  # deadline 28 March
        late, in_time = steps.start(submit(), officer), steps.start(submit(), officer)
    # 00:30 on 29 March in Amsterdam (summer time starts that night) is still 28 March in
    # UTC, but the term ended yesterday in Amsterdam: too late to extend.
    with at("2026-03-29 00:30"), unchanged(late), pytest.raises(InvalidInput):
        extend(late, officer, date(2026, 4, 10))
    with at("2026-03-28 23:30"):  # the deadline day itself, in Amsterdam
        with pytest.raises(InvalidInput):
            extend(in_time, officer, date(2026, 3, 27))  # yesterday in Amsterdam
        extend(in_time, officer, date(2026, 4, 10))
    assert steps.fresh(in_time).deadline == date(2026, 4, 10)


def test_r5_5_no_extension_once_the_judgment_was_sent(at, complaint, officer):
    with at("2026-03-20 09:00"):
        complaint = steps.hear_both(complaint, officer)
        steps.judge(complaint, officer)
        complaint = steps.fresh(complaint)
        with unchanged(complaint), pytest.raises(TransitionRefused):
            extend(complaint, officer, date(2026, 4, 13))


def test_r5_5_only_the_handling_officer_extends(at, complaint, officer, second_officer):
    with at("2026-03-20 09:00"), unchanged(complaint), pytest.raises(NotPermitted):
        extend(complaint, second_officer, date(2026, 4, 13))


def test_r5_5_stale_form_is_refused(at, complaint, officer):
    version = complaint.version
    with at("2026-03-20 09:00"):
        services.complaint_add_note(complaint=complaint, text="x", by=officer)
        extend(complaint, officer, date(2026, 4, 13), expected_version=version)  # notes keep it
        with unchanged(complaint), pytest.raises(StaleObject):
            extend(complaint, officer, date(2026, 4, 20), expected_version=version)
