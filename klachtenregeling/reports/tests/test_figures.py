"""R-8.3: every figure of the report against numbers counted here, in Python, from the
generated rows (tests/data.py) — not with the code under test."""

import math
from collections import Counter
from datetime import date, datetime

import pytest

from klachtenregeling.complaints.constants import Channel, Concern, ExtensionReason, Satisfaction
from klachtenregeling.core import clock
from klachtenregeling.handling.constants import RulingOutcome
from klachtenregeling.improvements.constants import RecommendationStatus, Source
from klachtenregeling.improvements.models import Recommendation
from klachtenregeling.reports import selectors
from klachtenregeling.reports.constants import Outcome, PeriodKind
from klachtenregeling.reports.models import ENDED_TERM_OUTCOMES
from klachtenregeling.reports.periods import Period, previous_period

from . import data

TODAY = datetime(2026, 12, 4, 12, 0, tzinfo=clock.AMSTERDAM)
Q3 = Period(kind=PeriodKind.QUARTER, start=date(2026, 7, 1), end=date(2026, 9, 30))
Q2 = (date(2026, 4, 1), date(2026, 6, 30))


def _within(day: date, period) -> bool:
    return period[0] <= day <= period[1]


def _nearest_rank(values: list[int], percent: int):
    """Sort, take the value at rank ceil(percent/100 * n), counting from 1."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[math.ceil(percent / 100 * len(ordered)) - 1]


def _section(figures, key) -> dict:
    section = next(s for s in figures["sections"] if s["key"] == key)
    return {row["key"]: row for row in section["rows"]}


def _pairs(figures, key) -> dict:
    return {k: (row["current"], row["previous"]) for k, row in _section(figures, key).items()}


@pytest.fixture
def generated(org, submit, at, officer):
    rows = data.generate(org)
    # Open complaints (no statistics row): received in Q3, in Q2, and after Q3.
    opened = {}
    for when in ("2026-08-10 10:00", "2026-09-30 23:30", "2026-05-02 09:00", "2026-10-15 09:00"):
        with at(when):
            opened[when] = submit()
    # Recommendations made in each period (a judgment's; source does not matter here).
    for when, status in [
        ("2026-07-03 10:00", RecommendationStatus.OPEN),
        ("2026-08-03 10:00", RecommendationStatus.DONE),
        ("2026-09-30 22:00", RecommendationStatus.OPEN),
        ("2026-06-01 10:00", RecommendationStatus.IN_PROGRESS),
        ("2026-10-01 00:30", RecommendationStatus.OPEN),  # after Q3: not counted
    ]:
        moment = datetime.fromisoformat(when).replace(tzinfo=clock.AMSTERDAM)
        Recommendation.objects.create(
            organisation=org,
            text="Plan trainers eerder in.",
            source=Source.JUDGMENT,
            number=1,
            status=status,
            created_at=moment,
            updated_at=moment,
        )
    return rows


def test_r8_3_previous_period_of_q3_is_q2():
    previous = previous_period(Q3)
    assert (previous.start, previous.end) == Q2


def test_r8_3_every_figure_matches_an_independent_count(generated):
    rows = generated
    with clock.frozen(TODAY):
        figures = selectors.report_figures(organisation=_org(), period=Q3)
    q3 = (Q3.start, Q3.end)
    periods = {"current": q3, "previous": Q2}
    ended = {name: [r for r in rows if _within(r.ended_on, p)] for name, p in periods.items()}
    assert ended["current"] and ended["previous"], "the data set covers both periods"

    def pair(count) -> tuple:
        return count(ended["current"]), count(ended["previous"])

    # Totals: received = rows received in the period + open complaints received in it.
    received = tuple(
        sum(_within(r.received_on, p) for r in rows) + extra
        for p, extra in ((q3, 2), (Q2, 1))  # 10 Aug and 30 Sep 23:30; 2 May
    )
    open_at_end = tuple(
        sum(r.received_on <= p[1] < r.ended_on for r in rows) + extra
        for p, extra in ((q3, 3), (Q2, 1))  # open complaints received by then
    )
    assert _pairs(figures, "totals") == {
        "received": received,
        "ended": pair(len),
        "open_at_end": open_at_end,
    }

    def by(attribute, values) -> dict:
        return {
            str(v): pair(lambda rs, v=v: sum(getattr(r, attribute) == v for r in rs))
            for v in values
        }

    assert _pairs(figures, "channels") == by("channel", Channel.values)
    assert _pairs(figures, "outcomes") == by("outcome", Outcome.values)
    assert _pairs(figures, "satisfaction") == by("satisfaction", Satisfaction.values)
    assert _pairs(figures, "term") == by("term_outcome", [t.value for t in ENDED_TERM_OUTCOMES])

    def referred(value):
        return lambda rs: sum(r.outcome == "referred" and r.ruling_outcome == value for r in rs)

    assert _pairs(figures, "rulings") == {v: pair(referred(v)) for v in [*RulingOutcome.values, ""]}
    assert _pairs(figures, "concerns") == {
        c: pair(lambda rs, c=c: sum(c in r.concerns for r in rs)) for c in Concern.values
    }
    subjects = Counter()
    for name in {s for r in rows for s in r.subjects}:
        subjects[name] = pair(lambda rs, name=name: sum(name in r.subjects for r in rs))
    expected_subjects = {name: counts for name, counts in subjects.items() if any(counts)}
    expected_subjects[""] = pair(lambda rs: sum(not r.subjects for r in rs))
    assert _pairs(figures, "subjects") == expected_subjects
    causes = {r.cause for r in ended["current"] + ended["previous"]}
    assert _pairs(figures, "causes") == {
        (c or ""): pair(lambda rs, c=c: sum(r.cause == c for r in rs)) for c in causes
    }
    assert _pairs(figures, "extensions") == {
        "extended": pair(lambda rs: sum(bool(r.extension_reasons) for r in rs)),
        "extensions": pair(lambda rs: sum(len(r.extension_reasons) for r in rs)),
    }
    assert _pairs(figures, "extension_reasons") == {
        reason: pair(lambda rs, reason=reason: sum(r.extension_reasons.count(reason) for r in rs))
        for reason in ExtensionReason.values
    }
    assert _pairs(figures, "handling_time") == {
        f"p{p}": pair(lambda rs, p=p: _nearest_rank([r.handling_days for r in rs], p))
        for p in (50, 90)
    }
    assert _pairs(figures, "recommendations") == {
        "made": (3, 1),
        **dict.fromkeys(RecommendationStatus.values, (0, 0)),
        "open": (2, 0),
        "done": (1, 0),
        "in_progress": (0, 1),
    }


def test_r8_3_changes_and_shares_follow_the_counts(generated):
    with clock.frozen(TODAY):
        figures = selectors.report_figures(organisation=_org(), period=Q3)
    ended = _section(figures, "totals")["ended"]
    outcomes = _section(figures, "outcomes")
    for row in outcomes.values():
        assert row["change"] == row["current"] - row["previous"]
        assert row["current_share"] == round(100 * row["current"] / ended["current"], 1)
        assert row["previous_share"] == round(100 * row["previous"] / ended["previous"], 1)
    assert sum(r["current"] for r in outcomes.values()) == ended["current"]


def test_r8_3_subjects_with_formula_names_and_order(generated):
    with clock.frozen(TODAY):
        figures = selectors.report_figures(organisation=_org(), period=Q3)
    rows = list(_section(figures, "subjects").values())
    assert rows[-1]["key"] == ""  # "no subject recorded" comes last
    named = [r["current"] for r in rows[:-1]]
    assert named == sorted(named, reverse=True)


def test_r8_3_an_organisation_without_complaints_gets_zeros(org):
    with clock.frozen(TODAY):
        figures = selectors.report_figures(organisation=org, period=Q3)
    for section in figures["sections"]:
        for row in section["rows"]:
            if section["key"] == "handling_time":
                assert row["current"] is None and row["previous"] is None
            else:
                assert (row["current"], row["previous"], row["change"]) == (0, 0, 0), row
    assert _pairs(figures, "subjects") == {"": (0, 0)}


def test_r8_3_the_figures_are_json_serialisable(generated):
    import json

    with clock.frozen(TODAY):
        figures = selectors.report_figures(organisation=_org(), period=Q3)
    assert json.loads(json.dumps(figures)) == figures


def _org():
    from klachtenregeling.organisations.models import Organisation

    return Organisation.objects.get(slug="interactie")
