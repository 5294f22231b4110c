"""The only writers of recommendations (R-3.5). Every function here runs inside the
transaction of its caller or opens its own; every change writes a RecommendationChange.

Created from a judgment (R-5.6, the handling officer owns them until reassigned) or
from a finalised periodic report (R-8.3, the officer who finalised it).
"""

from datetime import timedelta

from klachtenregeling.core import clock

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
