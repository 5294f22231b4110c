"""Art. 5.5 — the term for a judgment, its extension, and whether it was kept (R-5.5, R-7.1)."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.clock import local_date

from ..constants import MAX_SHORT_TEXT_LENGTH
from .days_off import NO_MOVE, DaysOffRule, term_end

# One extension moves the deadline by at most this much; a longer delay needs a new extension
# (and so a new letter with reasons to the complainant).
MAX_EXTENSION_DAYS = 91
MIN_REASON_LENGTH = 10


def judgment_deadline(
    received_at: datetime, term_days: int, days_off: DaysOffRule = NO_MOVE
) -> date:
    """R-5.5: the officer judges within `term_days` (default 28) after receipt.

    The term runs from the Amsterdam calendar date on which the complaint was
    received, whatever the hour; the deadline is that date plus the term — moved to the
    next working day when it falls on a day off and the setting says so (days_off.py).
    """
    if term_days < 1:
        raise ValueError("term_days must be positive")
    return term_end(local_date(received_at) + timedelta(days=term_days), days_off)


def days_left(deadline: date, today: date) -> int:
    """Calendar days until the deadline: 0 on the day itself, negative when overdue."""
    return (deadline - today).days


def is_overdue(deadline: date, today: date) -> bool:
    """A complaint is overdue the day after its deadline (R-7.1)."""
    return today > deadline


def validate_extension(
    *, current_deadline: date, new_deadline: date | None, reason: str, today: date
) -> dict[str, list]:
    """R-5.5: an extension states its reasons and a new date later than the current
    deadline and not in the past, and it is made while the term runs — on the deadline
    day at the latest: the complainant must hear of it before the term ends, so an
    extension after that is refused and the complaint stays late. Returns the errors
    per field (empty: allowed)."""
    errors: dict[str, list] = {}
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON_LENGTH:
        errors["reason"] = [
            _("Give the reasons for the extension (at least %(n)d characters).")
            % {"n": MIN_REASON_LENGTH}
        ]
    elif len(reason) > MAX_SHORT_TEXT_LENGTH or "\x00" in reason:
        errors["reason"] = [_("Use at most %(max)d characters.") % {"max": MAX_SHORT_TEXT_LENGTH}]
    if is_overdue(current_deadline, today):
        errors["new_deadline"] = [
            _(
                "The term ended on %(date)s: article 5 asks to extend it before it ends. "
                "The complaint counts as late; give the judgment as soon as you can."
            )
            % {"date": date_format(current_deadline, "j F Y")}
        ]
    elif new_deadline is None:
        errors["new_deadline"] = [_("Choose the new date for the judgment.")]
    elif new_deadline < today:
        errors["new_deadline"] = [_("The new date cannot be in the past.")]
    elif new_deadline <= current_deadline:
        errors["new_deadline"] = [
            _("The new date must be after the current deadline (%(date)s).")
            % {"date": date_format(current_deadline, "j F Y")}
        ]
    elif (new_deadline - max(current_deadline, today)).days > MAX_EXTENSION_DAYS:
        errors["new_deadline"] = [
            _("Extend by at most %(n)d days at a time.") % {"n": MAX_EXTENSION_DAYS}
        ]
    return errors


class TermOutcome(models.TextChoices):
    """How the term of R-5.5 went, as the reports count it."""

    WITHIN_ORIGINAL = "within_original", _("decided within the original term")
    WITHIN_EXTENDED = "within_extended", _("decided within an extended term")
    LATE = "late", _("decided late")
    RUNNING = "running", _("not yet decided, term running")
    OVERDUE = "overdue", _("not yet decided, term passed")
    NO_DECISION = "no_decision", _("ended without a decision (withdrawn)")


@dataclass(frozen=True)
class ExtensionFact:
    """One extension as the dossier keeps it: when it was announced, from which date to which."""

    announced_on: date
    previous_deadline: date
    new_deadline: date


def term_outcome(
    *,
    original_deadline: date,
    extensions: list[ExtensionFact],
    decided_on: date | None,
    ended: bool,
    today: date,
) -> TermOutcome:
    """R-5.5: was the judgment (or the decision that the complaint is not admissible) given
    within the original term, within a term extended in time, or late?

    An extension counts only when the complainant was told before the deadline it
    replaces had passed; one announced after that makes the handling late.
    """
    ordered = sorted(extensions, key=lambda e: (e.announced_on, e.new_deadline))
    deadline = original_deadline
    extended_in_time = True
    for extension in ordered:
        if decided_on is not None and extension.announced_on > decided_on:
            break  # announced after the decision: it changed nothing
        if extension.announced_on > extension.previous_deadline:
            extended_in_time = False
        deadline = max(deadline, extension.new_deadline)
    if decided_on is None:
        if ended:
            return TermOutcome.NO_DECISION
        return TermOutcome.OVERDUE if is_overdue(deadline, today) else TermOutcome.RUNNING
    if decided_on <= original_deadline:
        return TermOutcome.WITHIN_ORIGINAL
    if decided_on <= deadline and extended_in_time:
        return TermOutcome.WITHIN_EXTENDED
    return TermOutcome.LATE
