"""Reads of the periodic report (R-8.3): the figures of a period beside the previous one.

Everything is counted in the database (COUNT ... GROUP BY, with a FILTER per period), no
complaint is loaded into Python. What ended, and how, comes only from the anonymous
statistics rows (reports/statistics.py), so a report of a past period keeps its figures
after the complaints themselves were destroyed (R-8.5). Only "received" and "still open"
look at the complaints that are open now, which have no statistics row yet.

The result ("figures") is a plain, JSON-serialisable dict; a finalised report freezes
exactly that (services.report_finalise):

    {"period": {...}, "previous_period": {...},
     "sections": [{"key": "outcomes", "shares": True,
                   "rows": [{"key", "label", "current", "previous", "change",
                             ["current_share", "previous_share"]}, ...]}, ...]}

Labels are in the language of the request; names of subjects and causes are as entered.
"""

from datetime import timedelta

from django.db.models import Case, Count, Q, Value, When
from django.utils.translation import gettext as _

from klachtenregeling.complaints.constants import (
    FINAL_STATUSES,
    Channel,
    Concern,
    ExtensionReason,
    Satisfaction,
)
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core import clock
from klachtenregeling.handling.constants import RulingOutcome
from klachtenregeling.improvements.constants import RecommendationStatus
from klachtenregeling.improvements.models import Recommendation

from .constants import Outcome
from .models import (
    ENDED_TERM_OUTCOMES,
    ComplaintStatistic,
    Report,
    StatisticConcern,
    StatisticExtension,
)
from .periods import Period, previous_period

PERCENTILES = (50, 90)


def _ended_in(period: Period, prefix: str = "") -> Q:
    return Q(**{f"{prefix}ended_on__range": (period.start, period.end)})


def _row(key: str, label: str, current, previous) -> dict:
    change = None if current is None or previous is None else current - previous
    return {
        "key": key,
        "label": label,
        "current": current,
        "previous": previous,
        "change": change,
    }


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _with_shares(rows: list[dict], current_total: int, previous_total: int) -> list[dict]:
    for row in rows:
        row["current_share"] = _share(row["current"], current_total)
        row["previous_share"] = _share(row["previous"], previous_total)
    return rows


def _grouped(queryset, field: str, current: Q, previous: Q) -> dict:
    """{value of `field`: (count in the period, count in the previous period)}."""
    rows = (
        queryset.order_by()
        .values(field)
        .annotate(c=Count("pk", filter=current), p=Count("pk", filter=previous))
    )
    return {row[field]: (row["c"], row["p"]) for row in rows}


def _choice_rows(counts: dict, choices) -> list[dict]:
    """A row for every choice, zeros included, in the choices' order."""
    return [_row(str(value), str(label), *counts.get(value, (0, 0))) for value, label in choices]


def _named_rows(counts: dict, *, missing_label: str) -> list[dict]:
    """Rows of user-entered names, most frequent first; None is `missing_label`, last."""
    named = sorted(
        ((name, c, p) for name, (c, p) in counts.items() if name is not None),
        key=lambda item: (-item[1], -item[2], item[0]),
    )
    rows = [_row(name, name, c, p) for name, c, p in named]
    if None in counts:
        rows.append(_row("", missing_label, *counts[None]))
    return rows


def nearest_rank(queryset, field: str, percent: int, count: int) -> int | None:
    """The `percent`th percentile of `field` by the nearest-rank method, in the database.

    Definition (the same on SQLite and PostgreSQL): sort the n values ascending and take
    the value at rank k = ceil(percent / 100 * n), counting from 1 — the smallest value
    such that at least `percent` % of the values are at most it. It is always one of the
    values (no interpolation). In SQL: ORDER BY field LIMIT 1 OFFSET k - 1.
    None when there are no values.
    """
    if count == 0:
        return None
    rank = (percent * count + 99) // 100  # ceil without floats
    return queryset.order_by(field).values_list(field, flat=True)[rank - 1]


