"""R-5.7: complainant, officer and respondent sign the exact judgment text; a revised
judgment needs new signatures."""

import pytest

from klachtenregeling.audit.constants import ActorRole, EventType
from klachtenregeling.complaints.constants import AttachmentKind, Status
from klachtenregeling.core.append_only import AppendOnlyError
from klachtenregeling.core.errors import NotPermitted, StaleObject, TransitionRefused
from klachtenregeling.handling import selectors, services
from klachtenregeling.handling.constants import Answer, Signer, Verdict, Via
from klachtenregeling.handling.models import JudgmentAnswer, Signature
from klachtenregeling.handling.rules import signatures as signature_rules
from klachtenregeling.notifications.constants import MessageKind

from .. import steps
from ..steps import unchanged


def sign(complaint, judgment, by):
    return services.judgment_sign(complaint=complaint, shown_sha256=judgment.text_sha256, by=by)


def test_r5_7_complainant_accepts_then_officer_and_respondent_sign(complaint, officer, respondent):
    complaint = steps.hear_both(complaint, officer)
    judgment = steps.judge(complaint, officer)
    mark = steps.mark(complaint)

    # 1. The complainant accepts through the link, and so signs.
    answer = steps.accept(complaint, judgment)

    assert (answer.answer, answer.via) == (Answer.ACCEPTED, Via.PERSONAL_LINK)
    assert steps.fresh(complaint).status == Status.JUDGED
    answered, signed = steps.events_since(
        complaint, mark, EventType.JUDGMENT_ANSWERED
    ) + steps.events_since(complaint, mark, EventType.SIGNED)
    assert answered.data["answer"] == Answer.ACCEPTED
    assert "status_to" not in answered.data
    assert signed.actor_role == ActorRole.COMPLAINANT
    assert signed.data["signer"] == Signer.COMPLAINANT
    assert signed.data["text_sha256"] == judgment.text_sha256
    messages = steps.messages_since(complaint, mark)
    assert steps.sent(messages) == {
        (MessageKind.JUDGMENT_ACCEPTED, ActorRole.OFFICER, officer.email),
        (MessageKind.JUDGMENT_ACCEPTED, ActorRole.RESPONDENT, respondent.email),
    }
    steps.assert_subjects_name_only_the_reference(messages, complaint, officer, respondent)

    # 2. The officer signs; still one signature missing.
    mark = steps.mark(complaint)
    officer_signature = sign(complaint, judgment, officer)
    assert (officer_signature.signer, officer_signature.via) == (Signer.OFFICER, Via.LOG_IN)
    assert steps.fresh(complaint).status == Status.JUDGED
    assert [e.type for e in steps.events_since(complaint, mark)] == [EventType.SIGNED]
    assert steps.messages_since(complaint, mark) == []

    # 3. The respondent signs: resolved, and the signed letter is stored and sent.
    mark = steps.mark(complaint)
    sign(complaint, judgment, respondent)

    complaint = steps.fresh(complaint)
    assert complaint.status == Status.RESOLVED
    assert complaint.closed_at is None  # resolved is not yet closed (R-3.2, R-3.3 at closing)
    signatures = list(judgment.signatures.all())
    assert {s.signer for s in signatures} == {Signer.COMPLAINANT, Signer.OFFICER, Signer.RESPONDENT}
    assert {s.text_sha256 for s in signatures} == {judgment.text_sha256}
    assert {s.name for s in signatures} == {
        complaint.complainant_name,
        officer.display_name,
        respondent.display_name,
    }
    [resolved] = steps.events_since(complaint, mark, EventType.RESOLVED)
    assert resolved.data == {
        "status_from": Status.JUDGED,
        "status_to": Status.RESOLVED,
        "judgment_id": judgment.pk,
        "text_sha256": judgment.text_sha256,
    }
    signed_letter = complaint.attachments.get(
        filename=f"{complaint.reference}-oordeel-v1-ondertekend.pdf"
    )
    assert signed_letter.kind == AttachmentKind.LETTER
    messages = steps.messages_since(complaint, mark)
    assert steps.sent(messages) == {
        (MessageKind.RESOLVED, ActorRole.COMPLAINANT, complaint.complainant_email),
        (MessageKind.RESOLVED, ActorRole.RESPONDENT, respondent.email),
        (MessageKind.RESOLVED, ActorRole.OFFICER, officer.email),
    }
    theirs = complaint.attachments.get(
        filename=f"{complaint.reference}-oordeel-v1-ondertekend-betrokkene.pdf"
    )
    assert theirs.kind == AttachmentKind.RESPONDENT_LETTER
    attached = {m.recipient_role: m.attachment_id for m in messages}
    assert attached == {
        ActorRole.COMPLAINANT: signed_letter.pk,
        ActorRole.RESPONDENT: theirs.pk,
        ActorRole.OFFICER: None,
    }
    steps.assert_subjects_name_only_the_reference(messages, complaint, officer, respondent)


def test_r5_7_officer_cannot_sign_before_the_complainant_accepted(complaint, officer, respondent):
    complaint = steps.hear_both(complaint, officer)
    judgment = steps.judge(complaint, officer)
    complaint = steps.fresh(complaint)
    for someone in (officer, respondent):
        with unchanged(complaint), pytest.raises(TransitionRefused):
            sign(complaint, judgment, someone)


