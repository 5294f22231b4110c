"""Rules of a recommendation followed up as an action (R-3.5): pure functions, no database."""

from datetime import date

from .constants import FINISHED


def is_overdue(*, due_date: date | None, status: str, today: date) -> bool:
    """R-3.5: past its due date and not finished (the due date itself is on time)."""
    return due_date is not None and status not in FINISHED and due_date < today


def may_own(user, organisation_id: int) -> bool:
    """An owner is an active staff member (or officer) of the recommendation's organisation."""
    return (
        user is not None
        and user.is_active
        and user.organisation_id == organisation_id
        and (user.is_employee or user.is_officer)
    )


def owner_has_left(owner, organisation_id: int) -> bool:
    """The owner no longer works here (inactive, or moved to another organisation): the
    officers are asked to give the recommendation to someone else."""
    return owner is None or not may_own(owner, organisation_id)
