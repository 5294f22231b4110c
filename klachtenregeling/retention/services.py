"""Holds on destruction (R-8.5, R-4.3): set and lifted by hand, or by the referral flow.

A hold by hand is set and lifted by the officer who handles the complaint, or by the
organisation's administrator (who sees no content of it: accounts.policies.HOLD_MANAGE).
The referral flow opens and closes its own hold inside its own steps (handling/services/
endings.py); its case events (referred, ruling recorded) already say so.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.audit import events
from klachtenregeling.audit.constants import ActorRole
from klachtenregeling.complaints.services.state import locked
from klachtenregeling.core import clock
from klachtenregeling.core.errors import DomainError, InvalidInput

from .constants import MAX_REASON_LENGTH, HoldKind
from .models import Hold


def _reason(text: str, field: str) -> str:
    text = (text or "").strip()
    if not text:
        raise InvalidInput({field: [_("Give the reason.")]})
    if len(text) > MAX_REASON_LENGTH or "\x00" in text:
        raise InvalidInput(
            {field: [_("Use at most %(max)d characters.") % {"max": MAX_REASON_LENGTH}]}
        )
    return text


def _role(user, complaint) -> ActorRole:
    return (
        ActorRole.OFFICER
        if user.is_officer and user.pk == complaint.assigned_officer_id
        else (ActorRole.ADMIN)
    )


def hold_set(*, complaint, reason: str, by) -> Hold:
    """A hold by hand, e.g. legal proceedings or a request of the complainant."""
    reason = _reason(reason, "reason")
    with transaction.atomic():
        complaint = locked(complaint)
        policies.require(by, policies.HOLD_MANAGE, complaint)
        hold = Hold.objects.create(
            complaint=complaint, kind=HoldKind.MANUAL, reason=reason, set_by=by, set_at=clock.now()
        )
        events.hold_set(complaint, hold=hold, by=by, role=_role(by, complaint))
    return hold


def hold_lift(*, hold, reason: str, by) -> Hold:
    """Lift a hold by hand; the referral's hold is lifted only by the ruling (R-4.3)."""
    reason = _reason(reason, "lift_reason")
    with transaction.atomic():
        complaint = locked(hold.complaint)
        policies.require(by, policies.HOLD_MANAGE, complaint)
        hold = Hold.objects.select_for_update().get(pk=hold.pk, complaint=complaint)
        if hold.kind != HoldKind.MANUAL:
            raise DomainError(_("This hold ends with the ruling of the disputes body."))
        if hold.lifted_at is not None:
            raise DomainError(_("This hold was already lifted."))
        hold.lifted_by, hold.lifted_at, hold.lift_reason = by, clock.now(), reason
        hold.save(update_fields=["lifted_by", "lifted_at", "lift_reason"])
        events.hold_lifted(complaint, hold=hold, by=by, role=_role(by, complaint))
    return hold


def referral_hold_open(complaint, *, by) -> Hold:
    """R-4.3: inside the referral step's transaction (the complaint is locked)."""
    return Hold.objects.create(
        complaint=complaint,
        kind=HoldKind.REFERRAL,
        reason="",
        set_by=by,
        set_at=clock.now(),
    )


def referral_hold_close(complaint, *, by) -> int:
    """R-4.3: inside the ruling step's transaction; returns how many holds were lifted."""
    return Hold.objects.filter(
        complaint=complaint, kind=HoldKind.REFERRAL, lifted_at__isnull=True
    ).update(lifted_by=by, lifted_at=clock.now())
