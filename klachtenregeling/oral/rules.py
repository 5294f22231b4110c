"""R-1.1, second sentence, as pure functions: when an unconfirmed oral complaint gets its
reminder and when the officer may close it as not confirmed."""

from datetime import date, timedelta


def reminder_on(sent_on: date, confirmation_days: int) -> date:
    """The complainant is reminded halfway through the period (at least a day after)."""
    return sent_on + timedelta(days=max(1, confirmation_days // 2))


def close_from(sent_on: date, confirmation_days: int) -> date:
    """The first day the officer may close the record as not confirmed."""
    return sent_on + timedelta(days=confirmation_days)


def may_close(*, sent_on: date, confirmation_days: int, today: date) -> bool:
    return today >= close_from(sent_on, confirmation_days)
