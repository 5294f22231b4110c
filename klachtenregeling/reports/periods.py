"""The period of a periodic report (R-8.3) and the period it is compared with. Pure.

A period is a quarter, a half year, a year or any range of days; it never lies in the
future, is at most five years long, and a period that runs past today is shortened to
today (the report says so). The previous period has the same length: the quarter, half
year or year before (shortened by as many days as the period itself), or for a period
of one's choice the same number of days immediately before it.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _

from .constants import PeriodKind

MAX_YEARS = 5
MIN_YEAR = 2000
MAX_YEAR = 2100
_MONTHS = {PeriodKind.QUARTER: 3, PeriodKind.HALF_YEAR: 6, PeriodKind.YEAR: 12}


class PeriodError(ValueError):
    """A period that cannot be reported on; `field` names the form field at fault."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class Period:
    kind: str
    start: date
    end: date
    # The requested end, when the period ran past today and was shortened.
    shortened_from: date | None = None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def as_dict(self) -> dict:
        return {
            "kind": str(self.kind),
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "shortened_from": self.shortened_from.isoformat() if self.shortened_from else None,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Period":
        shortened = data.get("shortened_from")
        return cls(
            kind=data["kind"],
            start=date.fromisoformat(data["start"]),
            end=date.fromisoformat(data["end"]),
            shortened_from=date.fromisoformat(shortened) if shortened else None,
        )


def _add_months(day: date, months: int) -> date:
    """`day` moved by `months`, the day clamped to the length of the month (31 Mar - 1 = 28 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def calendar_period(kind: str, year: int, part: int = 1) -> tuple[date, date]:
    """The first and last day of quarter/half `part` (1-based) of `year`, or the year."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PeriodError(
            _("Choose a year between %(low)s and %(high)s.") % {"low": MIN_YEAR, "high": MAX_YEAR},
            "year",
        )
    months = _MONTHS[kind]
    parts = 12 // months
    if not 1 <= part <= parts:
        field = "quarter" if kind == PeriodKind.QUARTER else "half"
        raise PeriodError(_("Choose a number from 1 to %(n)s.") % {"n": parts}, field)
    start = date(year, (part - 1) * months + 1, 1)
    return start, _add_months(start, months) - timedelta(days=1)


def period_make(*, kind: str, start: date, end: date, today: date) -> Period:
    """Check a requested period (R-8.3) and shorten it to today when it runs past today."""
    if end < start:
        raise PeriodError(_("The end of the period is before its start."), "to")
    if start > today:
        raise PeriodError(_("The period lies in the future; choose a period up to today."), "from")
    if end > _add_months(start, 12 * MAX_YEARS) - timedelta(days=1):
        raise PeriodError(
            _("A period can be at most %(n)s years long.") % {"n": MAX_YEARS},
            "to",
        )
    if end > today:
        return Period(kind=kind, start=start, end=today, shortened_from=end)
    return Period(kind=kind, start=start, end=end)


def previous_period(period: Period) -> Period:
    """The period of the same length just before `period` (see the module's docstring)."""
    if period.kind in _MONTHS:
        months = _MONTHS[period.kind]
        start = _add_months(period.start, -months)
        full_end = period.start - timedelta(days=1)
        requested_end = period.shortened_from or period.end
        cut = (requested_end - period.end).days
        return Period(kind=period.kind, start=start, end=full_end - timedelta(days=cut))
    end = period.start - timedelta(days=1)
    return Period(kind=period.kind, start=end - timedelta(days=period.days - 1), end=end)


def last_full_quarter(today: date) -> Period:
    """The default period: the last quarter that has ended."""
    this_quarter = (today.month - 1) // 3 + 1
    year, quarter = (today.year, this_quarter - 1) if this_quarter > 1 else (today.year - 1, 4)
    start, end = calendar_period(PeriodKind.QUARTER, year, quarter)
    return Period(kind=PeriodKind.QUARTER, start=start, end=end)


def period_label(period: Period) -> str:
    """'Q3 2026', 'first half of 2026', '2026' — or None for a period of one's choice."""
    if period.kind == PeriodKind.QUARTER:
        quarter = (period.start.month - 1) // 3 + 1
        return _("Q%(q)s %(year)s") % {"q": quarter, "year": period.start.year}
    if period.kind == PeriodKind.HALF_YEAR:
        if period.start.month == 1:
            return _("first half of %(year)s") % {"year": period.start.year}
        return _("second half of %(year)s") % {"year": period.start.year}
    if period.kind == PeriodKind.YEAR:
        return str(period.start.year)
    return ""
