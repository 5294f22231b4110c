"""R-5.7: the complainant's answer to the judgment — and when there is none.

A complainant who does not answer the judgment is reminded after a set period (setting,
default 14 days after it was sent); after a second period (setting, default 14 days
more) the officer may close the complaint as "no answer". That date moves to the next
working day when it falls on a day off (R-5.5, the organisation's setting).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from klachtenregeling.complaints.rules.days_off import DaysOffRule, term_end


@dataclass(frozen=True)
class AnswerDates:
    remind_on: date  # the complainant is reminded on this day (by the scheduler)
    close_from: date  # from this day the officer may close the complaint as "no answer"


def answer_dates(
    *, judged_on: date, reminder_days: int, no_answer_days: int, days_off: DaysOffRule
) -> AnswerDates:
    """The days of the reminder and of the earliest "no answer" closing, counted from the
    day the (current) judgment was sent."""
    if reminder_days < 1 or no_answer_days < 1:
        raise ValueError("the periods must be positive")
    remind_on = judged_on + timedelta(days=reminder_days)
    return AnswerDates(
        remind_on=remind_on,
        close_from=term_end(remind_on + timedelta(days=no_answer_days), days_off),
    )


def may_close_without_answer(dates: AnswerDates, today: date) -> bool:
    return today >= dates.close_from


def paper_signature_version_error(*, signed_version: int, current_version: int) -> str | None:
    """A signature on paper binds to the text it was put on: only a scan of the current
    judgment counts (a revised judgment needs a new signature). Returns the problem's code."""
    if signed_version == current_version:
        return None
    return "older_version" if signed_version < current_version else "unknown_version"
