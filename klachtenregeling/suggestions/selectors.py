"""Reads for subject suggestion: what the model learns from, and what was suggested."""

from django.db.models import Count, Prefetch

from klachtenregeling.audit.constants import EventType
from klachtenregeling.audit.models import CaseEvent
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.organisations.models import Subject

# The most recent this many complaints are learned from: enough for any subject list, and
# training stays a matter of seconds for an organisation with years of complaints.
TRAINING_LIMIT = 5000


def complaint_text(complaint: Complaint) -> str:
    """What a suggestion reads: the description and how the complainant named the engagement."""
    return f"{complaint.description}\n{complaint.engagement_description}"


def _labelled(organisation):
    """The organisation's own complaints that an officer gave at least one subject in use."""
    return Complaint.objects.filter(organisation=organisation, subjects__is_active=True).distinct()


def labelled_count(organisation) -> int:
    return _labelled(organisation).count()


def training_examples(organisation) -> tuple[list[str], list[set[int]]]:
    """Texts and subject ids (in use; retired subjects are never learned) of the
    organisation's own earlier complaints, the most recent TRAINING_LIMIT (R-8.1)."""
    in_use = Prefetch("subjects", queryset=Subject.objects.filter(is_active=True), to_attr="used")
    complaints = (
        _labelled(organisation)
        .only("id", "description", "engagement_description")
        .prefetch_related(in_use)
        .order_by("-id")[:TRAINING_LIMIT]
    )
    texts, labels = [], []
    for complaint in complaints:
        texts.append(complaint_text(complaint))
        labels.append({s.pk for s in complaint.used})
    return texts, labels


def subject_counts(organisation) -> dict[int, tuple[str, int]]:
    """Per subject in use: its name and the number of complaints that have it."""
    rows = Subject.objects.filter(organisation=organisation, is_active=True).annotate(
        n=Count("complaints")
    )
    return {s.pk: (s.name, s.n) for s in rows}


def suggestion_recorded(complaint: Complaint) -> list[dict] | None:
    """The subjects suggested for this complaint, as recorded in its dossier; None if never."""
    event = (
        CaseEvent.objects.filter(complaint=complaint, type=EventType.SUBJECTS_SUGGESTED)
        .order_by("seq")
        .first()
    )
    return None if event is None else event.data.get("suggestions", [])
