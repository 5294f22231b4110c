"""A seeded, random data set of anonymous statistics rows for the report's tests, kept
beside the rows as plain Python values so the tests can count independently."""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from klachtenregeling.complaints.constants import Channel, Concern, ExtensionReason, Satisfaction
from klachtenregeling.handling.constants import RulingOutcome
from klachtenregeling.organisations.models import Cause, Subject
from klachtenregeling.reports import statistics
from klachtenregeling.reports.constants import Outcome
from klachtenregeling.reports.models import ENDED_TERM_OUTCOMES


@dataclass
class Row:
    received_on: date
    ended_on: date
    channel: str
    outcome: str
    ruling_outcome: str
    term_outcome: str
    satisfaction: str
    subjects: list = field(default_factory=list)
    concerns: list = field(default_factory=list)
    extension_reasons: list = field(default_factory=list)
    cause: str | None = None

    @property
    def handling_days(self) -> int:
        return (self.ended_on - self.received_on).days


def generate(organisation, *, n=200, seed=83, first=date(2026, 2, 1), last=date(2026, 11, 30)):
    """`n` rows received between `first` and `last`, ended up to 120 days later (never
    after `last`). Subject and cause names include ones that look like formulas."""
    rng = random.Random(seed)
    subjects = [
        Subject.objects.get_or_create(organisation=organisation, name=name)[0]
        for name in ("Facturatie", "Planning", '=HYPERLINK("x")', "Trainer")
    ]
    causes = [
        Cause.objects.get_or_create(organisation=organisation, name=name)[0]
        for name in ("Communicatie", "+Planning fout", "Werkdruk")
    ]
    rows = []
    span = (last - first).days
    for _ in range(n):
        received = first + timedelta(days=rng.randrange(span))
        ended = min(received + timedelta(days=rng.randrange(0, 121)), last)
        outcome = rng.choice(Outcome.values)
        row = Row(
            received_on=received,
            ended_on=ended,
            channel=rng.choice(Channel.values),
            outcome=outcome,
            ruling_outcome=(
                rng.choice([*RulingOutcome.values, ""]) if outcome == Outcome.REFERRED else ""
            ),
            term_outcome=rng.choice([t.value for t in ENDED_TERM_OUTCOMES]),
            satisfaction=rng.choice(Satisfaction.values),
            subjects=rng.sample(subjects, rng.randrange(0, 3)),
            concerns=rng.sample(Concern.values, rng.randrange(1, 3)),
            extension_reasons=[
                rng.choice(ExtensionReason.values) for _ in range(rng.choice([0, 0, 1, 2]))
            ],
            cause=rng.choice([None, *causes]),
        )
        statistics.record_imported(
            organisation=organisation,
            received_on=row.received_on,
            ended_on=row.ended_on,
            channel=row.channel,
            outcome=row.outcome,
            ruling_outcome=row.ruling_outcome,
            term_outcome=row.term_outcome,
            satisfaction=row.satisfaction,
            subjects=row.subjects,
            concerns=row.concerns,
            extension_reasons=row.extension_reasons,
            cause=row.cause,
        )
        row.subjects = [s.name for s in row.subjects]
        row.cause = row.cause.name if row.cause else None
        rows.append(row)
    return rows
