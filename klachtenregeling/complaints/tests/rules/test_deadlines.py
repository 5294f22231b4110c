from datetime import UTC, date, datetime

import pytest

from klachtenregeling.complaints.rules.deadlines import (
    ExtensionFact,
    TermOutcome,
    days_left,
    is_overdue,
    judgment_deadline,
    term_outcome,
    validate_extension,
)

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


# ---- extension of the term ----------------------------------------------------------

REASON = "Wij wachten op de reactie van de trainer."

EXTENSIONS = [
    # current deadline, new deadline, today, error field (None: allowed)
    (date(2026, 3, 30), date(2026, 4, 13), date(2026, 3, 20), None),  # two more weeks
    (date(2026, 1, 31), date(2026, 2, 28), date(2026, 1, 20), None),  # over a month end
    (date(2028, 2, 1), date(2028, 2, 29), date(2028, 1, 25), None),  # to a leap day
    (date(2028, 2, 29), date(2028, 3, 1), date(2028, 2, 29), None),  # from a leap day, one day
    (date(2026, 3, 28), date(2026, 3, 29), date(2026, 3, 28), None),  # across the DST night
    (date(2026, 12, 31), date(2027, 1, 14), date(2026, 12, 28), None),  # across the year end
    (date(2026, 3, 30), date(2026, 3, 30), date(2026, 3, 20), "new_deadline"),  # not later
    (date(2026, 3, 30), date(2026, 3, 29), date(2026, 3, 20), "new_deadline"),  # earlier
    (date(2026, 3, 30), date(2026, 3, 31), date(2026, 4, 2), "new_deadline"),  # in the past
    (date(2026, 3, 1), date(2026, 3, 10), date(2026, 3, 10), "new_deadline"),  # term ended
    (date(2026, 3, 30), date(2026, 4, 13), date(2026, 3, 30), None),  # on the deadline day
    (date(2026, 3, 30), date(2026, 4, 13), date(2026, 3, 31), "new_deadline"),  # a day late
    (date(2026, 3, 30), date(2026, 6, 29), date(2026, 3, 20), None),  # exactly 91 days more
    (date(2026, 3, 30), date(2026, 6, 30), date(2026, 3, 20), "new_deadline"),  # 92: too long
    (date(2026, 3, 30), date(2026, 6, 29), date(2026, 3, 30), None),  # 91 days, on the day
    (date(2026, 3, 30), None, date(2026, 3, 20), "new_deadline"),  # no date
]


@pytest.mark.parametrize(("current", "new", "today", "field"), EXTENSIONS)
def test_r5_5_extension_needs_a_later_date_not_in_the_past(current, new, today, field):
    errors = validate_extension(
        current_deadline=current, new_deadline=new, reason=REASON, today=today
    )
    assert list(errors) == ([field] if field else [])


@pytest.mark.parametrize("reason", ["", "   ", "te druk", "x" * 2001, "reden\x00met nul"])
def test_r5_5_extension_needs_reasons(reason):
    errors = validate_extension(
        current_deadline=date(2026, 3, 30),
        new_deadline=date(2026, 4, 13),
        reason=reason,
        today=date(2026, 3, 20),
    )
    assert list(errors) == ["reason"]


def test_r5_5_an_extension_after_the_term_ended_is_refused_with_the_date():
    from django.utils import translation

    with translation.override("nl"):
        errors = validate_extension(
            current_deadline=date(2026, 3, 30),
            new_deadline=date(2026, 4, 13),
            reason=REASON,
            today=date(2026, 3, 31),
        )
        message = str(errors["new_deadline"][0])
    assert "30 maart 2026" in message and "artikel 5" in message
    assert "te laat" in message


# ---- was the term kept? (what the reports count) ------------------------------------

ORIGINAL = date(2026, 3, 30)
IN_TIME = ExtensionFact(date(2026, 3, 25), ORIGINAL, date(2026, 4, 13))  # told before the 30th
TOO_LATE = ExtensionFact(date(2026, 4, 2), ORIGINAL, date(2026, 4, 13))  # told after the 30th
SECOND = ExtensionFact(date(2026, 4, 10), date(2026, 4, 13), date(2026, 4, 27))

OUTCOMES = [
    # extensions, decided on, ended, today, outcome
    ([], date(2026, 3, 30), True, date(2026, 5, 1), TermOutcome.WITHIN_ORIGINAL),  # last day
    ([], date(2026, 3, 31), True, date(2026, 5, 1), TermOutcome.LATE),  # one day late
    ([IN_TIME], date(2026, 4, 13), True, date(2026, 5, 1), TermOutcome.WITHIN_EXTENDED),
    ([IN_TIME], date(2026, 3, 28), True, date(2026, 5, 1), TermOutcome.WITHIN_ORIGINAL),
    ([IN_TIME], date(2026, 4, 14), True, date(2026, 5, 1), TermOutcome.LATE),
    ([TOO_LATE], date(2026, 4, 10), True, date(2026, 5, 1), TermOutcome.LATE),  # not in time
    ([IN_TIME, SECOND], date(2026, 4, 20), True, date(2026, 5, 1), TermOutcome.WITHIN_EXTENDED),
    ([SECOND, IN_TIME], date(2026, 4, 20), True, date(2026, 5, 1), TermOutcome.WITHIN_EXTENDED),
    ([], None, False, date(2026, 3, 30), TermOutcome.RUNNING),
    ([], None, False, date(2026, 3, 31), TermOutcome.OVERDUE),
    ([IN_TIME], None, False, date(2026, 4, 1), TermOutcome.RUNNING),
    ([], None, True, date(2026, 5, 1), TermOutcome.NO_DECISION),  # withdrawn
    # An extension announced after the decision changes nothing.
    (
        [ExtensionFact(date(2026, 4, 5), ORIGINAL, date(2026, 4, 20))],
        date(2026, 4, 2),
        True,
        date(2026, 5, 1),
        TermOutcome.LATE,
    ),
]


@pytest.mark.parametrize(("extensions", "decided", "ended", "today", "outcome"), OUTCOMES)
def test_r3_1_r5_5_term_outcome_original_extended_or_late(
    extensions, decided, ended, today, outcome
):
    assert (
        term_outcome(
            original_deadline=ORIGINAL,
            extensions=extensions,
            decided_on=decided,
            ended=ended,
            today=today,
        )
        == outcome
    )
