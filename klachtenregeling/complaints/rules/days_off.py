"""Art. 5 — a term that ends on a day off ends on the next working day (R-5.5).

When the organisation's setting says so (default on, as the Algemene termijnenwet does for
statutory terms), a term whose last day is a Saturday, a Sunday or a Dutch public holiday
runs to the next working day. The public holidays come from the maintained `holidays`
package (New Year's Day, Easter Monday, Ascension Day, Whit Monday, Christmas, King's Day —
on 26 April when 27 April is a Sunday), with what it does not decide for us:

- Good Friday is not a generally recognised holiday: it does not move a term;
- Liberation Day (5 May) is an official day off only every fifth year (2025, 2030, …);
- days off by decree (an extra day the government or the organisation declares) are a
  setting: a list of dates.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

import holidays
from dateutil.easter import easter

LIBERATION_DAY_EVERY = 5  # years: 2025, 2030, ...
SATURDAY = 5


@dataclass(frozen=True)
class DaysOffRule:
    """The organisation's setting: move a term ending on a day off, and the extra days."""

    moves: bool = True
    extra: frozenset[date] = field(default_factory=frozenset)


NO_MOVE = DaysOffRule(moves=False)


@lru_cache(maxsize=64)
def public_holidays(year: int) -> frozenset[date]:
    """The Dutch public holidays of `year` on which a term does not end."""
    days = set(holidays.country_holidays("NL", years=year))
    days.discard(easter(year) - timedelta(days=2))  # Good Friday
    may_5 = date(year, 5, 5)
    if year % LIBERATION_DAY_EVERY == 0:
        days.add(may_5)
    else:
        days.discard(may_5)
    return frozenset(days)


def is_day_off(day: date, extra: Iterable[date] = ()) -> bool:
    """A Saturday, a Sunday, a public holiday or an extra day by decree."""
    return day.weekday() >= SATURDAY or day in public_holidays(day.year) or day in set(extra)


def term_end(day: date, rule: DaysOffRule) -> date:
    """The last day of a term that would end on `day`: the next working day when `day` is
    a day off and the setting moves it, else `day` itself."""
    if not rule.moves:
        return day
    while is_day_off(day, rule.extra):
        day += timedelta(days=1)
    return day


def parse_extra_days(text: str) -> tuple[list[date], list[str]]:
    """The setting's text, one date a line ("2026-12-24" or "24-12-2026"): the dates, and
    the lines that are not a date (to name them in the error)."""
    found, wrong = [], []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        parsed = _parse_date(line)
        if parsed is None:
            wrong.append(line)
        else:
            found.append(parsed)
    return sorted(set(found)), wrong


def _parse_date(text: str) -> date | None:
    parts = text.replace("/", "-").split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    if len(parts[0]) == 4:
        year, month, day = parts
    elif len(parts[2]) == 4:
        day, month, year = parts
    else:
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