def _totals(organisation, period: Period, previous: Period) -> tuple[list[dict], int, int]:
    statistics = ComplaintStatistic.objects.filter(
        organisation=organisation, received_on__lte=period.end
    ).aggregate(
        received_c=Count("pk", filter=Q(received_on__gte=period.start)),
        received_p=Count("pk", filter=Q(received_on__range=(previous.start, previous.end))),
        ended_c=Count("pk", filter=_ended_in(period)),
        ended_p=Count("pk", filter=_ended_in(previous)),
        open_c=Count("pk", filter=Q(ended_on__gt=period.end)),
        open_p=Count("pk", filter=Q(received_on__lte=previous.end, ended_on__gt=previous.end)),
    )

    def day_bounds(p: Period) -> tuple:
        return clock.start_of_day(p.start), clock.start_of_day(p.end + timedelta(days=1))

    (start_c, after_c), (start_p, after_p) = day_bounds(period), day_bounds(previous)
    open_now = (
        Complaint.objects.filter(organisation=organisation, received_at__lt=after_c)
        .exclude(status__in=FINAL_STATUSES)
        .aggregate(
            received_c=Count("pk", filter=Q(received_at__gte=start_c)),
            received_p=Count("pk", filter=Q(received_at__gte=start_p, received_at__lt=after_p)),
            open_c=Count("pk"),
            open_p=Count("pk", filter=Q(received_at__lt=after_p)),
        )
    )

    def both(name: str) -> tuple[int, int]:
        return (
            statistics[f"{name}_c"] + open_now.get(f"{name}_c", 0),
            statistics[f"{name}_p"] + open_now.get(f"{name}_p", 0),
        )

    rows = [
        _row("received", _("received"), *both("received")),
        _row("ended", _("ended"), statistics["ended_c"], statistics["ended_p"]),
        _row("open_at_end", _("still open at the end of the period"), *both("open")),
    ]
    return rows, statistics["ended_c"], statistics["ended_p"]


def _handling_time(ended, period: Period, previous: Period, counts: tuple[int, int]) -> list:
    labels = {50: _("median"), 90: _("90th percentile")}
    current = ended.filter(_ended_in(period))
    before = ended.filter(_ended_in(previous))
    return [
        _row(
            f"p{percent}",
            labels[percent],
            nearest_rank(current, "handling_days", percent, counts[0]),
            nearest_rank(before, "handling_days", percent, counts[1]),
        )
        for percent in PERCENTILES
    ]


def _recommendations(organisation, period: Period, previous: Period) -> list[dict]:
    def made_in(p: Period) -> Q:
        return Q(
            created_at__gte=clock.start_of_day(p.start),
            created_at__lt=clock.start_of_day(p.end + timedelta(days=1)),
        )

    made = Recommendation.objects.filter(organisation=organisation).filter(
        made_in(period) | made_in(previous)
    )
    counts = _grouped(made, "status", made_in(period), made_in(previous))
    total = [sum(c for c, _p in counts.values()), sum(p for _c, p in counts.values())]
    return [
        _row("made", _("made in the period"), *total),
        *_choice_rows(counts, RecommendationStatus.choices),
    ]


# The categories of an ended complaint that are counted one by one (see _cube).
CUBE = ("channel", "outcome", "ruling_outcome", "term_outcome", "satisfaction", "cause__name")


def _cube(ended, current: Q, previous: Q) -> list[dict]:
    """One GROUP BY over the combination of the categories of CUBE (and whether the term
    was extended): the counts of each combination, in each period. One scan of the ended
    complaints instead of one per category; the number of cells is bounded by the number
    of categories (a few thousand at most), not by the number of complaints, and each
    category's counts are their sums (_marginal)."""
    return list(
        ended.order_by()
        .annotate(
            extended=Case(When(extensions_count__gt=0, then=Value(True)), default=Value(False))
        )
        .values(*CUBE, "extended")
        .annotate(c=Count("pk", filter=current), p=Count("pk", filter=previous))
    )


