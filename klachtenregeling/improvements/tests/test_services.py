"""R-3.5: following a recommendation up through the real services: every (from, to) pair
through recommendation_set_status, a reason to decline, the history, the owner."""

import itertools
from datetime import date

import pytest

from klachtenregeling.core.errors import InvalidInput, NotPermitted, StaleObject, TransitionRefused
from klachtenregeling.improvements import services
from klachtenregeling.improvements.constants import RecommendationStatus as S
from klachtenregeling.improvements.models import Recommendation
from tests.factories import UserFactory

# How to bring a fresh (open) recommendation into each state by hand.
PATHS = {
    S.OPEN: [],
    S.IN_PROGRESS: [S.IN_PROGRESS],
    S.DONE: [S.DONE],
    S.DECLINED: [S.DECLINED],
}
ALLOWED = {
    (S.OPEN, S.IN_PROGRESS),
    (S.OPEN, S.DONE),
    (S.OPEN, S.DECLINED),
    (S.IN_PROGRESS, S.DONE),
    (S.IN_PROGRESS, S.DECLINED),
}


def _set(recommendation, status, by, note="Zie notulen."):
    recommendation.refresh_from_db()
    return services.recommendation_set_status(
        recommendation=recommendation,
        status=status,
        note=note,
        by=by,
        expected_version=recommendation.version,
    )


@pytest.mark.parametrize(("current", "target"), list(itertools.product(PATHS, S.values)))
def test_r3_5_set_status_allows_exactly_the_pairs_of_the_table(
    at, recommendation, officer, current, target
):
    with at("2026-02-01 10:00"):
        for step in PATHS[current]:
            _set(recommendation, step, officer)
        recommendation.refresh_from_db()
        before = (recommendation.status, recommendation.version, recommendation.changes.count())
        if (current, target) in ALLOWED:
            changed = _set(recommendation, target, officer)
            assert changed.status == target
            assert changed.version == before[1] + 1  # raised once
            last = changed.changes.last()
            assert (last.status_from, last.status_to, last.by) == (current, target, officer)
        else:
            with pytest.raises((TransitionRefused, NotPermitted)):
                _set(recommendation, target, officer)
            recommendation.refresh_from_db()
            after = (recommendation.status, recommendation.version, recommendation.changes.count())
            assert after == before  # nothing changed


def test_r3_5_declining_needs_a_reason(at, recommendation, officer):
    with at("2026-02-01 10:00"), pytest.raises(InvalidInput) as refused:
        _set(recommendation, S.DECLINED, officer, note="  ")
    assert "note" in refused.value.errors
    recommendation.refresh_from_db()
    assert recommendation.status == S.OPEN


def test_r3_5_history_rows_record_each_step_with_the_note(
    at, recommendation, officer, staff_member
):
    with at("2026-02-01 10:00"):
        services.recommendation_assign(
            recommendation=recommendation,
            owner=staff_member,
            due_date=date(2026, 3, 1),
            by=officer,
            expected_version=1,
        )
        _set(recommendation, S.IN_PROGRESS, staff_member, note="")
        _set(recommendation, S.DECLINED, staff_member, note="Te duur.")
    steps = [
        (c.status_from, c.status_to, c.owner_id, c.due_date, c.note, c.by_id)
        for c in recommendation.changes.all()
    ]
    assert steps == [
        ("", S.OPEN, officer.pk, date(2026, 4, 5), "", officer.pk),  # made, 90 days
        ("", "", staff_member.pk, date(2026, 3, 1), "", officer.pk),  # assigned
        (S.OPEN, S.IN_PROGRESS, None, None, "", staff_member.pk),
        (S.IN_PROGRESS, S.DECLINED, None, None, "Te duur.", staff_member.pk),
    ]
    recommendation.refresh_from_db()
    assert recommendation.version == 4


def test_r3_5_a_stale_form_is_refused(at, recommendation, officer):
    with at("2026-02-01 10:00"):
        _set(recommendation, S.IN_PROGRESS, officer)
        with pytest.raises(StaleObject):
            services.recommendation_set_status(
                recommendation=recommendation,
                status=S.DONE,
                note="",
                by=officer,
                expected_version=1,
            )


def test_r3_5_only_the_owner_or_an_officer_changes_the_status(
    at, recommendation, staff_member, board_member, other_officer
):
    for outsider in (staff_member, board_member, other_officer):
        with at("2026-02-01 10:00"), pytest.raises(NotPermitted):
            _set(recommendation, S.DONE, outsider)


def test_r3_5_only_an_officer_assigns(at, recommendation, staff_member):
    with at("2026-02-01 10:00"), pytest.raises(NotPermitted):
        services.recommendation_assign(
            recommendation=recommendation,
            owner=staff_member,
            due_date=date(2026, 3, 1),
            by=staff_member,
            expected_version=1,
        )


def test_r3_5_an_owner_who_left_is_refused(at, org, other_org, recommendation, officer):
    gone = UserFactory(organisation=org, username="kees", is_active=False)
    moved = UserFactory(organisation=other_org, username="karin")
    admin_only = UserFactory(organisation=org, admin=True, username="fatima")
    for person in (gone, moved, admin_only):
        with at("2026-02-01 10:00"), pytest.raises(InvalidInput) as refused:
            services.recommendation_assign(
                recommendation=recommendation,
                owner=person,
                due_date=date(2026, 3, 1),
                by=officer,
                expected_version=1,
            )
        assert "owner" in refused.value.errors
    assert Recommendation.objects.get().owner == officer


def test_r3_5_a_due_date_in_the_past_is_refused(at, recommendation, officer, staff_member):
    with at("2026-02-01 10:00"), pytest.raises(InvalidInput) as refused:
        services.recommendation_assign(
            recommendation=recommendation,
            owner=staff_member,
            due_date=date(2026, 1, 31),
            by=officer,
            expected_version=1,
        )
    assert "due_date" in refused.value.errors
