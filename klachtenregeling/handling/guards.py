"""Which step of the procedure is possible in which state, written once.

Each guard takes the complaint and raises `TransitionRefused` (with the reason a person
reads) when the step is not possible now; it returns None when it is. The services call
them before they change anything; the dossier panel asks `allowed(guard, complaint)` to
decide which steps it offers. Who may act (the officer handling it, the person complained
about, the complainant's link) is the policy's business (accounts/policies.py); the
rules a step's input must meet (both sides heard, R-5.2) stay in the rules modules.
"""

from collections.abc import Callable

from django.utils import formats
from django.utils.translation import gettext_lazy as _

from klachtenregeling.complaints import workflow
from klachtenregeling.complaints.constants import AWAITING_JUDGMENT, Status
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core import clock
from klachtenregeling.core.errors import TransitionRefused

from .rules import referral as referral_rules

Guard = Callable[[Complaint], None]

ALREADY_INFORMED = _("The person complained about was already informed.")
NO_RESPONDENT = _("This complaint is not about a particular person.")


def allowed(guard: Guard, complaint: Complaint) -> bool:
    """True when `guard` lets the step happen on `complaint` now."""
    try:
        guard(complaint)
    except TransitionRefused:
        return False
    return True


def name_respondent(complaint: Complaint) -> None:
    """The officer names (or corrects) the person complained about, until they are informed."""
    workflow.require_status(complaint.status, workflow.HEARING_ALLOWED | {Status.RECEIVED})
    if complaint.respondent_notified_at is not None:
        raise TransitionRefused(ALREADY_INFORMED)


def notify_respondent(complaint: Complaint) -> None:
    """R-5.2: the person complained about is informed, once."""
    workflow.require_status(complaint.status, workflow.HEARING_ALLOWED)
    if complaint.respondent_id is None:
        raise TransitionRefused(NO_RESPONDENT)
    if complaint.respondent_notified_at is not None:
        raise TransitionRefused(ALREADY_INFORMED)


def hear(complaint: Complaint) -> None:
    """R-5.2: invitations, accounts and reasons a side was not heard."""
    workflow.require_status(complaint.status, workflow.HEARING_ALLOWED)


def add_to_solution(complaint: Complaint) -> None:
    """R-5.3, R-7.2: updates on the case and proposed solutions, before the judgment."""
    workflow.require_status(complaint.status, workflow.SOLUTION_ALLOWED)


def judge(complaint: Complaint) -> None:
    """R-5.6: a judgment, or a revision of it (earlier signatures lapse)."""
    workflow.require_status(complaint.status, workflow.JUDGMENT_ALLOWED)


def sign(complaint: Complaint) -> None:
    """R-5.7: signatures and the complainant's answer on the current judgment."""
    workflow.require_status(complaint.status, workflow.SIGNING_ALLOWED)


def extend_deadline(complaint: Complaint) -> None:
    """R-5.5: the term is extended while the judgment is awaited."""
    workflow.require_status(complaint.status, AWAITING_JUDGMENT)


def refer(complaint: Complaint) -> None:
    """R-4.3: the complainant took the case to the disputes body: after a judgment not
    accepted, a not admissible declaration, or a term that passed without a judgment;
    before that the internal procedure runs."""
    if referral_rules.referral_open(
        status=complaint.status, deadline=complaint.deadline, today=clock.today()
    ):
        return
    if complaint.status in workflow.REFERRAL_GUARDED:
        raise TransitionRefused(
            _(
                "The term for the judgment runs until %(date)s. Until then the complaint "
                "goes to the disputes body only after a judgment."
            )
            % {"date": formats.date_format(complaint.deadline, "j F Y")}
        )
    workflow.require_transition(complaint.status, Status.REFERRED)


def export_case_file(complaint: Complaint) -> None:
    """R-4.3: the case file for the disputes body, once the way there is open."""
    if complaint.status not in workflow.REFERRAL_ALLOWED:
        refer(complaint)


def record_ruling(complaint: Complaint) -> None:
    """R-4.3: the disputes body's ruling closes a referred complaint."""
    workflow.require_status(complaint.status, workflow.RULING_ALLOWED)


def close(complaint: Complaint) -> None:
    """A resolved complaint, or an unresolved one not taken further, is closed."""
    workflow.require_status(complaint.status, workflow.CLOSING_ALLOWED)


def withdraw(complaint: Complaint) -> None:
    """The complainant withdraws (themselves, or recorded by the officer)."""
    workflow.require_transition(complaint.status, Status.WITHDRAWN)


def declare_not_admissible(complaint: Complaint) -> None:
    """Not a complaint under R-1.x."""
    workflow.require_transition(complaint.status, Status.NOT_ADMISSIBLE)
