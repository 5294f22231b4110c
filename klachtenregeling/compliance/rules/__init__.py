"""The regulation held against one complaint, rule by rule (issue 14): pure functions.

Each `check_rX_Y(facts)` answers how rule R-X.Y (docs/regulation.md) stands for one
complaint, computed from its dossier (timeline.Facts) alone: met (with the steps that prove
it), not yet due, at risk (due within `facts.at_risk_days`), breached (what is missing and
since when) or not applicable. Rules that do not concern a single complaint are listed in
the README ("Proving compliance").
"""

from collections.abc import Callable

from ..timeline import Facts, Finding
from .intake import check_r1_1, check_r1_2, check_r2_1, check_r4_2, check_r6_3
from .procedure import (
    check_r5_1,
    check_r5_2,
    check_r5_3,
    check_r5_4,
    check_r5_5,
    check_r5_6,
    check_r5_7,
)
from .reading import TITLES, current_deadline
from .record import check_r6_2, check_r7_3, check_r7_4, check_r8_1
from .retention import check_r8_5

__all__ = [
    "CHECKS",
    "TITLES",
    "check_all",
    "check_r1_1",
    "check_r1_2",
    "check_r2_1",
    "check_r4_2",
    "check_r5_1",
    "check_r5_2",
    "check_r5_3",
    "check_r5_4",
    "check_r5_5",
    "check_r5_6",
    "check_r5_7",
    "check_r6_2",
    "check_r6_3",
    "check_r7_3",
    "check_r7_4",
    "check_r8_1",
    "check_r8_5",
    "current_deadline",
]

CHECKS: tuple[Callable[[Facts], Finding], ...] = (
    check_r1_1,
    check_r1_2,
    check_r2_1,
    check_r4_2,
    check_r5_1,
    check_r5_2,
    check_r5_3,
    check_r5_4,
    check_r5_5,
    check_r5_6,
    check_r5_7,
    check_r6_2,
    check_r6_3,
    check_r7_3,
    check_r7_4,
    check_r8_1,
    check_r8_5,
)


def check_all(facts: Facts) -> list[Finding]:
    """Every rule that concerns a single complaint, in the order of the regulation."""
    return [check(facts) for check in CHECKS]
