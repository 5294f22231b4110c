"""R-5.6: the judgment in writing (a PDF letter) to complainant and respondent, only after
both sides were heard or a reason was recorded."""

import io

import pypdf
import pytest

from klachtenregeling.audit.constants import ActorRole, EventType
from klachtenregeling.audit.tests.sealing import sealed
from klachtenregeling.complaints.constants import AttachmentKind, Status
from klachtenregeling.core.errors import InvalidInput, NotPermitted, TransitionRefused
from klachtenregeling.handling import selectors, services
from klachtenregeling.handling.constants import Party, Verdict
from klachtenregeling.handling.rules import judgment as judgment_rules
from klachtenregeling.notifications import delivery
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.retention.files import read_plaintext

from .. import steps
from ..steps import unchanged

# The complaint's language is Dutch; accept the English label while translations are open.
LABELS = {
    Verdict.WELL_FOUNDED: ("gegrond", "well-founded"),
    Verdict.PARTLY: ("deels gegrond", "partly well-founded"),
    Verdict.UNFOUNDED: ("ongegrond", "unfounded"),
}


def pdf_text(attachment) -> str:
    reader = pypdf.PdfReader(io.BytesIO(read_plaintext(attachment)))  # stored encrypted
    return " ".join((page.extract_text() or "") for page in reader.pages)


@pytest.fixture
def complaint(complaint, officer):
    """R-8.1: registered with a subject, as every complaint is before its judgment."""
    return steps.classify(complaint, officer)


@pytest.fixture
def general_complaint(general_complaint, officer):
    return steps.classify(general_complaint, officer)


def issue(complaint, officer, **overrides):
    values = {
        "complaint": complaint,
        "verdict": Verdict.WELL_FOUNDED,
        "reasoning": "De training begon te laat.",
        "recommendations": ["Start op tijd."],
        "by": officer,
    }
    return services.judgment_issue(**{**values, **overrides})


@pytest.mark.parametrize(
    "given",
    [
        (),  # nobody heard
        (Party.COMPLAINANT,),  # only the complainant
        (Party.RESPONDENT,),  # only the respondent
    ],
)
def test_r5_6_judgment_refused_before_both_sides_heard(complaint, officer, given):
    complaint = steps.notify(complaint, officer)
    if Party.COMPLAINANT in given:
        services.statement_give_as_complainant(
            complaint=complaint, text="Mijn kant.", link=steps.link_for(complaint)
        )
    if Party.RESPONDENT in given:
        services.statement_give_as_staff(
            complaint=complaint, text="Mijn kant.", by=complaint.respondent
        )
    complaint = steps.fresh(complaint)
    with unchanged(complaint), pytest.raises(TransitionRefused):
        issue(complaint, officer)


def test_r5_6_judgment_allowed_after_a_waiver_with_reason(complaint, officer):
    services.respondent_notify(complaint=complaint, by=officer)
    services.statement_give_as_complainant(
        complaint=complaint, text="Mijn kant.", link=steps.link_for(complaint)
    )
    with unchanged(complaint), pytest.raises(TransitionRefused):
        issue(complaint, officer)
    services.hearing_waive(
        complaint=complaint,
        party=Party.RESPONDENT,
        reason="Reageerde niet binnen de termijn.",
        by=officer,
    )

    judgment = issue(complaint, officer)

    assert steps.fresh(complaint).status == Status.JUDGED
    assert judgment.version == 1


def test_r5_7_no_judgment_before_the_person_complained_about_was_informed(complaint, officer):
    """They sign the judgment (R-5.7): a judgment they were never told of could not be settled."""
    services.statement_give_as_complainant(
        complaint=complaint, text="Mijn kant.", link=steps.link_for(complaint)
    )
    services.hearing_waive(
        complaint=complaint, party=Party.RESPONDENT, reason="Niet bereikbaar.", by=officer
    )
    with unchanged(complaint), pytest.raises(TransitionRefused):
        issue(complaint, officer)


def test_r5_6_general_complaint_needs_only_the_complainant_heard(general_complaint, officer):
    complaint = steps.hear_both(general_complaint, officer)
    issue(complaint, officer)
    assert steps.fresh(complaint).status == Status.JUDGED


