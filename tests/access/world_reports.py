"""Objects of the access world for the periodic report and finalised reports (R-8.3).

`build(world, org, elsewhere, users)` adds path values for the own and the other side to
`world.extra["own"]` and `world.extra["other"]` (routes.fill uses them by parameter name):
a finalised report of each organisation, and the name of a chart.
"""

from datetime import date

from klachtenregeling.reports import services
from klachtenregeling.reports.constants import PeriodKind
from klachtenregeling.reports.periods import Period

_PERIOD = Period(kind=PeriodKind.YEAR, start=date(2025, 1, 1), end=date(2025, 12, 31))


def build(world, org, elsewhere, users) -> None:
    for side, organisation, officer in (
        ("own", org, users["officer"]),
        ("other", elsewhere, users["foreign_officer"]),
    ):
        report = services.report_finalise(
            organisation=organisation,
            period=_PERIOD,
            introduction="Een rustig jaar.",
            recommendations=["Plan trainers eerder in."],
            by=officer,
        )
        world.extra[side]["report_id"] = str(report.pk)
        world.extra[side]["chart"] = "uitkomsten"
