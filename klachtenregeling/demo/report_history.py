"""A year and a half of anonymous history for the demo's reports page (R-8.3).

The demo's own complaints are a handful of recent ones; a periodic report needs more.
These are statistics rows of complaints that no longer exist here — as after an earlier
yearly review destroyed them (R-8.5) — made with reports.statistics.record_imported:
no complaint, no names, only the counted facts. Seeded, so every demo looks the same.
"""

import random
from datetime import timedelta

from klachtenregeling.complaints.constants import Channel, Concern, ExtensionReason, Satisfaction
from klachtenregeling.complaints.rules.deadlines import TermOutcome
from klachtenregeling.core import clock
from klachtenregeling.handling.constants import RulingOutcome
from klachtenregeling.organisations.models import Cause, Subject
from klachtenregeling.reports import statistics
from klachtenregeling.reports.constants import Outcome
from klachtenregeling.reports.models import ComplaintStatistic

DAYS = 548  # about a year and a half before today
_WEIGHTS = {
    "channel": ([Channel.WEB, Channel.EMAIL, Channel.LETTER, Channel.API], [60, 30, 5, 5]),
    "outcome": (
        Outcome.values,
        [20, 25, 30, 10, 7, 8],  # well-founded ... referred
    ),
    "satisfaction": (Satisfaction.values, [40, 25, 15, 20]),
}


def _pick(rng, name):
    values, weights = _WEIGHTS[name]
    return rng.choices(values, weights=weights)[0]


def add_report_history(organisation, *, seed: int = 2026) -> int:
    """Add the history once (it is skipped when the organisation has imported rows)."""
    if ComplaintStatistic.objects.filter(organisation=organisation, complaint=None).exists():
        return 0
    rng = random.Random(seed)  # noqa: S311  # nosec B311 - demo data, not secrets
    subjects = list(Subject.objects.filter(organisation=organisation))
    # The organisation's own lists (demo_seed fills them first); no cause when it has none.
    causes = list(Cause.objects.filter(organisation=organisation, is_active=True)) or [None]
    today = clock.today()
    count = 0
    for day in range(DAYS, 14, -1):
        # About three complaints a week, a few more in the autumn.
        received = today - timedelta(days=day)
        if rng.random() > (0.55 if received.month in (9, 10, 11) else 0.4):
            continue
        extensions = rng.choices([0, 1, 2], weights=[70, 25, 5])[0]
        handling = max(1, int(rng.gauss(24 + 18 * extensions, 9)))
        ended = min(received + timedelta(days=handling), today - timedelta(days=1))
        outcome = _pick(rng, "outcome")
        term = _term(rng, outcome, extensions)
        statistics.record_imported(
            organisation=organisation,
            received_on=received,
            ended_on=ended,
            channel=_pick(rng, "channel"),
            outcome=outcome,
            ruling_outcome=rng.choice(RulingOutcome.values) if outcome == Outcome.REFERRED else "",
            term_outcome=term,
            satisfaction=_pick(rng, "satisfaction"),
            subjects=rng.sample(subjects, min(len(subjects), rng.choice([1, 1, 1, 2]))),
            concerns=rng.sample(Concern.values, rng.choice([1, 1, 2])),
            extension_reasons=rng.choices(ExtensionReason.values, k=extensions),
            cause=rng.choice([None, *causes, causes[0]]),
        )
        count += 1
    return count


def _term(rng, outcome: str, extensions: int) -> str:
    if outcome == Outcome.WITHDRAWN:
        return TermOutcome.NO_DECISION
    if rng.random() < 0.08:
        return TermOutcome.LATE
    return TermOutcome.WITHIN_EXTENDED if extensions else TermOutcome.WITHIN_ORIGINAL
