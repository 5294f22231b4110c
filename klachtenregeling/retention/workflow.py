"""A destruction list's states and the steps between them (R-8.5): a table, like the
complaint's (complaints/workflow.py).

draft ─▶ confirmed (two people; the cooling-off period runs) ─▶ destroying ─▶ destroyed
draft / confirmed ─▶ cancelled (with a reason)

Once destruction started, nothing goes back: cancelling is refused.
"""

from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.errors import TransitionRefused

from .constants import ListStatus as S

TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.CONFIRMED, S.CANCELLED}),
    S.CONFIRMED: frozenset({S.DESTROYING, S.CANCELLED}),
    S.DESTROYING: frozenset({S.DESTROYED}),
    S.DESTROYED: frozenset(),
    S.CANCELLED: frozenset(),
}
# States in which the list's complaints are spoken for (not proposed on another list).
ACTIVE = frozenset({S.DRAFT, S.CONFIRMED, S.DESTROYING})


def can_transition(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


def require_transition(current: str, target: str) -> None:
    if can_transition(current, target):
        return
    if target == S.CANCELLED and current in (S.DESTROYING, S.DESTROYED):
        raise TransitionRefused(_("Destruction has started: the list can no longer be cancelled."))
    raise TransitionRefused(
        _("A destruction list that is “%(current)s” cannot become “%(target)s”.")
        % {"current": S(current).label, "target": S(target).label}
    )
