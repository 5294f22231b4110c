"""When the yearly review is due (R-8.4): pure functions of dates, tested with tables.

The year counts from the last recorded review. With no review yet it counts from the
organisation's first ended complaint (its first statistics row): before anything ended
there is nothing to discuss, so no reminder.
"""

import calendar
from dataclasses import dataclass
from datetime import date

# The officers and administrators are reminded this many months after the start …
REMIND_AFTER_MONTHS = 11
# … and the review is overdue (shown red) after a year.
OVERDUE_AFTER_MONTHS = 12


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the last day of the month when that day does not exist
    (31 January + 1 month = 28 or 29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class ReviewDue:
    start: date  # the last review, or the first ended complaint
    after_review: bool  # False: no review was recorded yet
    remind_after: date  # reminded from the day after this date
    due_by: date  # overdue from the day after this date
    remind: bool
    overdue: bool


def review_due(*, last_review_on: date | None, first_ended_on: date | None, today: date):
    """R-8.4: is a review reminder due today, and is the yearly review overdue?

    None when there is nothing to count from (no review and no ended complaint)."""
    start = last_review_on or first_ended_on
    if start is None:
        return None
    remind_after = add_months(start, REMIND_AFTER_MONTHS)
    due_by = add_months(start, OVERDUE_AFTER_MONTHS)
    return ReviewDue(
        start=start,
        after_review=last_review_on is not None,
        remind_after=remind_after,
        due_by=due_by,
        remind=today > remind_after,
        overdue=today > due_by,
    )


def reminder_key(organisation_id: int, user_id: int, start: date) -> str:
    """One reminder per person per occasion; a new review is a new occasion."""
    return f"review:{organisation_id}:{user_id}:{start.isoformat()}"