def test_r5_6_judgment_is_a_pdf_letter_mailed_to_both_parties(
    complaint, officer, respondent, smtp_server
):
    complaint = steps.hear_both(complaint, officer)
    mark = steps.mark(complaint)

    judgment = issue(complaint, officer, verdict=Verdict.PARTLY)

    complaint = steps.fresh(complaint)
    assert complaint.status == Status.JUDGED
    assert judgment.text_sha256 == judgment_rules.text_sha256(
        verdict=Verdict.PARTLY,
        reasoning="De training begon te laat.",
        recommendations=["Start op tijd."],
    )
    assert judgment.recommendations == ["Start op tijd."]
    # The letter: an attachment of the complaint, its name only the reference and the kind.
    letter = judgment.letter
    assert letter.kind == AttachmentKind.LETTER
    assert letter.content_type == "application/pdf"
    assert letter.filename == f"{complaint.reference}-oordeel-v1.pdf"
    text = pdf_text(letter)
    assert complaint.reference in text
    assert any(label in text for label in LABELS[Verdict.PARTLY]), text
    # Each party's own letter: the respondent's is addressed to them and carries
    # none of the complainant's contact details.
    to_them = complaint.attachments.get(kind=AttachmentKind.RESPONDENT_LETTER)
    assert to_them.filename == f"{complaint.reference}-oordeel-v1-betrokkene.pdf"
    their_text = pdf_text(to_them)
    assert respondent.display_name in their_text
    assert complaint.complainant_email not in their_text
    assert complaint.complainant_email in text
    assert "Start op tijd." in their_text  # the same judgment
    # The dossier: the letters, then the judgment with the status change.
    letter_events = steps.events_since(complaint, mark, EventType.LETTER_ISSUED)
    assert {e.data["attachment_id"] for e in letter_events} == {str(letter.pk), str(to_them.pk)}
    assert {e.data["sha256"] for e in letter_events} == {letter.sha256, to_them.sha256}
    [event] = steps.events_since(complaint, mark, EventType.JUDGMENT_ISSUED)
    assert max(e.seq for e in letter_events) < event.seq
    assert (event.actor, event.actor_role) == (officer, ActorRole.OFFICER)
    assert event.visible_to_complainant
    assert event.data == {
        "status_from": Status.HEARING,
        "status_to": Status.JUDGED,
        "judgment_id": judgment.pk,
        "version": 1,
        "verdict": Verdict.PARTLY,
        "recommendations": 1,
        "text_sha256": judgment.text_sha256,
        **sealed("judgment", judgment.pk),
    }
    # The outbox: the judgment, with the letter, to complainant and respondent.
    messages = steps.messages_since(complaint, mark)
    assert steps.sent(messages) == {
        (MessageKind.JUDGMENT, ActorRole.COMPLAINANT, complaint.complainant_email),
        (MessageKind.JUDGMENT, ActorRole.RESPONDENT, respondent.email),
    }
    attached = {m.recipient_role: m.attachment_id for m in messages}
    assert attached == {ActorRole.COMPLAINANT: letter.pk, ActorRole.RESPONDENT: to_them.pk}
    # The mails say a letter is attached and what to do next: no verdict, no recommendation.
    for message in messages:
        assert "Start op tijd." not in message.body_text
        assert not any(label in message.body_text for label in LABELS[Verdict.PARTLY])
    steps.assert_subjects_name_only_the_reference(messages, complaint, respondent, officer)
    # Delivered over SMTP, the mail to the complainant carries the PDF.
    to_complainant = next(m for m in messages if m.recipient_role == ActorRole.COMPLAINANT)
    assert delivery.deliver(to_complainant.pk) == "sent"
    [mail] = smtp_server.to(complaint.complainant_email)
    [pdf] = list(mail.iter_attachments())
    assert pdf.get_filename() == letter.filename
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_content() == read_plaintext(letter)


@pytest.mark.parametrize("verdict", [Verdict.WELL_FOUNDED, Verdict.UNFOUNDED])
def test_r5_6_letter_names_the_verdict(general_complaint, officer, verdict):
    complaint = steps.hear_both(general_complaint, officer)
    judgment = issue(complaint, officer, verdict=verdict, recommendations=[])
    text = pdf_text(judgment.letter)
    assert any(label in text for label in LABELS[verdict]), text
    if verdict == Verdict.WELL_FOUNDED:  # not mistaken for "ongegrond"
        assert "ongegrond" not in text and "unfounded" not in text


@pytest.mark.parametrize(
    "overrides",
    [
        {"verdict": "maybe"},
        {"reasoning": "   "},
        {"recommendations": ["x"] * 21},
        {"recommendations": ["x" * 2001]},
    ],
)
def test_r5_6_judgment_input_is_checked(complaint, officer, overrides):
    complaint = steps.hear_both(complaint, officer)
    with unchanged(complaint), pytest.raises(InvalidInput):
        issue(complaint, officer, **overrides)


def test_r6_1_only_the_handling_officer_judges(complaint, officer, second_officer, respondent):
    complaint = steps.hear_both(complaint, officer)
    for someone in (second_officer, respondent):
        with unchanged(complaint), pytest.raises(NotPermitted):
            issue(complaint, someone)


def test_r4_3_no_new_judgment_after_the_complainant_declined(general_complaint, officer):
    services.hearing_waive(
        complaint=general_complaint, party=Party.COMPLAINANT, reason="x", by=officer
    )
    complaint = steps.fresh(general_complaint)
    assert complaint.status == Status.HEARING  # a waiver starts the hearing
    issue(complaint, officer)
    complaint = steps.fresh(complaint)
    steps.decline(complaint, selectors.current_judgment(complaint))
    complaint = steps.fresh(complaint)
    assert complaint.status == Status.UNRESOLVED
    with unchanged(complaint), pytest.raises(TransitionRefused):
        issue(complaint, officer)  # not after the complainant declined


def test_r6_1_the_respondent_downloads_their_own_letter_never_the_complainants(
    client, complaint, officer, respondent
):
    from django.urls import reverse

    complaint = steps.hear_both(complaint, officer)
    judgment = issue(complaint, officer)
    theirs = complaint.attachments.get(kind=AttachmentKind.RESPONDENT_LETTER)
    client.force_login(respondent)
    page = client.get(reverse("handling:about-me-detail", args=[complaint.reference]))
    content = page.content.decode()
    assert theirs.filename in content
    assert judgment.letter.filename not in content
    url = "handling:respondent-letter"
    assert client.get(reverse(url, args=[complaint.reference, theirs.pk])).status_code == 200
    refused = client.get(reverse(url, args=[complaint.reference, judgment.letter.pk]))
    assert refused.status_code == 404
    # ... and the complainant's page offers only the complainant's letters.
    from klachtenregeling.handling import selectors

    assert list(selectors.letters(complaint)) == [judgment.letter]
