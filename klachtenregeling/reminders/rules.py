"""When a reminder is due (R-7.1, R-5.2): pure functions of dates, tested with tables."""

from datetime import date, datetime, time, timedelta

from klachtenregeling.core.clock import AMSTERDAM

# Reminders and digests go out from this hour on (Amsterdam), not in the night.
SENDING_STARTS_AT = time(7, 0)


def sending_hours(moment: datetime) -> bool:
    """Reminders are sent during the day: from 07:00 Amsterdam time."""
    return moment.astimezone(AMSTERDAM).time() >= SENDING_STARTS_AT


def reminder_window(today: date, days_before: int) -> tuple[date, date]:
    """R-7.1: the deadlines a reminder is due for today — from today up to `days_before`
    days ahead. If the scheduler did not run on the exact day, the reminder still goes out
    while the deadline lies ahead; once it has passed, the overdue digest takes over."""
    return today, today + timedelta(days=days_before)


def reminder_due(deadline: date, today: date, days_before: int) -> bool:
    first, last = reminder_window(today, days_before)
    return first <= deadline <= last


# The administrator is alerted for a term that passed at most this many days ago: after a
# first installation, or a scheduler that was down, no flood of alerts about old complaints
# (those are in the officer's daily digest).
PASSED_ALERT_DAYS = 7


def passed_alert_window(today: date) -> tuple[date, date]:
    """Deadlines whose passing is alerted today: from PASSED_ALERT_DAYS ago to yesterday."""
    return today - timedelta(days=PASSED_ALERT_DAYS), today - timedelta(days=1)


def deadline_key(complaint_id: int, officer_id: int, deadline: date) -> str:
    return f"deadline:{complaint_id}:{officer_id}:{deadline.isoformat()}"


def answer_key(judgment_id: int) -> str:
    """R-5.7: one reminder per judgment version (a revision starts the period again)."""
    return f"answer:{judgment_id}"


def passed_key(complaint_id: int, deadline: date) -> str:
    return f"passed:{complaint_id}:{deadline.isoformat()}"


def statement_key(invitation_id: int, due_date: date) -> str:
    return f"statement:{invitation_id}:{due_date.isoformat()}"


def digest_key(officer_id: int, day: date) -> str:
    return f"digest:{officer_id}:{day.isoformat()}"


def compliance_digest_key(admin_id: int, day: date) -> str:
    return f"compliance:{admin_id}:{day.isoformat()}"
