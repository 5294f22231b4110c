"""The complaint's states and the steps between them: a table, reviewed like the regulation.

First cut (foundation): received → in handling. The handling workflow extends it.
"""

from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.errors import TransitionRefused

from .constants import Status

TRANSITIONS: dict[str, frozenset[str]] = {
    Status.RECEIVED: frozenset({Status.IN_HANDLING}),
    Status.IN_HANDLING: frozenset(),
}


def can_transition(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


def require_transition(current: str, target: str) -> None:
    if not can_transition(current, target):
        raise TransitionRefused(
            _("A complaint with status “%(current)s” cannot go to status “%(target)s”.")
            % {"current": Status(current).label, "target": Status(target).label}
        )
