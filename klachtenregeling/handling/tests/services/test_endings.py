"""How a complaint ends: not resolved and referred (R-4.3), closed (R-3.2, R-3.3),
withdrawn, or declared not admissible."""

import hashlib
import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import translation

from klachtenregeling.audit.constants import ActorRole, EventType
from klachtenregeling.audit.tests.sealing import sealed
from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.complaints.constants import AttachmentKind, Channel, Satisfaction, Status
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput, NotPermitted, TransitionRefused
from klachtenregeling.engagements.models import DocumentKind, EngagementDocument
from klachtenregeling.handling import selectors, services
from klachtenregeling.handling.constants import Answer, RulingOutcome
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.organisations import services as list_services
from klachtenregeling.retention.selectors import has_open_referral_hold
from tests import samples

from .. import steps
from ..steps import unchanged


def test_r4_3_complainant_declines_the_judgment(complaint, officer):
    complaint = steps.hear_both(complaint, officer)
    judgment = steps.judge(complaint, officer)
    mark = steps.mark(complaint)

    answer = steps.decline(complaint, judgment, comment="Te weinig gedaan.")

    complaint = steps.fresh(complaint)
    assert complaint.status == Status.UNRESOLVED
    assert (answer.answer, answer.comment) == (Answer.DECLINED, "Te weinig gedaan.")
    assert judgment.signatures.count() == 0
    [event] = steps.events_since(complaint, mark, EventType.JUDGMENT_ANSWERED)
    assert event.data == {
        "status_from": Status.JUDGED,
        "status_to": Status.UNRESOLVED,
        "judgment_id": judgment.pk,
        "answer": Answer.DECLINED,
        "via": "personal_link",
        **sealed("judgment_answer", answer.pk),
    }
    messages = steps.messages_since(complaint, mark)
    assert steps.sent(messages) == {
        (MessageKind.JUDGMENT_DECLINED, ActorRole.OFFICER, officer.email),
        (MessageKind.REFERRAL_INFO, ActorRole.COMPLAINANT, complaint.complainant_email),
    }
    steps.assert_subjects_name_only_the_reference(messages, complaint, officer)
    info = next(m for m in messages if m.kind == MessageKind.REFERRAL_INFO)
    organisation = complaint.organisation
    assert organisation.disputes_body_name
    assert organisation.disputes_body_name in info.body_text  # the body is named
    assert organisation.disputes_body_name in info.body_html


def test_r4_3_referral_is_recorded_and_starts_a_legal_hold(complaint, officer):
    complaint = steps.unresolve(complaint, officer)
    mark = steps.mark(complaint)

    referral = services.referral_record(
        complaint=complaint,
        referred_on=clock.today(),
        body_reference=" GC-2026-77 ",
        by=officer,
        expected_version=complaint.version,
    )

    complaint = steps.fresh(complaint)
    assert complaint.status == Status.REFERRED
    assert has_open_referral_hold(complaint)
    assert (referral.body_reference, referral.referred_on) == ("GC-2026-77", clock.today())
    assert referral.body_name == complaint.organisation.disputes_body_name
    [event] = steps.events_since(complaint, mark)
    assert event.type == EventType.REFERRED
    assert event.data["status_from"] == Status.UNRESOLVED
    assert event.data["status_to"] == Status.REFERRED
    assert event.data["legal_hold"] is True
    assert event.data["conditions"] == {"written": True, "responded": True, "within_year": True}
    assert steps.messages_since(complaint, mark) == []


@pytest.mark.parametrize("days", [1, -400])
def test_r4_3_referral_date_between_receipt_and_today(complaint, officer, days):
    complaint = steps.unresolve(complaint, officer)
    with unchanged(complaint), pytest.raises(InvalidInput):
        services.referral_record(
            complaint=complaint,
            referred_on=clock.today() + timedelta(days=days),
            body_reference="",
            by=officer,
        )


def test_r4_3_only_an_unresolved_complaint_is_referred(complaint, officer):
    complaint = steps.hear_both(complaint, officer)
    steps.judge(complaint, officer)
    complaint = steps.fresh(complaint)
    with unchanged(complaint), pytest.raises(TransitionRefused):
        steps.refer(complaint, officer)


