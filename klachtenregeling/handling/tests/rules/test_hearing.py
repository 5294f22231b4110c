"""R-5.2: hoor en wederhoor — which sides must be heard before a judgment (R-5.6)."""

from datetime import UTC, datetime

import pytest

from klachtenregeling.handling.constants import Party
from klachtenregeling.handling.rules.hearing import (
    account_given,
    parties_to_hear,
    sides_not_heard,
)

C, R = Party.COMPLAINANT, Party.RESPONDENT


@pytest.mark.parametrize(
    ("has_respondent", "expected"),
    [
        (True, {C, R}),  # a person complained about: both sides
        (False, {C}),  # about the service in general: only the complainant
    ],
)
def test_r5_2_parties_to_hear(has_respondent, expected):
    assert parties_to_hear(has_respondent=has_respondent) == expected


@pytest.mark.parametrize(
    ("has_respondent", "heard", "waived", "missing"),
    [
        (True, [], [], {C, R}),  # nobody heard yet
        (True, [C], [], {R}),  # only the complainant gave an account
        (True, [R], [], {C}),  # only the respondent gave an account
        (True, [C, R], [], set()),  # both heard
        (True, [C, C, R], [], set()),  # a correction is a second statement of the same side
        (True, [C], [R], set()),  # respondent not heard, with a recorded reason
        (True, [], [C, R], set()),  # both waived
        (True, [], [C], {R}),  # a waiver covers only its own side
        (True, [C], [C], {R}),  # heard and waived for the same side counts once
        (False, [], [], {C}),  # no respondent: the complainant still must be heard
        (False, [C], [], set()),
        (False, [], [C], set()),
        (False, [R], [], {C}),  # a stray respondent statement does not replace the complainant
        (True, iter([C]), iter([R]), set()),  # any iterable (a queryset's values_list)
    ],
)
def test_r5_2_r5_6_sides_not_heard(has_respondent, heard, waived, missing):
    assert sides_not_heard(has_respondent=has_respondent, heard=heard, waived=waived) == missing


def test_r5_6_judgment_allowed_only_when_nothing_missing():
    """The empty set is the only 'may judge' answer; the result is immutable."""
    result = sides_not_heard(has_respondent=True, heard=[C, R], waived=[])
    assert result == frozenset()
    assert isinstance(result, frozenset)


MON, TUE, WED = (datetime(2026, 3, day, 10, tzinfo=UTC) for day in (2, 3, 4))


@pytest.mark.parametrize(
    ("invited", "given", "done"),
    [
        ([], [], False),  # nothing asked, nothing given: the optional prompt stays
        ([MON], [], False),  # asked, not yet given
        ([MON], [TUE], True),  # given after the invitation: the prompt goes
        ([], [TUE], True),  # given without an invitation
        ([MON, WED], [TUE], False),  # invited again after the account: asked anew
    ],
)
def test_r5_2_the_prompt_to_give_an_account_goes_once_it_is_given(invited, given, done):
    assert account_given(invited=invited, given=given) is done
