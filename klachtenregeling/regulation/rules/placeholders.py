"""Placeholders: the values in the text come from the settings, never from the wording (R-4.1).

An organisation edits the wording of an article; where the text names the organisation,
an officer, the term or the disputes body it writes a placeholder such as `{termijn}`,
and publication fills in the current setting. The edit page lists these.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .parameters import Officer, Parameters, term_phrase

PATTERN = re.compile(r"\{([^{}\n]{0,60})\}")

# what {kosteloos} says, in the language of the text.
FREE_OF_CHARGE = {
    "nl": (
        "De behandeling van een klacht is kosteloos: de klager is geen vergoeding "
        "verschuldigd voor de kosten van de behandeling van de klacht."
    ),
    "en": (
        "Handling a complaint is free of charge: the complainant owes no fee for the "
        "cost of handling the complaint."
    ),
}
_AND = {"nl": "en", "en": "and"}


def officer_phrase(officer: Officer) -> str:
    return f"{officer.name} ({officer.email})" if officer.email else officer.name


def officers_phrase(officers: tuple[Officer, ...], language: str) -> str:
    """ "A (a@x)", "A (a@x) en B (b@x)", "A (a@x), B (b@x) en C (c@x)"."""
    parts = [officer_phrase(o) for o in officers]
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {_AND[language]} {parts[-1]}"


@dataclass(frozen=True)
class Placeholder:
    name: str
    description: Promise
    value: Callable[[Parameters, str], str]
    setting: str  # the organisation setting it comes from (where to fix an empty value)


PLACEHOLDERS: dict[str, Placeholder] = {
    p.name: p
    for p in [
        Placeholder(
            "organisatie", _("the organisation's name"), lambda p, lang: p.organisation_name, "name"
        ),
        Placeholder(
            "website", _("the organisation's website"), lambda p, lang: p.website, "website"
        ),
        Placeholder(
            "contact",
            _("the e-mail address for complaints"),
            lambda p, lang: p.contact_email,
            "contact_email",
        ),
        Placeholder(
            "regeling_url",
            _("the address of this published regulation"),
            lambda p, lang: p.regulation_url,
            "slug",
        ),
        Placeholder(
            "klachtenfunctionaris",
            _("the complaints officer who receives new complaints (name and e-mail, article 1)"),
            lambda p, lang: officer_phrase(p.officers[0]) if p.officers else "",
            "default_officer",
        ),
        Placeholder(
            "klachtenfunctionarissen",
            _("all complaints officers, the default officer first (names and e-mail)"),
            lambda p, lang: officers_phrase(p.officers, lang),
            "default_officer",
        ),
        Placeholder(
            "termijn",
            _("the term for a judgment, e.g. “vier weken (28 dagen)” (article 5)"),
            lambda p, lang: term_phrase(
                p.term_days, lang, moves_off_days=p.deadline_moves_off_days
            ),
            "term_days",
        ),
        Placeholder(
            "termijn_dagen",
            _("the term for a judgment as a number of days, e.g. “28”"),
            lambda p, lang: str(p.term_days),
            "term_days",
        ),
        Placeholder(
            "geschillencommissie",
            _("the name of the disputes body (article 4)"),
            lambda p, lang: p.disputes_body_name,
            "disputes_body_name",
        ),
        Placeholder(
            "geschillencommissie_adres",
            _("the postal address of the disputes body"),
            lambda p, lang: p.disputes_body_address,
            "disputes_body_address",
        ),
        Placeholder(
            "geschillencommissie_website",
            _("the website of the disputes body"),
            lambda p, lang: p.disputes_body_url,
            "disputes_body_url",
        ),
        Placeholder(
            "kosteloos",
            _("the sentence that handling a complaint is free of charge (article 6)"),
            lambda p, lang: FREE_OF_CHARGE[lang],
            "",
        ),
    ]
}

# What the regulation must state, in every language: one of these placeholders each.
REQUIRED: tuple[tuple[tuple[str, ...], Promise], ...] = (
    (("termijn", "termijn_dagen"), _("the term for a judgment (write {termijn})")),
    (
        ("klachtenfunctionaris", "klachtenfunctionarissen"),
        _("the complaints officer (write {klachtenfunctionaris})"),
    ),
    (("geschillencommissie",), _("the name of the disputes body (write {geschillencommissie})")),
    (
        ("geschillencommissie_adres",),
        _("the address of the disputes body (write {geschillencommissie_adres})"),
    ),
    (
        ("geschillencommissie_website",),
        _("the website of the disputes body (write {geschillencommissie_website})"),
    ),
    (("kosteloos",), _("that handling is free of charge (write {kosteloos})")),
)


def names_in(text: str) -> list[str]:
    """The placeholder names written in `text`, in order (unknown ones included)."""
    return PATTERN.findall(text)


def values(parameters: Parameters, language: str) -> dict[str, str]:
    return {name: p.value(parameters, language) for name, p in PLACEHOLDERS.items()}


def fill(text: str, parameters: Parameters, language: str) -> str:
    """Replace every known placeholder with its value; anything else stays as written
    (the publication check refuses such text before it is ever published)."""
    known = values(parameters, language)
    return PATTERN.sub(lambda m: known.get(m.group(1), m.group(0)), text)