def test_r5_7_nobody_signs_twice_and_others_cannot_sign(
    complaint, officer, respondent, second_officer
):
    complaint = steps.hear_both(complaint, officer)
    judgment = steps.judge(complaint, officer)
    steps.accept(complaint, judgment)
    sign(complaint, judgment, officer)
    complaint = steps.fresh(complaint)
    with unchanged(complaint), pytest.raises(TransitionRefused):
        sign(complaint, judgment, officer)
    with unchanged(complaint), pytest.raises(TransitionRefused):
        steps.accept(complaint, judgment)  # the complainant answered already
    with unchanged(complaint), pytest.raises(NotPermitted):
        sign(complaint, judgment, second_officer)


def test_r5_7_a_revised_judgment_voids_earlier_signatures(complaint, officer, respondent):
    complaint = steps.hear_both(complaint, officer)
    first = steps.judge(complaint, officer)
    steps.accept(complaint, first)
    sign(complaint, first, officer)
    mark = steps.mark(complaint)

    second = steps.judge(complaint, officer, verdict=Verdict.WELL_FOUNDED, reasoning="Herzien.")

    complaint = steps.fresh(complaint)
    assert complaint.status == Status.JUDGED
    assert (second.version, selectors.current_judgment(complaint)) == (2, second)
    assert second.text_sha256 != first.text_sha256
    assert second.letter.filename == f"{complaint.reference}-oordeel-v2.pdf"
    [voided] = steps.events_since(complaint, mark, EventType.SIGNATURES_VOIDED)
    assert voided.data == {
        "judgment_id": first.pk,
        "version": 1,
        "signers": [Signer.COMPLAINANT, Signer.OFFICER],
    }
    [issued] = steps.events_since(complaint, mark, EventType.JUDGMENT_ISSUED)
    assert "status_from" not in issued.data  # judged stays judged
    assert voided.seq < issued.seq
    assert steps.sent(steps.messages_since(complaint, mark)) == {
        (MessageKind.JUDGMENT, ActorRole.COMPLAINANT, complaint.complainant_email),
        (MessageKind.JUDGMENT, ActorRole.RESPONDENT, respondent.email),
    }
    # The old signatures stay in the dossier but count for nothing.
    assert Signature.objects.filter(judgment=first).count() == 2
    assert signature_rules.missing_signers(
        has_respondent=True,
        signatures=Signature.objects.filter(judgment__complaint=complaint),
        current_sha256=second.text_sha256,
    ) == {Signer.COMPLAINANT, Signer.OFFICER, Signer.RESPONDENT}
    # Answering or signing what one saw before is refused: read the new version first.
    with unchanged(complaint), pytest.raises(StaleObject):
        sign(complaint, first, respondent)
    with unchanged(complaint), pytest.raises(StaleObject):
        steps.accept(complaint, first)
    with unchanged(complaint), pytest.raises(TransitionRefused):
        sign(complaint, second, officer)  # the complainant has not accepted version 2
    # Signing the new text resolves it.
    steps.accept(complaint, second)
    sign(complaint, second, officer)
    sign(complaint, second, respondent)
    complaint = steps.fresh(complaint)
    assert complaint.status == Status.RESOLVED
    assert {s.text_sha256 for s in second.signatures.all()} == {second.text_sha256}
    assert JudgmentAnswer.objects.filter(judgment__complaint=complaint).count() == 2


def test_r5_7_complaint_without_respondent_needs_two_signatures(general_complaint, officer):
    complaint = steps.hear_both(general_complaint, officer)
    judgment = steps.judge(complaint, officer)
    steps.accept(complaint, judgment)
    assert steps.fresh(complaint).status == Status.JUDGED
    mark = steps.mark(complaint)

    sign(complaint, judgment, officer)

    complaint = steps.fresh(complaint)
    assert complaint.status == Status.RESOLVED
    assert {s.signer for s in judgment.signatures.all()} == {Signer.COMPLAINANT, Signer.OFFICER}
    [resolved] = steps.events_since(complaint, mark, EventType.RESOLVED)
    assert resolved.data["status_to"] == Status.RESOLVED
    assert steps.sent(steps.messages_since(complaint, mark)) == {
        (MessageKind.RESOLVED, ActorRole.COMPLAINANT, complaint.complainant_email),
        (MessageKind.RESOLVED, ActorRole.OFFICER, officer.email),
    }


def test_r7_4_signatures_are_immutable(general_complaint, officer):
    complaint = steps.resolve(general_complaint, officer)
    signature = Signature.objects.filter(judgment__complaint=complaint).first()
    signature.text_sha256 = "0" * 64
    with pytest.raises(AppendOnlyError):
        signature.save()
    with pytest.raises(AppendOnlyError):
        signature.delete()
    judgment = selectors.current_judgment(complaint)
    judgment.reasoning = "Anders."
    with pytest.raises(AppendOnlyError):
        judgment.save()


def test_r5_7_no_signing_after_resolution(general_complaint, officer):
    complaint = steps.resolve(general_complaint, officer)
    judgment = selectors.current_judgment(complaint)
    with unchanged(complaint), pytest.raises(TransitionRefused):
        sign(complaint, judgment, officer)
    with unchanged(complaint), pytest.raises(TransitionRefused):
        steps.judge(complaint, officer)  # no revision after all signed
