"""R-8.4: when the yearly review is reminded of and when it is overdue (pure, no database)."""

from datetime import date

import pytest

from klachtenregeling.reviews.rules import add_months, review_due

CASES = [
    # last review, first ended complaint, today -> reminded, overdue
    (date(2025, 3, 10), None, date(2026, 2, 10), False, False),  # exactly 11 months: not yet
    (date(2025, 3, 10), None, date(2026, 2, 11), True, False),  # a day past 11 months: reminded
    (date(2025, 3, 10), None, date(2026, 3, 10), True, False),  # a year to the day: still on time
    (date(2025, 3, 10), None, date(2026, 3, 11), True, True),  # a year and a day: overdue (red)
    (date(2025, 1, 31), None, date(2025, 12, 31), False, False),  # 31 Jan + 11 months = 31 Dec
    (date(2025, 3, 31), None, date(2026, 3, 1), True, False),  # 31 Mar + 11 months = 28 Feb
    (date(2023, 3, 31), None, date(2024, 2, 29), False, False),  # leap year: 29 Feb is the day
    (date(2024, 2, 29), None, date(2025, 3, 1), True, True),  # leap day + a year = 28 Feb
    (None, date(2025, 6, 15), date(2026, 5, 16), True, False),  # no review: from the first end
    (None, date(2025, 6, 15), date(2026, 6, 16), True, True),  # no review for a year after it
    (date(2026, 1, 10), date(2024, 1, 1), date(2026, 6, 1), False, False),  # the last review counts
]


@pytest.mark.parametrize(("last", "first_ended", "today", "remind", "overdue"), CASES)
def test_r8_4_review_reminded_after_11_months_and_overdue_after_12(
    last, first_ended, today, remind, overdue
):
    due = review_due(last_review_on=last, first_ended_on=first_ended, today=today)
    assert (due.remind, due.overdue) == (remind, overdue)
    assert due.start == (last or first_ended)
    assert due.after_review == (last is not None)


def test_r8_4_nothing_to_review_before_any_complaint_ended():
    assert review_due(last_review_on=None, first_ended_on=None, today=date(2030, 1, 1)) is None


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),  # no 31 February: the month's last day
        (date(2026, 12, 15), 1, date(2027, 1, 15)),  # across the year end
        (date(2026, 5, 1), 12, date(2027, 5, 1)),  # a year
    ],
)
def test_r8_4_add_months(day, months, expected):
    assert add_months(day, months) == expected
