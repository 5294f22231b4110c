"""Reads about staff users, always within one organisation."""

from django.db.models import QuerySet

from . import policies
from .models import User


def officers_of(organisation) -> QuerySet[User]:
    """Active officers in their configured order: the default officer first (R-1.4)."""
    return User.objects.filter(organisation=organisation, is_officer=True, is_active=True).order_by(
        "date_joined", "pk"
    )


def officers_in_order(organisation) -> list[User]:
    """The active officers, the default officer first (R-1.4), in one query."""
    officers = list(officers_of(organisation))
    officers.sort(key=lambda officer: officer.pk != organisation.default_officer_id)
    return officers


def officer_ids_in_order(organisation) -> list[int]:
    return [officer.pk for officer in officers_in_order(organisation)]


def staff_members_of(organisation) -> QuerySet[User]:
    """People a complaint can be about: active staff of the organisation."""
    return User.objects.filter(organisation=organisation, is_employee=True, is_active=True)


def admins_of(organisation) -> QuerySet[User]:
    return User.objects.filter(organisation=organisation, is_org_admin=True, is_active=True)


def board_of(organisation) -> QuerySet[User]:
    return User.objects.filter(organisation=organisation, is_board=True, is_active=True)


def officers_who_may_take(complaint, officers=None) -> list[User]:
    """Officers to whom the complaint may go (R-5.4), other than its current officer.

    Pass `officers` (the organisation's, already loaded) when asking for many complaints.
    """
    candidates = officers if officers is not None else officers_of(complaint.organisation)
    return [
        o
        for o in candidates
        if o.pk != complaint.assigned_officer_id and policies.can_be_assigned(o, complaint)
    ]