def test_r4_3_case_file_export_for_the_disputes_body(
    officer, respondent, draft, upload, engagement
):
    contract = EngagementDocument(engagement=engagement, kind=DocumentKind.CONTRACT)
    contract.filename = "opdrachtbevestiging.pdf"
    contract.sha256 = hashlib.sha256(samples.pdf()).hexdigest()
    contract.file.save("x", ContentFile(samples.pdf()), save=True)
    complaint = complaint_services.complaint_register(
        by=officer,
        draft=draft(respondent_id=respondent.pk, engagement_id=engagement.pk),
        channel=Channel.LETTER,
        received_on=clock.today(),
        original=upload("brief.pdf", samples.pdf()),
    ).complaint
    complaint = steps.refer(steps.unresolve(steps.start(complaint, officer), officer), officer)
    mark = steps.mark(complaint)

    case_file = services.case_file_export(complaint=complaint, by=officer)

    assert case_file.filename == f"{complaint.reference}-dossier-geschillencommissie.zip"
    archive = zipfile.ZipFile(io.BytesIO(case_file.content))
    assert archive.testzip() is None
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["reference"] == complaint.reference
    names = [entry["file"] for entry in manifest["files"]]
    assert set(archive.namelist()) == {*names, "manifest.json"}
    for entry in manifest["files"]:
        data = archive.read(entry["file"])
        assert entry["sha256"] == hashlib.sha256(data).hexdigest(), entry["file"]
        assert entry["size"] == len(data)
    assert "01-dossier.pdf" in names
    assert archive.read("01-dossier.pdf").startswith(b"%PDF")
    assert "02-klacht-zoals-ingediend/brief.pdf" in names  # the original letter
    assert archive.read("02-klacht-zoals-ingediend/brief.pdf") == samples.pdf()
    assert "04-opdracht/contract-opdrachtbevestiging.pdf" in names  # the engagement's contract
    assert any(n.startswith("03-reactie-organisatie/") for n in names)  # the judgment letter
    manifest_sha = hashlib.sha256(archive.read("manifest.json")).hexdigest()
    [event] = steps.events_since(complaint, mark)
    assert event.type == EventType.CASE_FILE_EXPORTED
    assert event.data == {"files": len(names), "manifest_sha256": manifest_sha}
    assert steps.fresh(complaint).status == Status.REFERRED  # an export changes no status
    assert steps.messages_since(complaint, mark) == []


def test_r4_3_case_file_only_once_not_resolved(complaint, officer, second_officer):
    complaint = steps.hear_both(complaint, officer)
    with unchanged(complaint), pytest.raises(TransitionRefused):
        services.case_file_export(complaint=complaint, by=officer)
    complaint = steps.unresolve(complaint, officer)
    with unchanged(complaint), pytest.raises(NotPermitted):
        services.case_file_export(complaint=complaint, by=second_officer)


