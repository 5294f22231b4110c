"""R-4.3: when De Geschillencommissie takes a case.

The committee takes a complaint when it was first made to the company in
writing, the company had four weeks to respond (or responded), and — as a
rule — it is submitted within twelve months after the complaint was made.

The route is open after a judgment that was not accepted, but also without a judgment:
when the complaint was declared not admissible (the company responded), or when its
(extended) term passed without a judgment.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from klachtenregeling.complaints.constants import AWAITING_JUDGMENT, Status

RESPONSE_WEEKS = 4
SUBMIT_WITHIN_DAYS = 365


@dataclass(frozen=True)
class Condition:
    key: str
    holds: bool
    text: str


def conditions(
    *, received_on: date, written: bool, responded: bool, today: date
) -> list[Condition]:
    had_time = today >= received_on + timedelta(weeks=RESPONSE_WEEKS)
    last_day = received_on + timedelta(days=SUBMIT_WITHIN_DAYS)
    return [
        Condition("written", written, _("The complaint was first made to the company in writing.")),
        Condition(
            "responded",
            responded or had_time,
            _("The company responded, or had four weeks to respond."),
        ),
        Condition(
            "within_year",
            today <= last_day,
            _("Submitted within twelve months after the complaint was made (until %(date)s).")
            % {"date": date_format(last_day, "j F Y")},
        ),
    ]


def all_hold(items: list[Condition]) -> bool:
    return all(c.holds for c in items)


# Why the route to the disputes body is open, as the complainant is told (page and mail).
NOT_RESOLVED = "not_resolved"  # a judgment that was not accepted
NOT_ADMISSIBLE = "not_admissible"  # the company declared it not a complaint (it responded)
TERM_PASSED = "term_passed"  # the (extended) term passed without a judgment


def route_reason(*, status: str, deadline: date, today: date) -> str | None:
    """R-4.3: why the complainant may go to the disputes body now, or None when the
    internal procedure still runs (or the case is already there or ended)."""
    if status == Status.UNRESOLVED:
        return NOT_RESOLVED
    if status == Status.NOT_ADMISSIBLE:
        return NOT_ADMISSIBLE
    if status in AWAITING_JUDGMENT and today > deadline:
        return TERM_PASSED
    return None


def referral_open(*, status: str, deadline: date, today: date) -> bool:
    """R-4.3: the officer may record a referral (and export the case file) now."""
    return route_reason(status=status, deadline=deadline, today=today) is not None
