"""The suggestion in the subjects box of the dossier (R-8.1): for the handling officer only."""

from klachtenregeling.complaints.constants import FINAL_STATUSES
from klachtenregeling.organisations.models import Subject

from . import selectors, services
from .models import SubjectModel


def suggestion_panel(complaint, *, can_handle: bool, subjects: list) -> dict:
    """Context for suggestions/_suggestion.html. A complaint without subjects gets its
    suggestion computed and recorded the first time its handling officer opens it."""
    if not can_handle or subjects or complaint.status in FINAL_STATUSES:
        return {"subject_suggestion": None}
    suggested = selectors.suggestion_recorded(complaint)
    if suggested is None:
        suggested = services.complaint_suggest_subjects(complaint=complaint)
    in_use = set(
        Subject.objects.filter(
            organisation_id=complaint.organisation_id, is_active=True
        ).values_list("pk", flat=True)
    )
    suggested = [s for s in suggested if s["id"] in in_use]
    too_few = (
        not suggested
        and not SubjectModel.objects.filter(organisation_id=complaint.organisation_id).exists()
    )
    return {"subject_suggestion": {"subjects": suggested, "too_few": too_few}}
