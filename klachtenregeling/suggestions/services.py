"""The only writers of subject suggestion (R-8.1): training a model, suggesting once."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import transaction

from klachtenregeling.audit import events
from klachtenregeling.complaints.constants import FINAL_STATUSES
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.complaints.services.state import locked
from klachtenregeling.core import clock
from klachtenregeling.organisations.models import Organisation, Subject

from . import classifier, selectors
from .models import SubjectModel

RETRAIN_AFTER = timedelta(hours=24)


@dataclass(frozen=True)
class TrainingResult:
    organisation: Organisation
    examples: int
    trained: bool  # False: too few examples, and any earlier model was removed
    subjects: list[dict] = field(default_factory=list)  # the subjects learned
    evaluation: dict = field(default_factory=dict)  # on held-out complaints

    @property
    def accuracy(self) -> float | None:
        return self.evaluation.get("accuracy")


def subject_model_train(*, organisation: Organisation) -> TrainingResult:
    """Learn the organisation's subjects from its own earlier complaints (R-8.1, R-8.2).

    Below the minimum of examples no model is kept. The held-out figures come from a
    model trained on 80 % and tested on the other 20 %; the model kept learns from all.
    """
    texts, labels = selectors.training_examples(organisation)
    minimum = settings.SUBJECT_SUGGESTION_MIN_EXAMPLES
    per_subject = settings.SUBJECT_SUGGESTION_MIN_PER_SUBJECT
    parameters = (
        classifier.train(texts, labels, min_per_subject=per_subject)
        if len(texts) >= minimum
        else None
    )
    if parameters is None:
        with transaction.atomic():
            SubjectModel.objects.filter(organisation=organisation).delete()
        return TrainingResult(organisation=organisation, examples=len(texts), trained=False)

    train, test = classifier.held_out_split(len(texts))
    held_out = classifier.train(
        [texts[i] for i in train], [labels[i] for i in train], min_per_subject=per_subject
    )
    evaluation = (
        classifier.evaluate(held_out, [texts[i] for i in test], [labels[i] for i in test])
        if held_out is not None
        else None
    )
    counts = selectors.subject_counts(organisation)
    figures = evaluation.per_subject if evaluation else {}
    subjects = [
        {
            "id": s,
            "name": counts[s][0],
            "examples": counts[s][1],
            "precision": figures.get(s, {}).get("precision"),
            "recall": figures.get(s, {}).get("recall"),
        }
        for s in parameters.subject_ids
    ]
    summary = evaluation.as_json() if evaluation else {}
    summary.pop("per_subject", None)
    with transaction.atomic():
        SubjectModel.objects.update_or_create(
            organisation=organisation,
            defaults={
                "trained_at": clock.now(),
                "examples": len(texts),
                "subjects": subjects,
                "evaluation": summary,
                "parameters": parameters.as_json(),
            },
        )
    return TrainingResult(
        organisation=organisation,
        examples=len(texts),
        trained=True,
        subjects=subjects,
        evaluation=summary,
    )


def subject_models_train_due() -> list[TrainingResult]:
    """For the scheduler: retrain a model older than a day, and train a first one for an
    organisation that has reached the minimum. Cheap when nothing is due (one count per
    organisation without a model); running it twice trains nothing twice."""
    since = clock.now() - RETRAIN_AFTER
    minimum = settings.SUBJECT_SUGGESTION_MIN_EXAMPLES
    results = []
    for organisation in Organisation.objects.select_related("subject_model").order_by("pk"):
        model = getattr(organisation, "subject_model", None)
        if model is not None and model.trained_at > since:
            continue
        if model is None and selectors.labelled_count(organisation) < minimum:
            continue
        results.append(subject_model_train(organisation=organisation))
    return results


def complaint_suggest_subjects(*, complaint: Complaint) -> list[dict]:
    """Suggest subjects for a complaint that has none yet, once, and record the suggestion
    in its dossier (R-8.1, R-7.4). Only subjects in use are suggested. Returns the
    suggestion ({"id", "name", "score"}, best first); empty when there is none."""
    model = SubjectModel.objects.filter(organisation_id=complaint.organisation_id).first()
    if model is None:
        return []
    in_use = dict(
        Subject.objects.filter(
            organisation_id=complaint.organisation_id, is_active=True
        ).values_list("pk", "name")
    )
    parameters = classifier.Parameters.from_json(model.parameters)
    scores = classifier.scores(parameters, selectors.complaint_text(complaint))
    suggestions = [
        {"id": s, "name": in_use[s], "score": round(p, 3)}
        for s, p in classifier.suggest(scores, allowed=set(in_use))
    ]
    if not suggestions:
        return []
    with transaction.atomic():
        complaint = locked(complaint)
        recorded = selectors.suggestion_recorded(complaint)
        if recorded is not None:
            return recorded
        if complaint.status in FINAL_STATUSES or complaint.subjects.exists():
            return []
        events.subjects_suggested(complaint, suggestions=suggestions)
    return suggestions
