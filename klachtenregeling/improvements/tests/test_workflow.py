"""R-3.5: the recommendation's state table, every (from, to) pair allowed or refused."""

import itertools

import pytest

from klachtenregeling.core.errors import TransitionRefused
from klachtenregeling.improvements import workflow
from klachtenregeling.improvements.constants import RecommendationStatus as S

ALLOWED = {
    (S.OPEN, S.IN_PROGRESS),
    (S.OPEN, S.DONE),
    (S.OPEN, S.DECLINED),
    (S.OPEN, S.SUPERSEDED),
    (S.IN_PROGRESS, S.DONE),
    (S.IN_PROGRESS, S.DECLINED),
    (S.IN_PROGRESS, S.SUPERSEDED),
}
PAIRS = list(itertools.product(S.values, S.values))


@pytest.mark.parametrize(("current", "target"), PAIRS)
def test_r3_5_every_pair_of_the_table_is_allowed_or_refused(current, target):
    assert workflow.can_transition(current, target) == ((current, target) in ALLOWED)
    if (current, target) in ALLOWED:
        workflow.require_transition(current, target)
    else:
        with pytest.raises(TransitionRefused):
            workflow.require_transition(current, target)


def test_r3_5_superseded_is_never_chosen_by_hand_and_declined_needs_a_reason():
    assert S.SUPERSEDED not in workflow.CHOSEN_BY_HAND
    assert set(workflow.NEEDS_REASON) == {S.DECLINED.value}
