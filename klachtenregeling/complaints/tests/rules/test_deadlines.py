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


# ---- what the officer reads when an extension is refused -----------------------------

TERM_ENDED = (
    "The term ended on 30 March 2026: article 5 asks to extend it before it ends. "
    "The complaint counts as late; give the judgment as soon as you can."
)
EXTENSION_MESSAGES = [
    # current deadline, new deadline, today, reason -> {field: [message]}
    (
        date(2026, 3, 30),
        date(2026, 4, 13),
        date(2026, 3, 31),
        REASON,
        {"new_deadline": [TERM_ENDED]},
    ),
    (
        date(2026, 3, 30),
        None,
        date(2026, 3, 20),
        REASON,
        {"new_deadline": ["Choose the new date for the judgment."]},
    ),
    (
        date(2026, 3, 30),
        date(2026, 3, 31),
        date(2026, 4, 1),
        REASON,
        {"new_deadline": [TERM_ENDED]},  # the ended term is named before the date in the past
    ),
    (
        date(2026, 4, 30),
        date(2026, 4, 5),
        date(2026, 4, 10),
        REASON,
        {"new_deadline": ["The new date cannot be in the past."]},
    ),
    (
        # A new date of today is not in the past; it is refused as not after the deadline.
        date(2026, 3, 30),
        date(2026, 3, 20),
        date(2026, 3, 20),
        REASON,
        {"new_deadline": ["The new date must be after the current deadline (30 March 2026)."]},
    ),
    (
        date(2026, 3, 30),
        date(2026, 6, 30),
        date(2026, 3, 20),
        REASON,
        {"new_deadline": ["Extend by at most 91 days at a time."]},
    ),
    (
        date(2026, 3, 30),
        date(2026, 4, 13),
        date(2026, 3, 20),
        "te druk",
        {"reason": ["Give the reasons for the extension (at least 10 characters)."]},
    ),
    (
        date(2026, 3, 30),
        date(2026, 4, 13),
        date(2026, 3, 20),
        "x" * 2001,
        {"reason": ["Use at most 2000 characters."]},
    ),
    (
        date(2026, 3, 30),
        date(2026, 4, 13),
        date(2026, 3, 20),
        "reden met \x00 nul",
        {"reason": ["Use at most 2000 characters."]},
    ),
    (
        date(2026, 3, 30),
        None,
        date(2026, 3, 20),
        "",
        {
            "reason": ["Give the reasons for the extension (at least 10 characters)."],
            "new_deadline": ["Choose the new date for the judgment."],
        },
    ),
]


@pytest.mark.parametrize(("current", "new", "today", "reason", "expected"), EXTENSION_MESSAGES)
def test_r5_5_a_refused_extension_says_why(current, new, today, reason, expected):
    from django.utils import translation

    with translation.override("en"):
        errors = validate_extension(
            current_deadline=current, new_deadline=new, reason=reason, today=today
        )
        assert {field: [str(m) for m in messages] for field, messages in errors.items()} == (
            expected
        )


@pytest.mark.parametrize(
    "reason",
    ["x" * 10, "  " + "x" * 10 + "  ", "x" * 2000],  # the shortest and the longest reasons
)
def test_r5_5_extension_reason_at_its_limits_is_accepted(reason):
    errors = validate_extension(
        current_deadline=date(2026, 3, 30),
        new_deadline=date(2026, 4, 13),
        reason=reason,
        today=date(2026, 3, 20),
    )
    assert errors == {}


def test_r5_5_term_must_be_positive_says_so():
    with pytest.raises(ValueError, match=r"^term_days must be positive$"):
        judgment_deadline(datetime(2026, 3, 2, tzinfo=UTC), 0)


ON_THE_DAY = ExtensionFact(ORIGINAL, ORIGINAL, date(2026, 4, 13))  # told on the deadline day
DAY_AFTER = ExtensionFact(date(2026, 3, 31), ORIGINAL, date(2026, 4, 13))  # told a day late


@pytest.mark.parametrize(
    ("extension", "decided", "outcome"),
    [
        (ON_THE_DAY, date(2026, 4, 10), TermOutcome.WITHIN_EXTENDED),  # in time
        (DAY_AFTER, date(2026, 4, 10), TermOutcome.LATE),  # late
    ],
)
def test_r5_5_extension_announced_on_the_deadline_day_is_in_time(extension, decided, outcome):
    assert (
        term_outcome(
            original_deadline=ORIGINAL,
            extensions=[extension],
            decided_on=decided,
            ended=True,
            today=date(2026, 5, 1),
        )
        == outcome
    )


def test_r5_5_extension_announced_on_the_day_of_the_decision_counts():
    """A first extension (in time) runs to 2 April; on 2 April the complainant is told of a
    second one, to 13 April, and the judgment is given that same day: both count, the term
    was kept within the extension."""
    first = ExtensionFact(date(2026, 3, 25), ORIGINAL, date(2026, 4, 2))
    second = ExtensionFact(date(2026, 4, 2), date(2026, 4, 2), date(2026, 4, 13))
    assert (
        term_outcome(
            original_deadline=ORIGINAL,
            extensions=[first, second],
            decided_on=date(2026, 4, 2),
            ended=True,
            today=date(2026, 5, 1),
        )
        == TermOutcome.WITHIN_EXTENDED
    )
