"""Written terms and how the term is stated (R-4.1, R-5.5): tables, no database."""

import pytest

from klachtenregeling.regulation.rules import terms
from klachtenregeling.regulation.rules.parameters import Officer, Parameters, term_phrase
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


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("vijfentwintig", 25),
        ("drieëntwintig", 23),  # with the diaeresis
        ("tweeentwintig", 22),  # and without it, as people type it
        ("twenty-one", 21),
        ("twenty one", 21),
        ("ninety-nine", 99),
        ("a", 1),  # "a week"
    ],
)
def test_r4_1_number_words_a_term_can_be_written_in(word, value):
    words = terms._number_words()
    assert words[word] == value
    assert words == terms.NUMBER_WORDS


def test_r4_1_a_is_no_unit_of_a_compound_number():
    assert "twenty-a" not in terms._number_words()
    assert "twenty a" not in terms._number_words()


def test_r1_4_an_officer_without_email_is_named_alone():
    assert officers_phrase((Officer("Amber Veldman", ""),), "nl") == "Amber Veldman"
    assert officers_phrase((), "en") == ""


def test_r4_1_the_values_of_a_published_version_are_kept_and_read_back():
    """A published version stores its values as JSON (R-4.1): they read back the same,
    officers as a list of objects, and a key no longer known is ignored."""
    values = parameters(
        officers=(Officer("Amber Veldman", "amber@example.org"), Officer("Bram Smit", ""))
    )
    stored = values.as_dict()
    assert stored["officers"] == [
        {"name": "Amber Veldman", "email": "amber@example.org"},
        {"name": "Bram Smit", "email": ""},
    ]
    assert stored["term_days"] == 28
    assert Parameters.from_dict(stored) == values
    assert Parameters.from_dict({**stored, "retired_setting": "x"}) == values
    without_officers = {k: v for k, v in stored.items() if k != "officers"}
    assert Parameters.from_dict(without_officers) == parameters(officers=())
