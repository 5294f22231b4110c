"""The one place where "now" is read.

Times are stored in UTC; the regulation's terms are counted in calendar days in
Europe/Amsterdam. Tests freeze time with `frozen()`, never by sleeping.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.utils import timezone

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

_frozen_at: datetime | None = None


def now() -> datetime:
    """The current moment, timezone-aware (UTC)."""
    return _frozen_at if _frozen_at is not None else timezone.now()


def today() -> date:
    """Today's date in Amsterdam."""
    return local_date(now())


def local_date(moment: datetime) -> date:
    """The Amsterdam calendar date of an aware moment."""
    return moment.astimezone(AMSTERDAM).date()


def start_of_day(day: date) -> datetime:
    """Midnight in Amsterdam at the start of `day`, as an aware datetime."""
    return datetime.combine(day, time.min, tzinfo=AMSTERDAM)


def thaw() -> None:
    """Back to the real clock (each test starts there: conftest.py)."""
    global _frozen_at
    _frozen_at = None


@contextmanager
def frozen(at: datetime) -> Iterator[datetime]:
    """Make now() return `at` (aware) inside the block."""
    global _frozen_at
    if timezone.is_naive(at):
        raise ValueError("frozen() needs an aware datetime")
    previous, _frozen_at = _frozen_at, at
    try:
        yield at
    finally:
        _frozen_at = previous