def test_r4_3_ruling_closes_the_case_and_lifts_the_legal_hold(complaint, officer, respondent):
    complaint = steps.refer(steps.unresolve(complaint, officer), officer)
    mark = steps.mark(complaint)

    referral = services.ruling_record(
        complaint=complaint,
        ruling_on=clock.today(),
        outcome=RulingOutcome.PARTLY_UPHELD,
        text="De commissie acht de klacht deels gegrond.",
        cause_id=steps.cause_for(complaint, officer),
        root_cause="Planning van trainers.",
        by=officer,
        document=("uitspraak.pdf", io.BytesIO(samples.pdf())),
    )

    complaint = steps.fresh(complaint)
    assert complaint.status == Status.CLOSED
    assert complaint.closed_at is not None
    assert not has_open_referral_hold(complaint)
    assert complaint.root_cause == "Planning van trainers."
    assert referral.ruling_outcome == RulingOutcome.PARTLY_UPHELD
    assert referral.ruling_document.kind == AttachmentKind.RULING
    ruled, closed = steps.events_since(
        complaint, mark, EventType.RULING_RECORDED
    ) + steps.events_since(complaint, mark, EventType.CLOSED)
    assert ruled.seq < closed.seq
    assert ruled.data == {
        "ruling_on": clock.today().isoformat(),
        "outcome": RulingOutcome.PARTLY_UPHELD,
        "legal_hold": False,
        **sealed("ruling", referral.pk),
    }
    # The status change is recorded once, on the closing event (as for every closing).
    assert closed.data["status_from"] == Status.REFERRED
    assert closed.data["status_to"] == Status.CLOSED
    assert closed.data["root_cause"] == "Planning van trainers."
    assert closed.data["cause"] == {"id": complaint.cause_id, "name": "Communicatie"}
    messages = steps.messages_since(complaint, mark)
    assert steps.sent(messages) == {
        (MessageKind.CLOSED, ActorRole.COMPLAINANT, complaint.complainant_email),
        (MessageKind.CLOSED, ActorRole.RESPONDENT, respondent.email),
    }
    steps.assert_subjects_name_only_the_reference(messages, complaint, officer, respondent)


def test_r4_3_no_ruling_without_a_referral(complaint, officer):
    complaint = steps.unresolve(complaint, officer)
    with unchanged(complaint), pytest.raises(TransitionRefused):
        services.ruling_record(
            complaint=complaint,
            ruling_on=clock.today(),
            outcome=RulingOutcome.REJECTED,
            text="Afgewezen.",
            cause_id=steps.cause_for(complaint, officer),
            by=officer,
        )


@pytest.mark.parametrize(
    ("outcome", "text", "with_cause", "days"),
    [
        ("won", "x", True, 0),
        (RulingOutcome.REJECTED, " ", True, 0),
        (RulingOutcome.REJECTED, "x", False, 0),  # the cause is recorded at closing
        (RulingOutcome.REJECTED, "x", True, 1),  # a ruling in the future
        (RulingOutcome.REJECTED, "x", True, -1),  # before the referral
    ],
)
def test_r4_3_r3_2_ruling_input_is_checked(complaint, officer, outcome, text, with_cause, days):
    complaint = steps.refer(steps.unresolve(complaint, officer), officer)
    cause_id = steps.cause_for(complaint, officer) if with_cause else None
    with unchanged(complaint), pytest.raises(InvalidInput):
        services.ruling_record(
            complaint=complaint,
            ruling_on=clock.today() + timedelta(days=days),
            outcome=outcome,
            text=text,
            cause_id=cause_id,
            by=officer,
        )


def close(complaint, officer, **overrides):
    values = {
        "complaint": complaint,
        "cause_id": steps.cause_for(complaint, officer),
        "root_cause": "Trainer te laat ingepland.",
        "satisfaction": Satisfaction.SATISFIED,
        "by": officer,
    }
    return services.complaint_close(**{**values, **overrides})


def test_r3_2_r3_3_closing_a_resolved_complaint(complaint, officer, respondent):
    complaint = steps.resolve(complaint, officer)
    mark = steps.mark(complaint)

    close(complaint, officer, expected_version=complaint.version)

    complaint = steps.fresh(complaint)
    assert complaint.status == Status.CLOSED
    assert complaint.closed_at is not None
    assert (complaint.root_cause, complaint.satisfaction) == (
        "Trainer te laat ingepland.",
        Satisfaction.SATISFIED,
    )
    [event] = steps.events_since(complaint, mark, EventType.CLOSED)
    assert event.data == {
        "status_from": Status.RESOLVED,
        "status_to": Status.CLOSED,
        "cause": {"id": complaint.cause_id, "name": "Communicatie"},
        "root_cause": "Trainer te laat ingepland.",
        "satisfaction": Satisfaction.SATISFIED,
    }
    messages = steps.messages_since(complaint, mark)
    assert steps.sent(messages) == {
        (MessageKind.CLOSED, ActorRole.COMPLAINANT, complaint.complainant_email),
        (MessageKind.CLOSED, ActorRole.RESPONDENT, respondent.email),
    }
    steps.assert_subjects_name_only_the_reference(messages, complaint, officer, respondent)


