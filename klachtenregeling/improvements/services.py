"""The only writers of recommendations (R-3.5). Every function here runs inside the
transaction of its caller or opens its own; every change writes a RecommendationChange.

Created from a judgment (R-5.6, the handling officer owns them until reassigned) or
from a finalised periodic report (R-8.3, the officer who finalised it).
"""

from datetime import date, timedelta

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput, StaleObject, TransitionRefused

from . import rules, workflow
from .constants import FINISHED, RecommendationStatus, Source
from .models import Recommendation, RecommendationChange

# A recommendation is due this long after it was made, unless its owner is given another date.
DEFAULT_DUE_DAYS = 90


def _create(*, organisation_id, texts, by, **source) -> list[Recommendation]:
    now, due = clock.now(), clock.today() + timedelta(days=DEFAULT_DUE_DAYS)
    made = []
    for number, text in enumerate(texts, start=1):
        recommendation = Recommendation.objects.create(
            organisation_id=organisation_id,
            text=text,
            number=number,
            owner=by,
            due_date=due,
            status=RecommendationStatus.OPEN,
            created_at=now,
            updated_at=now,
            **source,
        )
        RecommendationChange.objects.create(
            recommendation=recommendation,
            at=now,
            by=by,
            status_to=RecommendationStatus.OPEN,
            owner=by,
            due_date=due,
        )
        made.append(recommendation)
    return made


def recommendations_create_for_judgment(*, judgment, previous=None, by) -> list[Recommendation]:
    """Inside judgment_issue's transaction: one row per recommendation of the judgment.

    A revision replaces the previous version's unfinished rows (they become
    'superseded'); the judgment letter keeps its recommendations as written.
    """
    if previous is not None:
        _supersede(previous, by=by)
    return _create(
        organisation_id=judgment.complaint.organisation_id,
        texts=judgment.recommendations,
        by=by,
        source=Source.JUDGMENT,
        judgment=judgment,
    )


def recommendations_create_for_report(*, report, texts, by) -> list[Recommendation]:
    """Inside the finalising transaction of a periodic report (R-8.3)."""
    return _create(
        organisation_id=report.organisation_id,
        texts=texts,
        by=by,
        source=Source.REPORT,
        report=report,
    )


def _supersede(judgment, *, by) -> None:
    now = clock.now()
    for recommendation in (
        Recommendation.objects.select_for_update()
        .filter(judgment=judgment)
        .exclude(status__in=FINISHED)
    ):
        RecommendationChange.objects.create(
            recommendation=recommendation,
            at=now,
            by=by,
            status_from=recommendation.status,
            status_to=RecommendationStatus.SUPERSEDED,
        )
        recommendation.status = RecommendationStatus.SUPERSEDED
        recommendation.updated_at = now
        recommendation.version += 1
        recommendation.save(update_fields=["status", "updated_at", "version"])


# --- Following a recommendation up: the owner or an officer changes its status; an
# officer gives it an owner and a due date. One transaction each: lock, version check,
# change, history row, version raised once.

STALE_MESSAGE = _(
    "Someone else changed this recommendation in the meantime. Reload the page and try again."
)


def _locked(recommendation: Recommendation, expected_version: int | None, *, by, action: str):
    """The row as stored, locked; the policy is asked of it (not of a page's stale copy)."""
    current = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    policies.require(by, action, current)
    if expected_version is not None and current.version != expected_version:
        raise StaleObject(STALE_MESSAGE)
    return current


def _changed(recommendation: Recommendation, *, by, fields: list[str], **change) -> None:
    """Save the changed `fields`, raise the version once and write the history row."""
    now = clock.now()
    RecommendationChange.objects.create(recommendation=recommendation, at=now, by=by, **change)
    recommendation.updated_at = now
    recommendation.version += 1
    recommendation.save(update_fields=[*fields, "updated_at", "version"])


def recommendation_assign(
    *, recommendation: Recommendation, owner, due_date: date | None, by, expected_version: int
) -> Recommendation:
    """An officer gives the recommendation an owner (an active staff member of the
    organisation) and a due date."""
    with transaction.atomic():
        current = _locked(
            recommendation, expected_version, by=by, action=policies.RECOMMENDATION_MANAGE
        )
        if current.status in FINISHED:
            raise TransitionRefused(_("A finished recommendation is no longer changed."))
        errors: dict[str, list] = {}
        if not rules.may_own(owner, current.organisation_id):
            errors["owner"] = [_("Choose someone who works here now.")]
        if due_date is None:
            errors["due_date"] = [_("Give a due date.")]
        elif due_date != current.due_date and due_date < clock.today():
            errors["due_date"] = [_("A new due date cannot be in the past.")]
        elif current.owner_id == getattr(owner, "pk", None) and current.due_date == due_date:
            errors["owner"] = [_("Nothing was changed.")]
        if errors:
            raise InvalidInput(errors)
        current.owner, current.due_date = owner, due_date
        _changed(current, by=by, fields=["owner", "due_date"], owner=owner, due_date=due_date)
    return current


def recommendation_set_status(
    *, recommendation: Recommendation, status: str, note: str, by, expected_version: int
) -> Recommendation:
    """The owner or an officer moves the recommendation on (workflow.py); declining needs a
    reason, otherwise the note is optional."""
    note = (note or "").strip()
    with transaction.atomic():
        current = _locked(
            recommendation, expected_version, by=by, action=policies.RECOMMENDATION_UPDATE
        )
        if status not in workflow.CHOSEN_BY_HAND:
            raise TransitionRefused(_("This status cannot be chosen."))
        workflow.require_transition(current.status, status)
        if status in workflow.NEEDS_REASON and not note:
            raise InvalidInput({"note": [_("Say why the recommendation is declined.")]})
        status_from, current.status = current.status, status
        _changed(
            current,
            by=by,
            fields=["status"],
            status_from=status_from,
            status_to=status,
            note=note,
        )
    return current
