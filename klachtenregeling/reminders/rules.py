"""When a reminder is due (R-7.1, R-5.2): pure functions of dates, tested with tables."""

from datetime import date, datetime, time, timedelta

from klachtenregeling.core.clock import AMSTERDAM

# Reminders and digests go out from this hour on (Amsterdam), not in the night.
SENDING_STARTS_AT = time(7, 0)


def sending_hours(moment: datetime) -> bool:
    """Reminders are sent during the day: from 07:00 Amsterdam time."""
    return moment.astimezone(AMSTERDAM).time() >= SENDING_STARTS_AT


def reminder_due(deadline: date, today: date, days_before: int) -> bool:
    """R-7.1: remind `days_before` days before the deadline, up to the deadline day itself.

    If the scheduler did not run on the exact day, the reminder still goes out while
    the deadline lies ahead; once it has passed the overdue digest takes over.
    """
    return 0 <= (deadline - today).days <= days_before


def window_end(today: date, days_before: int) -> date:
    """The last deadline for which a reminder is due today (for the indexed query)."""
    return today + timedelta(days=days_before)


def deadline_passed(deadline: date, today: date) -> bool:
    """The term has passed the day after the deadline (as R-7.1's overdue)."""
    return today > deadline


def deadline_key(complaint_id: int, deadline: date) -> str:
    return f"deadline:{complaint_id}:{deadline.isoformat()}"


def passed_key(complaint_id: int, deadline: date) -> str:
    return f"passed:{complaint_id}:{deadline.isoformat()}"


def statement_key(invitation_id: int, due_date: date) -> str:
    return f"statement:{invitation_id}:{due_date.isoformat()}"


def digest_key(officer_id: int, day: date) -> str:
    return f"digest:{officer_id}:{day.isoformat()}"
