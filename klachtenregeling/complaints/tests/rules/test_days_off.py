"""R-5.5: a term that ends on a day off ends on the next working day (setting, default on)."""

from datetime import UTC, date, datetime, timedelta

import pytest
from dateutil.easter import easter

from klachtenregeling.complaints.rules.days_off import (
    NO_MOVE,
    DaysOffRule,
    is_day_off,
    parse_extra_days,
    public_holidays,
    term_end,
)
from klachtenregeling.complaints.rules.deadlines import judgment_deadline

ON = DaysOffRule()

TERM_ENDS = [
    # the day a term would end, the day it ends
    (date(2026, 1, 1), date(2026, 1, 2)),  # New Year's Day, Thursday -> Friday
    (date(2027, 1, 1), date(2027, 1, 4)),  # New Year's Day, Friday -> Monday
    (date(2028, 1, 1), date(2028, 1, 3)),  # New Year's Day on a Saturday -> Monday
    (date(2026, 4, 3), date(2026, 4, 3)),  # Good Friday: a working day for a term
    (date(2026, 4, 6), date(2026, 4, 7)),  # Easter Monday -> Tuesday
    (date(2027, 3, 28), date(2027, 3, 30)),  # Easter Sunday -> past Easter Monday to Tuesday
    (date(2028, 4, 17), date(2028, 4, 18)),  # Easter Monday 2028
    (date(2026, 5, 14), date(2026, 5, 15)),  # Ascension Day, Thursday -> Friday
    (date(2026, 5, 25), date(2026, 5, 26)),  # Whit Monday -> Tuesday
    (date(2027, 5, 17), date(2027, 5, 18)),  # Whit Monday 2027
    (date(2029, 5, 19), date(2029, 5, 22)),  # Saturday before Whitsun -> past Whit Monday
    (date(2026, 4, 27), date(2026, 4, 28)),  # King's Day on a Monday -> Tuesday
    (date(2025, 4, 26), date(2025, 4, 28)),  # King's Day held on the 26th (27th a Sunday)
    (date(2025, 4, 25), date(2025, 4, 25)),  # the Friday before it is a working day
    (date(2025, 5, 5), date(2025, 5, 6)),  # Liberation Day 2025 (lustrum), Monday -> Tuesday
    (date(2026, 5, 5), date(2026, 5, 5)),  # Liberation Day 2026: not a day off for a term
    (date(2027, 5, 5), date(2027, 5, 5)),  # nor in 2027
    (date(2030, 5, 3), date(2030, 5, 3)),  # Friday before the lustrum 5 May (a Sunday) 2030
    (date(2030, 5, 4), date(2030, 5, 6)),  # Saturday -> Monday
    (date(2026, 12, 25), date(2026, 12, 28)),  # Christmas Friday, Boxing Day Saturday -> Monday
    (date(2027, 12, 24), date(2027, 12, 24)),  # Christmas Eve is a working day
    (date(2026, 3, 7), date(2026, 3, 9)),  # an ordinary Saturday -> Monday
    (date(2026, 3, 8), date(2026, 3, 9)),  # an ordinary Sunday -> Monday
    (date(2026, 3, 10), date(2026, 3, 10)),  # an ordinary Tuesday stays
]


@pytest.mark.parametrize(("day", "expected"), TERM_ENDS)
def test_r5_5_term_ending_on_a_day_off_ends_on_the_next_working_day(day, expected):
    assert term_end(day, ON) == expected


@pytest.mark.parametrize(("day", "_expected"), TERM_ENDS)
def test_r5_5_setting_off_keeps_the_day_the_term_ends(day, _expected):
    assert term_end(day, NO_MOVE) == day


@pytest.mark.parametrize(
    ("year", "kings_day"),
    [(2025, date(2025, 4, 26)), (2026, date(2026, 4, 27)), (2031, date(2031, 4, 26))],
)
def test_r5_5_kings_day_is_the_26th_when_the_27th_is_a_sunday(year, kings_day):
    days = public_holidays(year)
    assert kings_day in days
    assert (date(year, 4, 27) in days) is (kings_day.day == 27)


@pytest.mark.parametrize("year", range(2024, 2036))
def test_r5_5_liberation_day_is_a_day_off_only_every_fifth_year(year):
    assert (date(year, 5, 5) in public_holidays(year)) is (year % 5 == 0)


@pytest.mark.parametrize("year", range(2024, 2036))
def test_r5_5_every_year_has_the_recognised_holidays_and_not_good_friday(year):
    days = public_holidays(year)
    assert {date(year, 1, 1), date(year, 12, 25), date(year, 12, 26)} <= days
    # Easter Monday, Ascension Day and Whit Monday: 1, 39 and 50 days after Easter Sunday.
    sunday = easter(year)
    for offset in (1, 39, 50):
        assert sunday + timedelta(days=offset) in days
    assert sunday - timedelta(days=2) not in days  # Good Friday


def test_r5_5_extra_day_off_by_decree_moves_the_term():
    decree = DaysOffRule(extra=frozenset({date(2026, 12, 24)}))
    assert is_day_off(date(2026, 12, 24), decree.extra)
    assert term_end(date(2026, 12, 24), decree) == date(2026, 12, 28)
    assert term_end(date(2026, 12, 24), ON) == date(2026, 12, 24)


def test_r5_5_judgment_deadline_moves_off_a_holiday():
    # Received Friday 27 November 2026: four weeks later is Christmas Day (Friday).
    received = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
    assert judgment_deadline(received, 28) == date(2026, 12, 25)
    assert judgment_deadline(received, 28, ON) == date(2026, 12, 28)


@pytest.mark.parametrize(
    ("text", "days", "wrong"),
    [
        ("", [], []),
        ("24-12-2026\n2026-12-31\n\n", [date(2026, 12, 24), date(2026, 12, 31)], []),
        ("24/12/2026\n24-12-2026", [date(2026, 12, 24)], []),  # the same day once
        ("31-02-2026", [], ["31-02-2026"]),  # no such day
        ("kerstavond", [], ["kerstavond"]),
        ("24-12-26", [], ["24-12-26"]),  # a two-digit year is ambiguous
    ],
)
def test_r5_5_extra_days_off_are_read_one_date_a_line(text, days, wrong):
    assert parse_extra_days(text) == (days, wrong)
