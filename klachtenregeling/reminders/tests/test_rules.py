from datetime import UTC, date, datetime

import pytest

from klachtenregeling.reminders import rules

REMINDERS = [
    # deadline, today, days before, due?
    (date(2026, 3, 30), date(2026, 3, 25), 5, True),  # exactly five days before
    (date(2026, 3, 30), date(2026, 3, 24), 5, False),  # six days before: not yet
    (date(2026, 3, 30), date(2026, 3, 30), 5, True),  # on the day itself (scheduler was down)
    (date(2026, 3, 30), date(2026, 3, 31), 5, False),  # passed: the digest takes over
    (date(2026, 3, 1), date(2026, 2, 24), 5, True),  # across a month end (no leap year)
    (date(2028, 3, 1), date(2028, 2, 25), 5, True),  # across a leap day: 29 Feb counts
    (date(2028, 3, 1), date(2028, 2, 24), 5, False),
    (date(2027, 1, 2), date(2026, 12, 28), 5, True),  # across the year end
    (date(2026, 3, 30), date(2026, 3, 29), 1, True),  # one day before
]


@pytest.mark.parametrize(("deadline", "today", "days", "due"), REMINDERS)
def test_r7_1_reminder_is_due_n_days_before_the_deadline(deadline, today, days, due):
    assert rules.reminder_due(deadline, today, days) is due


@pytest.mark.parametrize(
    ("moment", "sending"),
    [
        (datetime(2026, 3, 2, 5, 59, tzinfo=UTC), False),  # 06:59 in winter (CET)
        (datetime(2026, 3, 2, 6, 0, tzinfo=UTC), True),  # 07:00 CET
        (datetime(2026, 3, 30, 4, 59, tzinfo=UTC), False),  # 06:59 in summer (CEST)
        (datetime(2026, 3, 30, 5, 0, tzinfo=UTC), True),  # 07:00 CEST
        (datetime(2026, 3, 29, 22, 30, tzinfo=UTC), False),  # 00:30 CEST: night
        (datetime(2026, 10, 25, 5, 30, tzinfo=UTC), False),  # 06:30 CET, the day DST ends
        (datetime(2026, 10, 25, 6, 0, tzinfo=UTC), True),  # 07:00 CET that day
    ],
)
def test_r7_1_reminders_go_out_during_the_day_in_amsterdam(moment, sending):
    assert rules.sending_hours(moment) is sending


def test_keys_name_the_occasion():
    assert rules.deadline_key(7, 2, date(2026, 3, 30)) == "deadline:7:2:2026-03-30"
    assert rules.deadline_key(7, 2, date(2026, 4, 13)) != rules.deadline_key(
        7, 2, date(2026, 3, 30)
    )
    assert rules.deadline_key(7, 3, date(2026, 3, 30)) != rules.deadline_key(
        7, 2, date(2026, 3, 30)
    )
    assert rules.digest_key(3, date(2026, 3, 30)) != rules.digest_key(3, date(2026, 3, 31))


@pytest.mark.parametrize(
    ("deadline", "today", "alerted"),
    [
        (date(2026, 3, 30), date(2026, 3, 30), False),  # the deadline day itself: on time
        (date(2026, 3, 30), date(2026, 3, 31), True),  # the day after: passed
        (date(2026, 3, 30), date(2026, 4, 6), True),  # a week later (scheduler was down)
        (date(2026, 3, 30), date(2026, 4, 7), False),  # older: only in the officer's digest
    ],
)
def test_r7_1_admin_alert_for_a_term_that_passed_recently(deadline, today, alerted):
    first, last = rules.passed_alert_window(today)
    assert (first <= deadline <= last) is alerted
