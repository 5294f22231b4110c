"""Written terms and how the term is stated (R-4.1, R-5.5): tables, no database."""

import pytest

from klachtenregeling.regulation.rules.parameters import Officer, term_phrase
from klachtenregeling.regulation.rules.placeholders import fill, officers_phrase
from klachtenregeling.regulation.rules.terms import stated_terms
from klachtenregeling.regulation.tests.factories import parameters


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("binnen vier weken na ontvangst", [28]),  # the customer's own wording
        ("binnen 28 dagen", [28]),
        ("binnen zes weken (42 dagen)", [42, 42]),
        ("binnen vier (4) weken", [28]),
        ("binnen achtentwintig dagen", [28]),
        ("binnen tweeënveertig kalenderdagen", [42]),
        ("binnen 4-weken", [28]),
        ("binnen tien werkdagen", [None]),  # working days are not calendar days
        ("within four weeks of receipt", [28]),
        ("within twenty-eight days", [28]),
        ("within 10 business days", [None]),
        ("binnen één week", [7]),
        ("binnen een jaar na het oordeel", []),  # years and months are no terms here
        ("binnen twee maanden", []),
        ("binnen {termijn} na ontvangst", []),  # a placeholder is not a written term
        ("binnen {termijn_dagen} dagen", []),
        ("artikel 4 van de regeling", []),
        ("Vier Weken", [28]),
    ],
)
def test_r4_1_terms_written_in_a_text(text, days):
    assert [t.days for t in stated_terms(text)] == days


@pytest.mark.parametrize(
    ("days", "language", "phrase"),
    [
        (28, "nl", "vier weken (28 dagen)"),
        (42, "nl", "zes weken (42 dagen)"),
        (42, "en", "six weeks (42 days)"),
        (7, "nl", "één week (7 dagen)"),
        (7, "en", "one week (7 days)"),
        (30, "nl", "30 dagen"),
        (1, "nl", "1 dag"),
        (1, "en", "1 day"),
        (84, "en", "twelve weeks (84 days)"),
        (91, "en", "91 days"),  # 13 weeks: written as days
    ],
)
def test_r5_5_the_term_as_the_regulation_states_it(days, language, phrase):
    assert term_phrase(days, language) == phrase


@pytest.mark.parametrize(
    ("names", "language", "phrase"),
    [
        ([], "nl", ""),
        (["Amber"], "nl", "Amber (amber@x.nl)"),
        (["Amber", "Bram"], "nl", "Amber (amber@x.nl) en Bram (bram@x.nl)"),
        (["Amber", "Bram", "Cas"], "en", "Amber (amber@x.nl), Bram (bram@x.nl) and Cas (cas@x.nl)"),
    ],
)
def test_r1_4_officers_are_named_with_their_email(names, language, phrase):
    officers = tuple(Officer(n, f"{n.lower()}@x.nl") for n in names)
    assert officers_phrase(officers, language) == phrase


def test_r4_1_placeholders_are_filled_from_the_settings():
    values = parameters(term_days=42)
    text = (
        "{organisatie}: {klachtenfunctionaris}, binnen {termijn}; {geschillencommissie}, {onbekend}"
    )
    assert fill(text, values, "nl") == (
        "Interactie: Amber Veldman (amber@interactietrainingen.nl), binnen zes weken (42 dagen); "
        "De Geschillencommissie, {onbekend}"
    )
