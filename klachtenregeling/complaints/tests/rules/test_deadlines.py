from datetime import UTC, date, datetime

import pytest

from klachtenregeling.complaints.rules.deadlines import days_left, is_overdue, judgment_deadline

CASES = [
    # received (UTC), term, deadline (Amsterdam date)
    (datetime(2026, 3, 2, 10, 0, tzinfo=UTC), 28, date(2026, 3, 30)),  # Monday -> Monday 4 weeks on
    (datetime(2026, 1, 31, 12, 0, tzinfo=UTC), 28, date(2026, 2, 28)),  # month end, no leap year
    (datetime(2028, 2, 1, 12, 0, tzinfo=UTC), 28, date(2028, 2, 29)),  # leap day is a deadline
    (datetime(2028, 2, 29, 12, 0, tzinfo=UTC), 28, date(2028, 3, 28)),  # received on a leap day
    (datetime(2026, 12, 31, 23, 30, tzinfo=UTC), 28, date(2027, 1, 29)),  # 00:30 on 1 Jan in A'dam
    (datetime(2026, 6, 30, 22, 30, tzinfo=UTC), 28, date(2026, 7, 29)),  # 00:30 CEST = next day
    (datetime(2026, 3, 28, 23, 30, tzinfo=UTC), 28, date(2026, 4, 26)),  # the night DST starts
    (datetime(2026, 10, 24, 22, 30, tzinfo=UTC), 28, date(2026, 11, 22)),  # the night DST ends
    (datetime(2026, 3, 2, 10, 0, tzinfo=UTC), 42, date(2026, 4, 13)),  # a six-week term (setting)
    (datetime(2026, 3, 2, 10, 0, tzinfo=UTC), 1, date(2026, 3, 3)),  # shortest term
]


@pytest.mark.parametrize(("received_at", "term", "expected"), CASES)
def test_r5_5_deadline_is_received_date_in_amsterdam_plus_term(received_at, term, expected):
    assert judgment_deadline(received_at, term) == expected


def test_r5_5_term_must_be_positive():
    with pytest.raises(ValueError, match="positive"):
        judgment_deadline(datetime(2026, 3, 2, tzinfo=UTC), 0)


@pytest.mark.parametrize(
    ("deadline", "today", "left", "overdue"),
    [
        (date(2026, 3, 30), date(2026, 3, 25), 5, False),
        (date(2026, 3, 30), date(2026, 3, 30), 0, False),  # the deadline day itself is on time
        (date(2026, 3, 30), date(2026, 3, 31), -1, True),  # the day after is overdue
        (date(2026, 3, 1), date(2026, 2, 28), 1, False),  # across a month end
    ],
)
def test_r7_1_days_left_and_overdue(deadline, today, left, overdue):
    assert days_left(deadline, today) == left
    assert is_overdue(deadline, today) is overdue
