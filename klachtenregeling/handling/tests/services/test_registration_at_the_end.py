"""R-8.1/R-8.2 subjects, R-3.2 cause and R-3.3 satisfaction at every end of a complaint, and
what its anonymous statistics row then holds (R-8.3, R-5.5)."""

from datetime import timedelta

import pytest

from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.complaints.constants import ExtensionReason, Satisfaction, Status
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput, TransitionRefused
from klachtenregeling.handling import services
from klachtenregeling.handling.constants import RulingOutcome
from klachtenregeling.reports.models import ComplaintStatistic

from .. import steps
from ..steps import unchanged


def _close(complaint, officer, satisfaction):
    complaint = steps.resolve(complaint, officer)
    services.complaint_close(
        complaint=complaint,
        cause_id=steps.cause_for(complaint, officer),
        satisfaction=satisfaction,
        by=officer,
    )


def _ruling(complaint, officer, satisfaction):
    complaint = steps.refer(steps.unresolve(complaint, officer), officer)
    services.ruling_record(
        complaint=complaint,
        ruling_on=clock.today(),
        outcome=RulingOutcome.SETTLED,
        text="Geschikt.",
        cause_id=steps.cause_for(complaint, officer),
        satisfaction=satisfaction,
        by=officer,
    )


def _withdrawn_by_officer(complaint, officer, satisfaction):
    services.complaint_withdraw_on_behalf(
        complaint=complaint, reason="Klager belde.", satisfaction=satisfaction, by=officer
    )


def _not_admissible(complaint, officer, satisfaction):
    services.complaint_declare_not_admissible(
        complaint=complaint, reasons="Geen klacht.", satisfaction=satisfaction, by=officer
    )


def _withdrawn_by_complainant(complaint, officer, satisfaction):
    services.complaint_withdraw_by_complainant(
        complaint=complaint, reason="", satisfaction=satisfaction, link=steps.link_for(complaint)
    )


ENDS = {
    "closed": _close,
    "ruled": _ruling,
    "withdrawn_by_officer": _withdrawn_by_officer,
    "not_admissible": _not_admissible,
    "withdrawn_by_complainant": _withdrawn_by_complainant,
}
# The last step of each end, on a complaint already brought to where it would succeed.
LAST_STEP = {
    "closed": (
        steps.resolve,
        lambda c, o: services.complaint_close(
            complaint=c, cause_id=steps.cause_for(c, o), satisfaction="unknown", by=o
        ),
    ),
    "ruled": (
        lambda c, o: steps.refer(steps.unresolve(c, o), o),
        lambda c, o: services.ruling_record(
            complaint=c,
            ruling_on=clock.today(),
            outcome=RulingOutcome.REJECTED,
            text="Afgewezen.",
            cause_id=steps.cause_for(c, o),
            by=o,
        ),
    ),
    "withdrawn_by_officer": (
        lambda c, o: c,
        lambda c, o: services.complaint_withdraw_on_behalf(complaint=c, reason="x", by=o),
    ),
    "not_admissible": (
        lambda c, o: c,
        lambda c, o: services.complaint_declare_not_admissible(complaint=c, reasons="x", by=o),
    ),
}


def _without_subjects(complaint, officer):
    """Bring a classified complaint to a stage, then take its subjects away again (the
    officer may change them at any time before the end)."""
    complaint_services.complaint_set_subjects(complaint=complaint, subject_ids=[], by=officer)
    return steps.fresh(complaint)


def test_r8_1_judgment_refused_without_a_subject(complaint, officer):
    complaint = steps.hear_both(complaint, officer)
    with unchanged(complaint), pytest.raises(TransitionRefused) as refused:
        services.judgment_issue(
            complaint=complaint,
            verdict="unfounded",
            reasoning="Geen grond.",
            recommendations=[],
            by=officer,
        )
    assert refused.value.code == "subjects_required"
    assert not complaint.judgments.exists()


@pytest.mark.parametrize("how", list(LAST_STEP))
def test_r8_1_every_end_needs_a_subject_except_the_complainants_own_withdrawal(
    complaint, officer, how
):
    bring, last = LAST_STEP[how]
    complaint = _without_subjects(bring(steps.classify(complaint, officer), officer), officer)
    cause_id = steps.cause_for(complaint, officer)  # the list is ready; only the subject lacks
    assert cause_id
    with unchanged(complaint), pytest.raises(TransitionRefused) as refused:
        last(complaint, officer)
    assert refused.value.code == "subjects_required"
    assert not ComplaintStatistic.objects.filter(complaint=complaint).exists()
    last(steps.classify(complaint, officer), officer)
    assert steps.fresh(complaint).status in (Status.CLOSED, Status.WITHDRAWN, "not_admissible")


def test_r8_1_the_complainants_own_withdrawal_needs_no_subject(complaint, officer):
    _withdrawn_by_complainant(complaint, officer, Satisfaction.UNKNOWN)
    statistic = ComplaintStatistic.objects.get(complaint=complaint)
    assert list(statistic.subjects.all()) == []


