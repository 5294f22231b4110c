"""The report and recommendation fixtures of the improvements tests, and a recorded review."""

from datetime import date

import pytest

from klachtenregeling.improvements.tests.conftest import (  # noqa: F401 - fixtures
    make_recommendations,
    recommendation,
    report,
)
from klachtenregeling.reviews import services


@pytest.fixture
def record(at, org, officer, staff_member, report):  # noqa: F811 - the imported fixture
    """Record a review through the real service (held on `held_on`, recorded that day)."""

    def _record(held_on=date(2026, 3, 10), *, to_board=True, recommendations=(), decisions=()):
        with at(f"{held_on.isoformat()} 16:00"):
            return services.review_record(
                organisation=org,
                held_on=held_on,
                attendees=[officer, staff_member],
                reports=[report],
                recommendations=list(recommendations),
                decisions=list(decisions) or ["Planning aanpassen."],
                submitted_to_board=to_board,
                by=officer,
            )

    return _record
