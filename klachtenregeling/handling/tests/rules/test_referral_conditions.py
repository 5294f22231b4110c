"""R-4.3: when De Geschillencommissie takes a case (written, four weeks, within a year)."""

from datetime import date

import pytest
from django.utils import translation

from klachtenregeling.handling.rules.referral import all_hold, conditions


def holds(**kwargs) -> dict[str, bool]:
    return {c.key: c.holds for c in conditions(**kwargs)}


@pytest.mark.parametrize(
    ("received_on", "responded", "today", "expected"),
    [
        # received, company responded?, today -> written / responded / within_year
        (date(2026, 3, 2), False, date(2026, 3, 30), (True, True, True)),  # exactly 4 weeks
        (date(2026, 3, 2), False, date(2026, 3, 29), (True, False, True)),  # a day short
        (date(2026, 3, 2), True, date(2026, 3, 3), (True, True, True)),  # responded early
        (date(2026, 3, 2), False, date(2027, 3, 2), (True, True, True)),  # day 365: last day
        (date(2026, 3, 2), False, date(2027, 3, 3), (True, True, False)),  # day 366: too late
        (date(2028, 2, 29), False, date(2029, 2, 28), (True, True, True)),  # leap day + 365
        (date(2028, 2, 29), False, date(2029, 3, 1), (True, True, False)),
        (date(2028, 2, 1), False, date(2028, 2, 29), (True, True, True)),  # 4 weeks = leap day
        (date(2028, 2, 1), False, date(2028, 2, 28), (True, False, True)),
        (date(2027, 3, 1), False, date(2028, 2, 29), (True, True, True)),  # 365 days over a leap
        (date(2027, 3, 1), False, date(2028, 3, 1), (True, True, False)),  # day 366
        (date(2026, 12, 31), False, date(2027, 1, 28), (True, True, True)),  # over the year end
    ],
)
def test_r4_3_referral_conditions(received_on, responded, today, expected):
    result = holds(received_on=received_on, written=True, responded=responded, today=today)
    assert (result["written"], result["responded"], result["within_year"]) == expected
    assert all_hold(
        conditions(received_on=received_on, written=True, responded=responded, today=today)
    ) is all(expected)


def test_r4_3_a_complaint_not_made_in_writing_does_not_qualify():
    items = conditions(
        received_on=date(2026, 3, 2), written=False, responded=True, today=date(2026, 4, 1)
    )
    assert [c.key for c in items] == ["written", "responded", "within_year"]
    assert [c.holds for c in items] == [False, True, True]
    assert not all_hold(items)


@pytest.mark.parametrize(
    ("received_on", "last_day"),
    [
        (date(2026, 3, 2), "2 March 2027"),
        (date(2028, 2, 29), "28 February 2029"),  # a leap day plus 365 days
        (date(2027, 3, 1), "29 February 2028"),  # 365 days that contain a leap day
    ],
)
def test_r4_3_condition_text_names_the_last_day(received_on, last_day):
    with translation.override("en"):
        within_year = conditions(
            received_on=received_on, written=True, responded=True, today=received_on
        )[2]
        assert last_day in str(within_year.text)


def test_r4_3_all_hold_of_nothing_is_true():
    assert all_hold([])


def test_r4_3_the_conditions_read_as_the_regulation_states_them():
    with translation.override("en"):
        items = conditions(
            received_on=date(2026, 3, 2), written=True, responded=False, today=date(2026, 3, 3)
        )
        assert [(c.key, c.holds, str(c.text)) for c in items] == [
            ("written", True, "The complaint was first made to the company in writing."),
            ("responded", False, "The company responded, or had four weeks to respond."),
            (
                "within_year",
                True,
                "Submitted within twelve months after the complaint was made (until 2 March 2027).",
            ),
        ]
