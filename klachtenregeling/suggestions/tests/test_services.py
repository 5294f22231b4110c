import io

from django.core.management import call_command

from klachtenregeling.audit.constants import EventType
from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.core import clock
from klachtenregeling.suggestions import services
from klachtenregeling.suggestions.models import SubjectModel
from klachtenregeling.suggestions.tasks import train_subject_model
from tests.factories import SubjectFactory

from .conftest import INVOICE_TEXT, add_history


def test_r8_1_model_learned_and_stored_as_data(org, history):
    result = services.subject_model_train(organisation=org)
    assert result.trained
    assert result.examples == 36
    assert {s["name"] for s in result.subjects} == set(history)
    model = SubjectModel.objects.get(organisation=org)
    assert model.examples == 36
    assert set(model.parameters) == {"blocks", "subject_ids", "coef", "intercept"}
    assert 0 <= model.evaluation["accuracy"] <= 1
    assert model.evaluation["examples"] == 7  # 20 % held out


def test_r8_1_suggestion_learned_from_own_organisation_only(
    org, officer, other_org, other_officer, history, submit
):
    theirs = add_history(
        other_org, 36, subjects=("Kwaliteit trainer", "Communicatie", "Facturering")
    )
    services.subject_model_train(organisation=org)
    result = services.subject_model_train(organisation=other_org)
    assert result.examples == 36  # not our 36 as well
    assert {s["id"] for s in result.subjects} == {s.pk for s in theirs.values()}

    complaint = submit(organisation=other_org, description=INVOICE_TEXT)
    suggested = services.complaint_suggest_subjects(complaint=complaint)
    assert [s["id"] for s in suggested] == [theirs["Facturering"].pk]
    assert history["Facturering"].pk not in {s["id"] for s in suggested}


def test_r8_1_no_suggestion_below_minimum_examples(org, officer, submit):
    add_history(org, 29)
    result = services.subject_model_train(organisation=org)
    assert not result.trained
    assert result.examples == 29
    assert not SubjectModel.objects.exists()
    complaint = submit(description=INVOICE_TEXT)
    assert services.complaint_suggest_subjects(complaint=complaint) == []
    assert not complaint.events.filter(type=EventType.SUBJECTS_SUGGESTED).exists()


def test_r8_1_model_removed_when_examples_fall_below_the_minimum(org, history, settings):
    services.subject_model_train(organisation=org)
    settings.SUBJECT_SUGGESTION_MIN_EXAMPLES = 37
    assert not services.subject_model_train(organisation=org).trained
    assert not SubjectModel.objects.exists()


def test_r8_2_subject_with_too_few_examples_is_not_learned(org, history):
    rare = SubjectFactory(organisation=org, name="Communicatie")
    for complaint in org.complaints.order_by("pk")[:4]:
        complaint.subjects.add(rare)
    result = services.subject_model_train(organisation=org)
    assert rare.pk not in {s["id"] for s in result.subjects}


def test_r8_1_retired_subject_never_suggested(org, officer, history, submit):
    services.subject_model_train(organisation=org)
    invoices = history["Facturering"]
    invoices.is_active = False
    invoices.save()
    complaint = submit(description=INVOICE_TEXT)
    suggested = services.complaint_suggest_subjects(complaint=complaint)
    assert invoices.pk not in {s["id"] for s in suggested}
    # Nor learned again: a retired subject is no label.
    result = services.subject_model_train(organisation=org)
    assert invoices.pk not in {s["id"] for s in result.subjects}


def test_r8_1_suggestion_recorded_once(org, officer, history, submit):
    services.subject_model_train(organisation=org)
    complaint = submit(description=INVOICE_TEXT)
    first = services.complaint_suggest_subjects(complaint=complaint)
    again = services.complaint_suggest_subjects(complaint=complaint)
    assert (
        first
        == again
        == [{"id": history["Facturering"].pk, "name": "Facturering", "score": first[0]["score"]}]
    )
    event = complaint.events.get(type=EventType.SUBJECTS_SUGGESTED)
    assert event.data == {"suggestions": first}
    assert event.actor is None
    assert not event.visible_to_complainant


def test_r8_1_choice_against_the_suggestion_recorded(org, officer, history, submit):
    services.subject_model_train(organisation=org)
    complaint = submit(description=INVOICE_TEXT)
    suggested = services.complaint_suggest_subjects(complaint=complaint)
    venue = history["Locatie en catering"]
    complaint_services.complaint_set_subjects(
        complaint=complaint, subject_ids=[venue.pk], by=officer, suggested=suggested
    )
    change = complaint.events.get(type=EventType.SUBJECTS_CHANGED)
    assert change.data["suggested"] == [{"id": history["Facturering"].pk, "name": "Facturering"}]
    assert change.data["suggestion_followed"] is False
    # A later change is no longer the answer to the suggestion.
    complaint_services.complaint_set_subjects(
        complaint=complaint,
        subject_ids=[s["id"] for s in suggested],
        by=officer,
        suggested=suggested,
    )
    later = complaint.events.filter(type=EventType.SUBJECTS_CHANGED).order_by("seq").last()
    assert "suggested" not in later.data


def test_r8_1_command_prints_examples_subjects_and_accuracy(org, other_org, history):
    out = io.StringIO()
    call_command("train_subject_models", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("andere: 0 examples; too few")
    assert lines[1].startswith("interactie: 36 examples, 3 subjects learned; held-out accuracy 0.")
    assert any(line.startswith("  Facturering: 12 examples") for line in lines)
    out = io.StringIO()
    call_command("train_subject_models", "--organisation", "andere", stdout=out)
    assert out.getvalue().count("\n") == 1


def test_r8_1_trained_at_most_once_a_day_by_the_scheduler(org, other_org, history, at):
    with at("2026-03-02 03:00"):
        assert [r.organisation for r in services.subject_models_train_due()] == [org]
    with at("2026-03-02 20:00"):
        assert services.subject_models_train_due() == []  # fresh; other_org has too few
    with at("2026-03-03 03:01") as now:
        assert [r.organisation for r in services.subject_models_train_due()] == [org]
    assert SubjectModel.objects.get().trained_at == now


def test_r8_1_task_trains_one_organisation(org, history):
    assert train_subject_model.call(org.pk) == 3
    assert SubjectModel.objects.filter(organisation=org).exists()


def test_r8_1_no_suggestion_for_a_closed_complaint(org, officer, history, submit):
    services.subject_model_train(organisation=org)
    complaint = submit(description=INVOICE_TEXT)
    complaint.status = "closed"
    complaint.closed_at = clock.now()
    complaint.save()
    assert services.complaint_suggest_subjects(complaint=complaint) == []
    assert not complaint.events.filter(type=EventType.SUBJECTS_SUGGESTED).exists()
