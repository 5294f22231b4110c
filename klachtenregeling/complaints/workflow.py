"""The complaint's states and the steps between them: a table, reviewed like the regulation.

received ─▶ in handling ─▶ hearing both sides (R-5.2) ─▶ judgment sent (R-5.6)
judgment sent ─▶ resolved (three signatures, R-5.7) ─▶ closed
judgment sent ─▶ closed ("no answer": reminded, then a second period without answer)
judgment sent ─▶ not resolved ─▶ with the disputes body (R-4.3) ─▶ closed (ruling)
Before a judgment the complainant may withdraw; a message that is not a
complaint under R-1.x is declared not admissible, with reasons in writing.
Without a judgment (R-4.3: "the company responded, or had four weeks"): a complaint
whose (extended) term passed without a judgment, or one declared not admissible, can
go to the disputes body too.

Guards beyond the table (both sides heard, signatures on the current text)
live in the rules modules and are checked by the services.
"""

from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.errors import TransitionRefused

from .constants import AWAITING_JUDGMENT, FINAL_STATUSES, Status

TRANSITIONS: dict[str, frozenset[str]] = {
    # → referred: only once the term passed without a judgment (guard: REFERRAL_GUARDED).
    Status.RECEIVED: frozenset(
        {Status.IN_HANDLING, Status.WITHDRAWN, Status.NOT_ADMISSIBLE, Status.REFERRED}
    ),
    Status.IN_HANDLING: frozenset(
        {Status.HEARING, Status.WITHDRAWN, Status.NOT_ADMISSIBLE, Status.REFERRED}
    ),
    Status.HEARING: frozenset(
        {Status.JUDGED, Status.WITHDRAWN, Status.NOT_ADMISSIBLE, Status.REFERRED}
    ),
    # → closed: no answer after the reminder and a second period (guard: handling/rules/
    # answers.py::no_answer_close_from).
    Status.JUDGED: frozenset({Status.RESOLVED, Status.UNRESOLVED, Status.WITHDRAWN, Status.CLOSED}),
    Status.RESOLVED: frozenset({Status.CLOSED}),
    Status.UNRESOLVED: frozenset({Status.REFERRED, Status.CLOSED}),
    Status.REFERRED: frozenset({Status.CLOSED}),
    Status.CLOSED: frozenset(),
    Status.WITHDRAWN: frozenset(),
    Status.NOT_ADMISSIBLE: frozenset({Status.REFERRED}),  # reopened for the ruling
}

# Steps that keep the status but need it to be one of these.
JUDGMENT_ALLOWED = frozenset({Status.HEARING, Status.JUDGED})  # a revision voids signatures
HEARING_ALLOWED = frozenset({Status.IN_HANDLING, Status.HEARING})
SOLUTION_ALLOWED = frozenset({Status.IN_HANDLING, Status.HEARING})
SIGNING_ALLOWED = frozenset({Status.JUDGED})
# The case file: not resolved, referred, not admissible — and awaiting a judgment
# once the term passed (guard: handling/rules/referral.py::referral_open).
REFERRAL_ALLOWED = frozenset({Status.UNRESOLVED, Status.REFERRED, Status.NOT_ADMISSIBLE})
# A referral from these needs the (extended) term to have passed without a judgment.
REFERRAL_GUARDED = AWAITING_JUDGMENT
# complaint_close ends a resolved or unresolved complaint; a referred one is closed
# by recording the ruling of the disputes body (which also lifts the legal hold).
CLOSING_ALLOWED = frozenset({Status.RESOLVED, Status.UNRESOLVED})
RULING_ALLOWED = frozenset({Status.REFERRED})


def can_transition(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


def require_transition(current: str, target: str) -> None:
    if not can_transition(current, target):
        raise TransitionRefused(
            _("A complaint with status “%(current)s” cannot go to status “%(target)s”.")
            % {"current": Status(current).label, "target": Status(target).label}
        )


def require_status(current: str, allowed: frozenset[str]) -> None:
    """For steps that keep the status (a statement, a proposal, a signature)."""
    if current not in allowed:
        raise TransitionRefused(
            _("This step is not possible while the complaint has status “%(current)s”.")
            % {"current": Status(current).label}
        )


def mermaid() -> str:
    """The table as a Mermaid state diagram, for the README (generated, not drawn)."""
    lines = ["stateDiagram-v2", "    [*] --> received"]
    for source, targets in TRANSITIONS.items():
        lines += [f"    {source} --> {target}" for target in sorted(targets)]
        if not targets or source in FINAL_STATUSES:  # not admissible ends, unless referred
            lines.append(f"    {source} --> [*]")
    return "\n".join(lines)