def test_r3_2_closing_asks_for_a_cause(general_complaint, officer, other_org, other_officer):
    complaint = steps.resolve(general_complaint, officer)
    retired = steps.cause_for(complaint, officer, name="Facturering")
    list_services.cause_retire(organisation=complaint.organisation, cause_id=retired, by=officer)
    elsewhere = list_services.cause_add(organisation=other_org, name="Elders", by=other_officer)
    for cause_id in (None, retired, elsewhere.pk, 0):
        with unchanged(complaint), pytest.raises(InvalidInput) as refused:
            close(complaint, officer, cause_id=cause_id)
        assert "cause" in refused.value.errors
    # The words are optional; the category is stored with the complaint and in its row.
    close(complaint, officer, root_cause="")
    complaint = steps.fresh(complaint)
    assert complaint.cause.name == "Communicatie"
    assert complaint.root_cause == ""
    assert complaint.statistic.cause_id == complaint.cause_id


def test_r3_2_with_no_cause_configured_closing_points_to_the_lists(general_complaint, officer):
    complaint = steps.resolve(general_complaint, officer)
    with unchanged(complaint), pytest.raises(InvalidInput) as refused:
        services.complaint_close(
            complaint=complaint, cause_id=None, satisfaction=Satisfaction.UNKNOWN, by=officer
        )
    with translation.override("en"):
        assert "Subjects and causes" in str(refused.value.errors["cause"][0])


def test_r3_3_closing_requires_the_satisfaction(general_complaint, officer):
    complaint = steps.resolve(general_complaint, officer)
    for satisfaction in ("", "happy"):
        with unchanged(complaint), pytest.raises(InvalidInput) as refused:
            close(complaint, officer, satisfaction=satisfaction)
        assert "satisfaction" in refused.value.errors


def test_r4_3_unresolved_complaint_closed_without_referral(general_complaint, officer):
    complaint = steps.unresolve(general_complaint, officer)
    close(complaint, officer, satisfaction=Satisfaction.DISSATISFIED)
    assert steps.fresh(complaint).status == Status.CLOSED


def test_r4_3_a_referred_complaint_is_closed_by_the_ruling_only(general_complaint, officer):
    complaint = steps.refer(steps.unresolve(general_complaint, officer), officer)
    with unchanged(complaint), pytest.raises(TransitionRefused):
        close(complaint, officer)
    assert has_open_referral_hold(complaint)


@pytest.mark.parametrize("stage", ["in_handling", "hearing", "judged"])
def test_r3_2_only_a_finished_complaint_is_closed(complaint, officer, stage):
    if stage != "in_handling":
        complaint = steps.hear_both(complaint, officer)
    if stage == "judged":
        steps.judge(complaint, officer)
    complaint = steps.fresh(complaint)
    with unchanged(complaint), pytest.raises(TransitionRefused):
        close(complaint, officer)


def test_complainant_withdraws_through_the_link(complaint, officer, respondent):
    complaint = steps.notify(complaint, officer)
    mark = steps.mark(complaint)

    services.complaint_withdraw_by_complainant(
        complaint=complaint,
        reason="  Opgelost met de trainer. ",
        satisfaction=Satisfaction.PARTLY,
        link=steps.link_for(complaint),
    )

    complaint = steps.fresh(complaint)
    assert complaint.status == Status.WITHDRAWN
    assert complaint.closed_at is not None
    [event] = steps.events_since(complaint, mark, EventType.WITHDRAWN)
    assert event.actor is None
    assert event.actor_role == ActorRole.COMPLAINANT
    assert event.data == {
        "status_from": Status.IN_HANDLING,
        "status_to": Status.WITHDRAWN,
        "reason": "Opgelost met de trainer.",
        "cause": None,
        "root_cause": "",
        "satisfaction": Satisfaction.PARTLY,
    }
    # the complainant cannot classify; the row simply has no subject.
    assert complaint.satisfaction == Satisfaction.PARTLY
    assert list(complaint.statistic.subjects.all()) == []
    messages = steps.messages_since(complaint, mark)
    assert steps.sent(messages) == {
        (MessageKind.WITHDRAWN, ActorRole.COMPLAINANT, complaint.complainant_email),
        (MessageKind.WITHDRAWN, ActorRole.OFFICER, officer.email),
        (MessageKind.WITHDRAWN, ActorRole.RESPONDENT, respondent.email),
    }
    steps.assert_subjects_name_only_the_reference(messages, complaint, officer, respondent)


