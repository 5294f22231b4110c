"""Terms written out in a text: "binnen vier weken", "28 dagen", "within 10 working days".

The term for a judgment is a setting (R-5.5) that the published text states through the
placeholder {termijn}; a term typed into the wording would stay when the setting changes,
so the publication check compares every written term with the setting (R-4.1).
Only days and weeks count as terms here; months and years ("binnen een jaar") do not.
"""

import re
from dataclasses import dataclass

from .placeholders import PATTERN as PLACEHOLDER

_NL_UNITS = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
}
_NL_TEENS = {
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "zestien": 16,
    "zeventien": 17,
    "achttien": 18,
    "negentien": 19,
}
_NL_TENS = {
    "twintig": 20,
    "dertig": 30,
    "veertig": 40,
    "vijftig": 50,
    "zestig": 60,
    "zeventig": 70,
    "tachtig": 80,
    "negentig": 90,
}
_EN_UNITS = {
    "one": 1,
    "a": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_EN_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}


def _number_words() -> dict[str, int]:
    words = {**_NL_UNITS, **_NL_TEENS, **_NL_TENS, **_EN_UNITS, **_EN_TEENS, **_EN_TENS}
    for unit, u in _NL_UNITS.items():
        for ten, t in _NL_TENS.items():
            words[f"{unit}en{ten}"] = words[f"{unit}ën{ten}"] = u + t
    for unit, u in _EN_UNITS.items():
        if unit == "a":
            continue
        for ten, t in _EN_TENS.items():
            words[f"{ten}-{unit}"] = words[f"{ten} {unit}"] = u + t
    return words


NUMBER_WORDS = _number_words()
_NUMBER = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_WORKING = r"werkdagen|werkdag|working\s+days?|business\s+days?"
_DAYS = r"kalenderdagen|kalenderdag|dagen|dag|calendar\s+days?|days?"
_WEEKS = r"weken|week|weeks"
TERM = re.compile(
    rf"(?<![\w-])(?P<number>\d{{1,4}}|{_NUMBER})(?:\s*\(\d{{1,4}}\))?[\s-]+"
    rf"(?P<unit>{_WORKING}|{_DAYS}|{_WEEKS})(?![\w-])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class StatedTerm:
    phrase: str
    days: int | None  # None: working days, which are not calendar days


def stated_terms(text: str) -> list[StatedTerm]:
    """Every term in days or weeks written in `text` (placeholders are not terms)."""
    found = []
    for match in TERM.finditer(PLACEHOLDER.sub(" ", text)):
        raw = match.group("number").lower()
        number = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
        unit = match.group("unit").lower()
        if re.fullmatch(_WORKING, unit):
            days = None
        elif re.fullmatch(_WEEKS, unit):
            days = number * 7
        else:
            days = number
        found.append(StatedTerm(" ".join(match.group(0).split()), days))
    return found