@pytest.mark.parametrize("how", list(ENDS))
@pytest.mark.parametrize("satisfaction", [Satisfaction.DISSATISFIED, Satisfaction.UNKNOWN])
def test_r3_3_satisfaction_recorded_at_every_end(complaint, officer, how, satisfaction):
    complaint = steps.classify(complaint, officer)
    ENDS[how](complaint, officer, satisfaction)
    complaint = steps.fresh(complaint)
    assert complaint.satisfaction == satisfaction
    assert ComplaintStatistic.objects.get(complaint=complaint).satisfaction == satisfaction


@pytest.mark.parametrize("how", ["withdrawn_by_officer", "not_admissible"])
def test_r3_3_an_unknown_satisfaction_is_refused(complaint, officer, how):
    complaint = steps.classify(complaint, officer)
    with unchanged(complaint), pytest.raises(InvalidInput):
        ENDS[how](complaint, officer, "happy")
    assert not ComplaintStatistic.objects.filter(complaint=complaint).exists()


@pytest.mark.parametrize("how", ["withdrawn_by_officer", "not_admissible"])
def test_r3_2_cause_optional_when_withdrawn_or_not_admissible(complaint, officer, how):
    complaint = steps.classify(complaint, officer)
    ENDS[how](complaint, officer, Satisfaction.UNKNOWN)
    assert ComplaintStatistic.objects.get(complaint=complaint).cause_id is None


def test_r3_2_cause_stored_before_the_statistics_row_is_written(complaint, officer):
    complaint = steps.classify(complaint, officer)
    cause_id = steps.cause_for(complaint, officer, name="Planning")
    services.complaint_withdraw_on_behalf(
        complaint=complaint,
        reason="Klager belde.",
        cause_id=cause_id,
        root_cause="Training verplaatst zonder bericht.",
        by=officer,
    )
    complaint = steps.fresh(complaint)
    assert (complaint.cause_id, complaint.root_cause) == (
        cause_id,
        "Training verplaatst zonder bericht.",
    )
    assert ComplaintStatistic.objects.get(complaint=complaint).cause_id == cause_id


def test_r8_2_several_subjects_counted_in_the_statistics_row(complaint, officer):
    complaint = steps.classify(complaint, officer, names=("Planning", "Trainer", "Facturatie"))
    _close(complaint, officer, Satisfaction.PARTLY)
    statistic = ComplaintStatistic.objects.get(complaint=complaint)
    assert sorted(s.name for s in statistic.subjects.all()) == [
        "Facturatie",
        "Planning",
        "Trainer",
    ]


def test_r8_3_statistics_row_holds_no_name_text_or_reference(submit, officer):
    complaint = submit(
        complainant_name="Wilhelmina Zevenbergen",
        complainant_email="wilhelmina.zevenbergen@example.org",
        description="Mevrouw Zevenbergen kreeg de verkeerde factuur voor de training.",
    )
    complaint = steps.classify(steps.start(complaint, officer), officer)
    complaint = steps.resolve(complaint, officer)
    services.complaint_close(
        complaint=complaint,
        cause_id=steps.cause_for(complaint, officer),
        root_cause="Factuur van Zevenbergen verkeerd verstuurd.",
        satisfaction=Satisfaction.SATISFIED,
        by=officer,
    )
    complaint = steps.fresh(complaint)
    statistic = ComplaintStatistic.objects.get(complaint=complaint)
    secrets = [
        complaint.complainant_name,
        *complaint.complainant_name.split(),
        complaint.complainant_email,
        complaint.description,
        complaint.root_cause,
        complaint.reference,
    ]
    values = []
    for field in statistic._meta.concrete_fields:
        if field.name == "complaint":
            continue  # the link to the complaint row, an id (removed with it, R-8.5)
        values.append(str(getattr(statistic, field.attname)))
    values += [s.name for s in statistic.subjects.all()]
    for value in values:
        for secret in secrets:
            assert secret not in value, (value, secret)


def test_r5_5_extension_reason_category_counted(complaint, officer):
    complaint = steps.classify(complaint, officer)
    for days, category in ((14, ExtensionReason.INFORMATION), (28, ExtensionReason.HEARING)):
        complaint_services.complaint_extend_deadline(
            complaint=complaint,
            new_deadline=complaint.original_deadline + timedelta(days=days),
            reason="Wachten op stukken van de opdrachtgever.",
            reason_category=category,
            by=officer,
        )
        complaint = steps.fresh(complaint)
    [first, second] = complaint.extensions.order_by("number")
    assert (first.reason_category, second.reason_category) == ("information", "hearing")
    events = complaint.events.filter(type="complaint.deadline_extended").order_by("seq")
    assert [e.data["reason_category"] for e in events] == ["information", "hearing"]
    _withdrawn_by_officer(complaint, officer, Satisfaction.UNKNOWN)
    statistic = ComplaintStatistic.objects.get(complaint=complaint)
    assert statistic.extensions_count == 2
    assert sorted(statistic.extensions.values_list("number", "reason_category")) == [
        (1, "information"),
        (2, "hearing"),
    ]


def test_r5_5_an_unknown_extension_reason_category_is_refused(complaint, officer):
    with unchanged(complaint), pytest.raises(InvalidInput) as refused:
        complaint_services.complaint_extend_deadline(
            complaint=complaint,
            new_deadline=complaint.deadline + timedelta(days=14),
            reason="Wachten op stukken van de opdrachtgever.",
            reason_category="bored",
            by=officer,
        )
    assert "reason_category" in refused.value.errors
