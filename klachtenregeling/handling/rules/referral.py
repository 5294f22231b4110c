"""R-4.3: when De Geschillencommissie takes a case.

The committee takes a complaint when it was first made to the company in
writing, the company had four weeks to respond (or responded), and — as a
rule — it is submitted within twelve months after the complaint was made.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _

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
            % {"date": last_day.strftime("%d-%m-%Y")},
        ),
    ]


def all_hold(items: list[Condition]) -> bool:
    return all(c.holds for c in items)
