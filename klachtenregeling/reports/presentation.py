"""How the figures of a report (selectors.report_figures) are shown: titles of the
sections, the period in words. Used by the page, the PDF and the CSV alike, live or frozen."""

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from klachtenregeling.compliance.presentation import table_for_display

from .periods import Period, period_label

SECTION_TITLES = {
    "totals": gettext_lazy("Complaints"),
    "subjects": gettext_lazy("Ended complaints per subject"),
    "concerns": gettext_lazy("Ended complaints per concern"),
    "channels": gettext_lazy("Ended complaints per channel"),
    "outcomes": gettext_lazy("Outcomes"),
    "rulings": gettext_lazy("Rulings of the disputes body"),
    "handling_time": gettext_lazy("Handling time in days"),
    "term": gettext_lazy("Decided within the term"),
    "extensions": gettext_lazy("Extensions of the term"),
    "extension_reasons": gettext_lazy("Reasons for extending the term"),
    "causes": gettext_lazy("Causes"),
    "satisfaction": gettext_lazy("Satisfaction of the complainant"),
    "recommendations": gettext_lazy("Recommendations made in the period and their status"),
}
NOTES = {
    "subjects": gettext_lazy(
        "Subjects are counted for ended complaints only; a complaint can have several. "
        "Open complaints are not in these figures."
    ),
    "concerns": gettext_lazy("A complaint can name several concerns."),
    "handling_time": gettext_lazy(
        "Days from receipt to the end. Median: half of the complaints took at most this "
        "long; 90th percentile: nine in ten took at most this long."
    ),
    "rulings": gettext_lazy("Of the complaints referred to the disputes body."),
    "recommendations": gettext_lazy("The status is that at the time the report was made."),
}


def _day(value: str) -> str:
    return date_format(date.fromisoformat(value), "j F Y")


def period_words(data: dict) -> str:
    """'Q3 2026 (1 July 2026 to 30 September 2026)', or the two days alone."""
    period = Period.from_dict(data)
    days = f"{_day(data['start'])} \N{EN DASH} {_day(data['end'])}"
    label = period_label(period)
    return f"{label} ({days})" if label else days


def sections_for_display(figures: dict) -> list[dict]:
    return [
        {
            **section,
            "title": SECTION_TITLES[section["key"]],
            "note": NOTES.get(section["key"], ""),
        }
        for section in figures["sections"]
    ]


def report_context(
    *, figures: dict, introduction: str = "", recommendations=(), compliance: dict | None = None
) -> dict:
    """What the report's template needs, from live or frozen figures; `compliance` is the
    period's compliance table (None for a report finalised before it existed)."""
    period = figures["period"]
    return {
        "sections": sections_for_display(figures),
        "period_text": period_words(period),
        "previous_text": period_words(figures["previous_period"]),
        "shortened_from": _day(period["shortened_from"]) if period["shortened_from"] else "",
        "introduction": introduction,
        "recommendations": list(recommendations),
        "column_current": _("this period"),
        "column_previous": _("previous period"),
        "compliance": table_for_display(compliance),
    }