def _marginal(cube: list[dict], field: str, only: tuple | None = None) -> dict:
    """{value of `field`: (count, previous count)}, summed over the other categories."""
    counts: dict = {}
    for cell in cube:
        if only is not None and cell[only[0]] != only[1]:
            continue
        c, p = counts.get(cell[field], (0, 0))
        counts[cell[field]] = (c + cell["c"], p + cell["p"])
    return counts


def report_figures(*, organisation, period: Period) -> dict:
    """All figures of `period` for `organisation`, each beside the previous period (R-8.3)."""
    previous = previous_period(period)
    current_q, previous_q = _ended_in(period), _ended_in(previous)
    ended = ComplaintStatistic.objects.filter(organisation=organisation).filter(
        current_q | previous_q
    )
    totals, ended_c, ended_p = _totals(organisation, period, previous)

    cube = _cube(ended, current_q, previous_q)

    def by(field: str, only=None) -> dict:
        return _marginal(cube, field, only)

    def related(model, field: str) -> dict:
        queryset = model.objects.filter(
            Q(statistic__organisation=organisation)
            & (_ended_in(period, "statistic__") | _ended_in(previous, "statistic__"))
        )
        return _grouped(
            queryset, field, _ended_in(period, "statistic__"), _ended_in(previous, "statistic__")
        )

    # A left join: a complaint without a subject is counted under None.
    subject_counts = _grouped(ended, "subjects__name", current_q, previous_q)
    subject_counts.setdefault(None, (0, 0))
    extended = by("extended").get(True, (0, 0))
    extension_counts = related(StatisticExtension, "reason_category")
    ruling_choices = [*RulingOutcome.choices, ("", _("no ruling recorded"))]
    sections = {
        "totals": totals,
        "subjects": _named_rows(subject_counts, missing_label=_("no subject recorded")),
        "concerns": _choice_rows(related(StatisticConcern, "concern"), Concern.choices),
        "channels": _with_shares(_choice_rows(by("channel"), Channel.choices), ended_c, ended_p),
        "outcomes": _with_shares(_choice_rows(by("outcome"), Outcome.choices), ended_c, ended_p),
        "rulings": _choice_rows(
            by("ruling_outcome", only=("outcome", Outcome.REFERRED)), ruling_choices
        ),
        "handling_time": _handling_time(ended, period, previous, (ended_c, ended_p)),
        "term": _with_shares(
            _choice_rows(by("term_outcome"), [(t.value, t.label) for t in ENDED_TERM_OUTCOMES]),
            ended_c,
            ended_p,
        ),
        "extensions": [
            _row("extended", _("complaints with an extended term"), *extended),
            _row(
                "extensions",
                _("extensions in total"),
                sum(c for c, _p in extension_counts.values()),
                sum(p for _c, p in extension_counts.values()),
            ),
        ],
        "extension_reasons": _choice_rows(extension_counts, ExtensionReason.choices),
        "causes": _named_rows(by("cause__name"), missing_label=_("no cause recorded")),
        "satisfaction": _with_shares(
            _choice_rows(by("satisfaction"), Satisfaction.choices), ended_c, ended_p
        ),
        "recommendations": _recommendations(organisation, period, previous),
    }
    shared = {"channels", "outcomes", "term", "satisfaction"}
    return {
        "period": period.as_dict(),
        "previous_period": previous.as_dict(),
        "sections": [
            {"key": key, "shares": key in shared, "rows": rows} for key, rows in sections.items()
        ],
    }


def report_list_for_organisation(organisation):
    """The finalised reports of an organisation, newest period first, then newest version."""
    return Report.objects.filter(organisation=organisation).select_related("finalised_by")


def report_get(*, organisation, report_id: int) -> Report | None:
    return (
        Report.objects.filter(organisation=organisation, pk=report_id)
        .select_related("finalised_by", "organisation")
        .first()
    )
