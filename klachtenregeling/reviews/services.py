"""The only writers of the yearly review (R-8.4): record it, add a note (a recorded review
is never changed), and the board's decision. One transaction each, under a row lock."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.complaints.constants import FINAL_STATUSES
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.compliance.stored import mark_for_recheck
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput, NotPermitted, TransitionRefused
from klachtenregeling.improvements.models import Recommendation
from klachtenregeling.organisations.models import Organisation
from klachtenregeling.reports.models import Report

from . import selectors
from .models import BoardDecision, Review, ReviewDecision, ReviewNote


def _clean_review(*, organisation, held_on, attendees, reports, recommendations, decisions, by):
    errors: dict[str, list] = {}
    if held_on is None or held_on > clock.today():
        errors["held_on"] = [_("The date of the meeting cannot be in the future.")]
    eligible = set(selectors.attendees_for(organisation).values_list("pk", flat=True))
    attendee_ids = {user.pk for user in attendees}
    if not attendee_ids <= eligible:
        errors["attendees"] = [_("Choose people who work here now.")]
    elif not attendee_ids - {by.pk}:
        errors["attendees"] = [_("Name at least one person present besides yourself.")]
    report_ids = {report.pk for report in reports}
    if not report_ids:
        errors["reports"] = [_("Choose at least one finalised report that was discussed.")]
    elif Report.objects.filter(pk__in=report_ids, organisation=organisation).count() != len(
        report_ids
    ):
        errors["reports"] = [_("Choose reports of your organisation.")]
    recommendation_ids = {r.pk for r in recommendations}
    if Recommendation.objects.filter(
        pk__in=recommendation_ids, organisation=organisation
    ).count() != len(recommendation_ids):
        errors["recommendations"] = [_("Choose recommendations of your organisation.")]
    if errors:
        raise InvalidInput(errors)
    return attendee_ids, report_ids, recommendation_ids, [d.strip() for d in decisions if d.strip()]


def review_record(
    *,
    organisation,
    held_on: date,
    attendees,
    reports,
    recommendations=(),
    decisions=(),
    submitted_to_board: bool,
    by,
) -> Review:
    """An officer records the review meeting: who was there, the reports and recommendations
    discussed, the decisions (one row each) and whether it goes to the board."""
    policies.require(by, policies.REVIEW_RECORD, organisation)
    attendee_ids, report_ids, recommendation_ids, decisions = _clean_review(
        organisation=organisation,
        held_on=held_on,
        attendees=attendees,
        reports=reports,
        recommendations=recommendations,
        decisions=decisions,
        by=by,
    )
    with transaction.atomic():
        # One review at a time per organisation.
        Organisation.objects.select_for_update().filter(pk=organisation.pk).exists()
        review = Review.objects.create(
            organisation=organisation,
            held_on=held_on,
            submitted_to_board=submitted_to_board,
            recorded_by=by,
            recorded_at=clock.now(),
        )
        review.attendees.set(attendee_ids)
        review.reports.set(report_ids)
        review.recommendations.set(recommendation_ids)
        ReviewDecision.objects.bulk_create(
            ReviewDecision(review=review, number=number, text=text)
            for number, text in enumerate(decisions, start=1)
        )
        # becomes due for the ended complaints the review covers.
        mark_for_recheck(
            Complaint.objects.filter(organisation=organisation, status__in=FINAL_STATUSES)
        )
    return review


def review_add_note(*, review: Review, text: str, by) -> ReviewNote:
    """A correction or addition: the recorded review itself is never changed."""
    policies.require(by, policies.REVIEW_RECORD, review.organisation)
    text = (text or "").strip()
    if not text:
        raise InvalidInput({"text": [_("Write the note.")]})
    with transaction.atomic():
        review = Review.objects.select_for_update().get(pk=review.pk)
        return ReviewNote.objects.create(review=review, text=text, by=by, at=clock.now())


def review_board_decide(*, review: Review, decided_on: date, text: str, by) -> BoardDecision:
    """The board records its decision on a review submitted to it, once."""
    policies.require(by, policies.REVIEW_VIEW, review)
    if not by.is_board:
        raise NotPermitted("board members only")
    text = (text or "").strip()
    errors: dict[str, list] = {}
    if decided_on is None or decided_on > clock.today():
        errors["decided_on"] = [_("The date of the decision cannot be in the future.")]
    elif decided_on < review.held_on:
        errors["decided_on"] = [_("The board decides after the review meeting.")]
    if not text:
        errors["text"] = [_("Write the board's decision.")]
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        review = Review.objects.select_for_update().get(pk=review.pk)
        if BoardDecision.objects.filter(review=review).exists():
            raise TransitionRefused(_("The board has already decided on this review."))
        policies.require(by, policies.BOARD_DECIDE, review)
        return BoardDecision.objects.create(
            review=review,
            decided_on=decided_on,
            text=text,
            recorded_by=by,
            recorded_at=clock.now(),
        )
