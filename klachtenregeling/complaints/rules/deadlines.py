"""Art. 5.5 — the term for a judgment."""

from datetime import date, datetime, timedelta

from klachtenregeling.core.clock import local_date


def judgment_deadline(received_at: datetime, term_days: int) -> date:
    """R-5.5: the officer judges within `term_days` (default 28) after receipt.

    The term runs from the Amsterdam calendar date on which the complaint was
    received, whatever the hour; the deadline is that date plus the term.
    """
    if term_days < 1:
        raise ValueError("term_days must be positive")
    return local_date(received_at) + timedelta(days=term_days)


def days_left(deadline: date, today: date) -> int:
    """Calendar days until the deadline: 0 on the day itself, negative when overdue."""
    return (deadline - today).days


def is_overdue(deadline: date, today: date) -> bool:
    """A complaint is overdue the day after its deadline (R-7.1)."""
    return today > deadline
