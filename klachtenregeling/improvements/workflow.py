"""A recommendation's states and the steps between them (R-3.5): a table, like the
complaint's (complaints/workflow.py).

open ─▶ in progress ─▶ done
open / in progress ─▶ declined (with a reason)
open / in progress ─▶ superseded (only by a revised judgment, never by hand)
"""

from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.errors import TransitionRefused

from .constants import RecommendationStatus as S

TRANSITIONS: dict[str, frozenset[str]] = {
    S.OPEN: frozenset({S.IN_PROGRESS, S.DONE, S.DECLINED, S.SUPERSEDED}),
    S.IN_PROGRESS: frozenset({S.DONE, S.DECLINED, S.SUPERSEDED}),
    S.DONE: frozenset(),
    S.DECLINED: frozenset(),
    S.SUPERSEDED: frozenset(),
}
# Steps a person may choose; SUPERSEDED is the system's.
CHOSEN_BY_HAND = frozenset({S.IN_PROGRESS, S.DONE, S.DECLINED})
# A declined recommendation says why.
NEEDS_REASON = frozenset({S.DECLINED})


def can_transition(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


def require_transition(current: str, target: str) -> None:
    if not can_transition(current, target):
        raise TransitionRefused(
            _("A recommendation that is “%(current)s” cannot become “%(target)s”.")
            % {"current": S(current).label, "target": S(target).label}
        )
