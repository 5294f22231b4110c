"""Fixtures of recommendations: made through the real creation service from a finalised
report (made directly: the reports' service lives with the reports)."""

from datetime import date

import pytest

from klachtenregeling.core import clock
from klachtenregeling.improvements import services
from klachtenregeling.reports.constants import PeriodKind
from klachtenregeling.reports.models import Report


@pytest.fixture
def report(org, officer, at):
    with at("2026-01-05 10:00"):
        return Report.objects.create(
            organisation=org,
            period_kind=PeriodKind.YEAR,
            period_start=date(2025, 1, 1),
            period_end=date(2025, 12, 31),
            content={"period": {}, "figures": {}, "introduction": "", "recommendations": []},
            sha256="0" * 64,
            finalised_by=officer,
            finalised_at=clock.now(),
        )


@pytest.fixture
def make_recommendations(report, officer, at):
    def _make(*texts):
        with at("2026-01-05 10:00"):  # due 90 days later: Sunday 5 April 2026
            return services.recommendations_create_for_report(
                report=report, texts=list(texts) or ["Start trainingen op tijd."], by=officer
            )

    return _make


@pytest.fixture
def recommendation(make_recommendations):
    [made] = make_recommendations()
    return made
