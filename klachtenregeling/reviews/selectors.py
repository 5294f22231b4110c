"""Reads of the yearly review (R-8.4), scoped by the policy."""

from datetime import date

from django.db.models import Max, Min, Q, QuerySet

from klachtenregeling.accounts import policies
from klachtenregeling.accounts.models import User
from klachtenregeling.core.errors import NotPermitted
from klachtenregeling.improvements.models import Recommendation
from klachtenregeling.reports.models import ComplaintStatistic, Report

from . import rules
from .models import Review


def attendees_for(organisation) -> QuerySet[User]:
    """Who can be named as present: active staff (and officers) of the organisation."""
    return User.objects.filter(
        Q(is_employee=True) | Q(is_officer=True), organisation=organisation, is_active=True
    )


def reports_for(organisation) -> QuerySet[Report]:
    """Finalised reports, the latest period and version first."""
    return Report.objects.filter(organisation=organisation).order_by(
        "-period_end", "-version", "-pk"
    )


def recommendations_for(organisation) -> QuerySet[Recommendation]:
    return Recommendation.objects.filter(organisation=organisation).order_by("-created_at", "pk")


def reviews_for(user) -> QuerySet[Review]:
    """The reviews the user may read: all of the organisation for the officers and the
    administrator, those submitted to the board for a board member."""
    if user.organisation_id is None:
        return Review.objects.none()
    reviews = Review.objects.filter(organisation_id=user.organisation_id)
    if not (user.is_officer or user.is_org_admin):
        if not user.is_board:
            return Review.objects.none()
        reviews = reviews.filter(submitted_to_board=True)
    return reviews.select_related("board_decision").prefetch_related("reports")


def review_for(user, review_id: int) -> Review:
    review = (
        Review.objects.select_related("organisation", "recorded_by").filter(pk=review_id).first()
    )
    if review is None or not policies.can(user, policies.REVIEW_VIEW, review):
        raise NotPermitted("no such review")
    return review


def review_due(organisation, *, today: date):
    """R-8.4: whether the yearly review is to be reminded of / overdue (rules.review_due)."""
    last = Review.objects.filter(organisation=organisation).aggregate(m=Max("held_on"))["m"]
    first_ended = None
    if last is None:
        first_ended = ComplaintStatistic.objects.filter(organisation=organisation).aggregate(
            m=Min("ended_on")
        )["m"]
    return rules.review_due(last_review_on=last, first_ended_on=first_ended, today=today)
