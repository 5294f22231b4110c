"""Objects of the access world for recommendations as actions (R-3.5), the yearly review and the board (R-8.4).

`build(world, org, elsewhere, users)` adds path values for the own and the other side to
`world.extra["own"]` and `world.extra["other"]` (routes.fill uses them by parameter name).

Own side (Interactie): a recommendation of a finalised report, owned by the employee, and a
review submitted to the board without a decision yet. Other side: the same of the other
organisation (a recommendation owned by its officer, a review of its own).
"""

from datetime import timedelta

from klachtenregeling.core import clock
from klachtenregeling.improvements import services as improvement_services
from klachtenregeling.reports.constants import PeriodKind
from klachtenregeling.reports.models import Report
from klachtenregeling.reviews import services as review_services
from tests.factories import UserFactory


def _report(organisation, by) -> Report:
    """A finalised report, made directly: its service lives with the reports."""
    today = clock.today()
    return Report.objects.create(
        organisation=organisation,
        period_kind=PeriodKind.values[0],
        period_start=today - timedelta(days=365),
        period_end=today - timedelta(days=1),
        content={"period": {}, "figures": {}, "introduction": "", "recommendations": []},
        sha256="0" * 64,
        finalised_by=by,
        finalised_at=clock.now(),
    )


def _side(organisation, *, officer, owner, attendee, to_board: bool) -> dict:
    report = _report(organisation, officer)
    [recommendation] = improvement_services.recommendations_create_for_report(
        report=report, texts=["Start trainingen op tijd."], by=officer
    )
    if owner != officer:
        recommendation = improvement_services.recommendation_assign(
            recommendation=recommendation,
            owner=owner,
            due_date=clock.today() + timedelta(days=30),
            by=officer,
            expected_version=recommendation.version,
        )
    review = review_services.review_record(
        organisation=organisation,
        held_on=clock.today(),
        attendees=[officer, attendee],
        reports=[report],
        recommendations=[recommendation],
        decisions=["Planning aanpassen."],
        submitted_to_board=to_board,
        by=officer,
    )
    return {"recommendation_id": str(recommendation.pk), "review_id": str(review.pk)}


def build(world, org, elsewhere, users) -> None:
    world.extra["own"].update(
        _side(
            org,
            officer=users["officer"],
            owner=users["employee"],
            attendee=users["employee"],
            to_board=True,
        )
    )
    colleague = UserFactory(organisation=elsewhere, username="otto")
    world.extra["other"].update(
        _side(
            elsewhere,
            officer=users["foreign_officer"],
            owner=users["foreign_officer"],
            attendee=colleague,
            to_board=True,
        )
    )
