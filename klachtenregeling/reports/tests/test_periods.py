"""R-8.3: the period of a report and the one it is compared with — pure, no database."""

from datetime import date

import pytest

from klachtenregeling.core.spreadsheet import spreadsheet_cell
from klachtenregeling.reports.constants import PeriodKind
from klachtenregeling.reports.periods import (
    Period,
    PeriodError,
    calendar_period,
    last_full_quarter,
    period_make,
    previous_period,
)

TODAY = date(2026, 12, 4)
Q, H, Y, C = PeriodKind.QUARTER, PeriodKind.HALF_YEAR, PeriodKind.YEAR, PeriodKind.CUSTOM


@pytest.mark.parametrize(
    ("kind", "year", "part", "expected"),
    [
        (Q, 2026, 1, (date(2026, 1, 1), date(2026, 3, 31))),
        (Q, 2024, 4, (date(2024, 10, 1), date(2024, 12, 31))),
        (H, 2026, 2, (date(2026, 7, 1), date(2026, 12, 31))),
        (Y, 2024, 1, (date(2024, 1, 1), date(2024, 12, 31))),  # a leap year
    ],
)
def test_r8_3_calendar_periods(kind, year, part, expected):
    assert calendar_period(kind, year, part) == expected


@pytest.mark.parametrize(
    ("kind", "start", "end", "field"),
    [
        (C, date(2026, 5, 1), date(2026, 4, 30), "to"),  # ends before it starts
        (C, date(2020, 1, 1), date(2025, 1, 1), "to"),  # one day longer than five years
        (C, date(2026, 12, 5), date(2026, 12, 31), "from"),  # starts tomorrow: the future
        (Q, date(2027, 1, 1), date(2027, 3, 31), "from"),  # next quarter
    ],
)
def test_r8_3_periods_that_are_refused(kind, start, end, field):
    with pytest.raises(PeriodError) as refused:
        period_make(kind=kind, start=start, end=end, today=TODAY)
    assert refused.value.field == field


@pytest.mark.parametrize(
    ("kind", "year", "part", "field"),
    [
        (Q, 2026, 5, "quarter"),  # no fifth quarter
        (Q, 2026, 0, "quarter"),
        (H, 2026, 3, "half"),
        (Y, 1999, 1, "year"),  # before the first year offered
        (Y, 2101, 1, "year"),
    ],
)
def test_r8_3_calendar_periods_out_of_range(kind, year, part, field):
    with pytest.raises(PeriodError) as refused:
        calendar_period(kind, year, part)
    assert refused.value.field == field


def test_r8_3_five_years_exactly_is_allowed_and_today_is_not_the_future():
    assert period_make(kind=C, start=date(2020, 1, 1), end=date(2024, 12, 31), today=TODAY)
    period = period_make(kind=C, start=TODAY, end=TODAY, today=TODAY)
    assert period.days == 1 and period.shortened_from is None


def test_r8_3_a_period_past_today_is_shortened_to_today():
    period = period_make(kind=Y, start=date(2026, 1, 1), end=date(2026, 12, 31), today=TODAY)
    assert (period.end, period.shortened_from) == (TODAY, date(2026, 12, 31))


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        # Q3 -> Q2
        (Period(Q, date(2026, 7, 1), date(2026, 9, 30)), (date(2026, 4, 1), date(2026, 6, 30))),
        # Q1 -> Q4 of the year before
        (Period(Q, date(2026, 1, 1), date(2026, 3, 31)), (date(2025, 10, 1), date(2025, 12, 31))),
        # second half -> first half
        (Period(H, date(2025, 7, 1), date(2025, 12, 31)), (date(2025, 1, 1), date(2025, 6, 30))),
        # a year -> the year before
        (Period(Y, date(2025, 1, 1), date(2025, 12, 31)), (date(2024, 1, 1), date(2024, 12, 31))),
        # 2026 up to 4 December (shortened) -> 2025 up to 4 December: the same length
        (
            Period(Y, date(2026, 1, 1), TODAY, shortened_from=date(2026, 12, 31)),
            (date(2025, 1, 1), date(2025, 12, 4)),
        ),
        # 10 days of one's choice -> the 10 days before
        (Period(C, date(2026, 3, 11), date(2026, 3, 20)), (date(2026, 3, 1), date(2026, 3, 10))),
    ],
)
def test_r8_3_previous_period_has_the_same_length(period, expected):
    previous = previous_period(period)
    assert (previous.start, previous.end) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 12, 4), (date(2026, 7, 1), date(2026, 9, 30))),  # in Q4: Q3
        (date(2026, 1, 1), (date(2025, 10, 1), date(2025, 12, 31))),  # New Year: last Q4
        (date(2026, 3, 31), (date(2025, 10, 1), date(2025, 12, 31))),  # Q1 not yet ended
    ],
)
def test_r8_3_default_is_the_last_full_quarter(today, expected):
    period = last_full_quarter(today)
    assert (period.start, period.end) == expected


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("Facturatie", "Facturatie"),  # ordinary text
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),  # a formula
        ("+31 20 123", "'+31 20 123"),  # starts with plus
        ("-Planning", "'-Planning"),  # starts with minus
        ("@SUM(A1)", "'@SUM(A1)"),  # starts with at
        ("\tTab", "'\tTab"),  # a tab or carriage return hides a formula in some programs
        ("a=b", "a=b"),  # only the first character counts
        (-3, "-3"),  # a number stays a number: digits and a sign are never a formula
        (12.5, "12.5"),
        (0, "0"),
        (None, ""),  # an empty figure
        ("", ""),
    ],
)
def test_r8_3_csv_cells_are_neutralised_against_formulas(value, cell):
    assert spreadsheet_cell(value) == cell