def test_officer_records_a_withdrawal_on_behalf(complaint, officer):
    complaint = steps.classify(complaint, officer)
    mark = steps.mark(complaint)
    with unchanged(complaint), pytest.raises(InvalidInput):
        services.complaint_withdraw_on_behalf(complaint=complaint, reason=" ", by=officer)

    services.complaint_withdraw_on_behalf(
        complaint=complaint, reason="Klager belde: trekt de klacht in.", by=officer
    )

    complaint = steps.fresh(complaint)
    assert complaint.status == Status.WITHDRAWN
    [event] = steps.events_since(complaint, mark, EventType.WITHDRAWN)
    assert (event.actor, event.actor_role) == (officer, ActorRole.OFFICER)
    assert event.data["status_to"] == Status.WITHDRAWN
    # The respondent was never informed, so is not told now; the officer did it themself.
    assert steps.sent(steps.messages_since(complaint, mark)) == {
        (MessageKind.WITHDRAWN, ActorRole.COMPLAINANT, complaint.complainant_email)
    }


def test_no_withdrawal_after_resolution(general_complaint, officer):
    complaint = steps.resolve(general_complaint, officer)
    with unchanged(complaint), pytest.raises(TransitionRefused):
        services.complaint_withdraw_by_complainant(
            complaint=complaint, reason="", link=steps.link_for(complaint)
        )


def test_r1_1_not_admissible_with_reasons_in_a_letter(complaint, officer):
    complaint = steps.classify(complaint, officer)
    with unchanged(complaint), pytest.raises(InvalidInput):
        services.complaint_declare_not_admissible(complaint=complaint, reasons="  ", by=officer)
    mark = steps.mark(complaint)

    services.complaint_declare_not_admissible(
        complaint=complaint,
        reasons="Dit gaat over een andere organisatie.",
        by=officer,
        expected_version=complaint.version,
    )

    complaint = steps.fresh(complaint)
    assert complaint.status == Status.NOT_ADMISSIBLE
    assert complaint.closed_at is not None
    [event] = steps.events_since(complaint, mark, EventType.NOT_ADMISSIBLE)
    assert event.data == {
        "status_from": Status.IN_HANDLING,
        "status_to": Status.NOT_ADMISSIBLE,
        "reasons": "Dit gaat over een andere organisatie.",
        "cause": None,
        "root_cause": "",
        "satisfaction": Satisfaction.UNKNOWN,
    }
    letter = complaint.attachments.get(kind=AttachmentKind.LETTER)
    assert letter.filename == f"{complaint.reference}-niet-ontvankelijk.pdf"
    [letter_event] = steps.events_since(complaint, mark, EventType.LETTER_ISSUED)
    assert letter_event.data["attachment_id"] == str(letter.pk)
    [message] = steps.messages_since(complaint, mark)
    assert (message.kind, message.recipient_role, message.to_email) == (
        MessageKind.NOT_ADMISSIBLE,
        ActorRole.COMPLAINANT,
        complaint.complainant_email,
    )
    assert message.attachment_id == letter.pk
    steps.assert_subjects_name_only_the_reference([message], complaint, officer)


def test_r4_3_conditions_shown_to_the_officer(complaint, officer):
    conditions = selectors.referral_conditions(complaint, clock.today())
    assert {c.key: c.holds for c in conditions} == {
        "written": True,
        "responded": False,  # no judgment yet, and four weeks have not passed
        "within_year": True,
    }
    later = selectors.referral_conditions(complaint, clock.today() + timedelta(weeks=4))
    assert all(c.holds for c in later)
