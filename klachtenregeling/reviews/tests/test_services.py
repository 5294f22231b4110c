"""R-8.4: recording the yearly review, append-only with notes, and the board's decision."""

from datetime import date

import pytest

from klachtenregeling.core.append_only import AppendOnlyError
from klachtenregeling.core.errors import InvalidInput, NotPermitted, TransitionRefused
from klachtenregeling.reports.models import Report
from klachtenregeling.reviews import services
from klachtenregeling.reviews.models import BoardDecision, Review, ReviewNote
from tests.factories import UserFactory


def test_r8_4_record_a_review_with_reports_recommendations_and_decisions(
    record, report, make_recommendations, officer, staff_member
):
    first, _ = make_recommendations("Start op tijd.", "Factureer sneller.")
    review = record(
        recommendations=[first], decisions=["Planning aanpassen.", "", "  Evalueren in juni. "]
    )
    review = Review.objects.get(pk=review.pk)
    assert review.held_on == date(2026, 3, 10) and review.submitted_to_board
    assert set(review.attendees.all()) == {officer, staff_member}
    assert list(review.reports.all()) == [report]
    assert list(review.recommendations.all()) == [first]
    assert [(d.number, d.text) for d in review.decisions.all()] == [
        (1, "Planning aanpassen."),
        (2, "Evalueren in juni."),
    ]


def _try(at, **changes):
    values = {"held_on": date(2026, 3, 10), "submitted_to_board": False}
    values.update(changes)
    with at("2026-03-10 16:00"), pytest.raises(InvalidInput) as refused:
        services.review_record(**values)
    return refused.value.errors


def test_r8_4_a_review_needs_a_past_date_people_and_a_report_of_the_organisation(
    at, org, other_org, officer, staff_member, report, other_officer
):
    base = {
        "organisation": org,
        "attendees": [officer, staff_member],
        "reports": [report],
        "by": officer,
    }
    assert "held_on" in _try(at, **{**base, "held_on": date(2026, 3, 11)})  # tomorrow
    assert "attendees" in _try(at, **{**base, "attendees": [officer]})  # the officer alone
    assert "attendees" in _try(at, **{**base, "attendees": [officer, other_officer]})
    assert "reports" in _try(at, **{**base, "reports": []})
    foreign = Report.objects.create(
        organisation=other_org,
        period_kind="year",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        content={},
        sha256="0" * 64,
        finalised_by=other_officer,
        finalised_at=report.finalised_at,
    )
    assert "reports" in _try(at, **{**base, "reports": [foreign]})
    assert not Review.objects.exists()


def test_r8_4_only_an_officer_records_a_review(
    at, org, staff_member, board_member, report, officer
):
    for person in (staff_member, board_member):
        with at("2026-03-10 16:00"), pytest.raises(NotPermitted):
            services.review_record(
                organisation=org,
                held_on=date(2026, 3, 10),
                attendees=[officer, staff_member],
                reports=[report],
                submitted_to_board=False,
                by=person,
            )


def test_r8_4_a_recorded_review_is_append_only_a_correction_is_a_note(at, record, officer):
    review = record()
    review.submitted_to_board = False
    with pytest.raises(AppendOnlyError):
        review.save()
    with pytest.raises(AppendOnlyError):
        review.decisions.first().delete()
    with at("2026-03-12 10:00"):
        services.review_add_note(review=review, text="Ook Lotte was aanwezig.", by=officer)
    [note] = ReviewNote.objects.filter(review=review)
    assert (note.text, note.by) == ("Ook Lotte was aanwezig.", officer)
    assert Review.objects.get(pk=review.pk).submitted_to_board  # unchanged


def test_r8_4_board_records_its_decision_once(at, record, board_member):
    review = record()
    with at("2026-04-01 10:00"):
        services.review_board_decide(
            review=review, decided_on=date(2026, 3, 31), text="Akkoord.", by=board_member
        )
        with pytest.raises(TransitionRefused):
            services.review_board_decide(
                review=review, decided_on=date(2026, 4, 1), text="Toch niet.", by=board_member
            )
    [decision] = BoardDecision.objects.all()
    assert (decision.decided_on, decision.text) == (date(2026, 3, 31), "Akkoord.")


def test_r8_4_board_decides_only_on_reviews_submitted_to_it(at, record, board_member, officer, org):
    review = record(to_board=False)
    outsider_board = UserFactory(board=True, username="bestuur-elders")
    for person, review_ in (
        (board_member, review),
        (officer, record(date(2026, 3, 11))),
        (outsider_board, record(date(2026, 3, 12))),
    ):
        with at("2026-04-01 10:00"), pytest.raises(NotPermitted):
            services.review_board_decide(
                review=review_, decided_on=date(2026, 4, 1), text="Akkoord.", by=person
            )
    assert not BoardDecision.objects.exists()


def test_r8_4_board_decision_not_before_the_meeting(at, record, board_member):
    review = record()
    with at("2026-04-01 10:00"), pytest.raises(InvalidInput) as refused:
        services.review_board_decide(
            review=review, decided_on=date(2026, 3, 9), text="Akkoord.", by=board_member
        )
    assert "decided_on" in refused.value.errors
