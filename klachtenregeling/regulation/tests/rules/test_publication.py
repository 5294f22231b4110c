"""The publication check (R-4.1, R-4.2, R-6.3): table-driven, no database."""

import pytest
from django.utils import translation

from klachtenregeling.regulation.constants import Article
from klachtenregeling.regulation.rules.parameters import Officer
from klachtenregeling.regulation.rules.publication import Wording, publication_problems
from klachtenregeling.regulation.tests.factories import default_texts, parameters

PROCEDURE = default_texts()["nl"][Article.PROCEDURE].body


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


def codes(problems) -> list[str]:
    return [p.code for p in problems]


def test_r4_1_the_default_regulation_passes_the_check():
    assert publication_problems(default_texts(), parameters()) == []


@pytest.mark.parametrize(
    ("texts", "values", "code", "where", "says"),
    [
        # Placeholders: unknown, or known without a value.
        (
            {"procedure_nl": PROCEDURE + " Zie {reglement}."},
            {},
            "unknown_placeholder",
            "Artikel 5 (Interne klachtprocedure), de Nederlandse tekst",
            "{reglement} is geen bekend invulveld",
        ),
        (
            {"scope_en": "1. Applies at {website}."},
            {"website": ""},
            "unfilled_placeholder",
            "Artikel 2 (Toepassingsbereik), de Engelse tekst",
            "{website} heeft geen waarde",
        ),
        (
            {"aims_nl": "Wij willen {termijn klachten afhandelen."},
            {},
            "loose_brace",
            "Artikel 3",
            "accolade",
        ),
        # Editorial notes left in the text.
        (
            {"intro_nl": "*subtitel nog in te vullen of te verbergen*"},
            {},
            "editorial_note",
            "Inleiding",
            "subtitel",
        ),
        ({"aims_nl": "1. TODO doelen"}, {}, "editorial_note", "Artikel 3", "TODO"),
        ({"scope_nl": "1. Geldt voor xxx."}, {}, "editorial_note", "Artikel 2", "xxx"),
        ({"scope_nl": "1. Geldt voor [naam]."}, {}, "editorial_note", "Artikel 2", "[naam]"),
        ({"scope_nl": "1. Geldt voor […]."}, {}, "editorial_note", "Artikel 2", "[…]"),
        (
            {"scope_nl": "1. Geldt voor [...] opdrachten."},
            {},
            "editorial_note",
            "Artikel 2",
            "[...]",
        ),
        # A term typed into the text that differs from the setting.
        (
            {"procedure_nl": PROCEDURE.replace("{termijn}", "vier weken")},
            {"term_days": 42},
            "term_differs",
            "Artikel 5",
            "“vier weken”, maar de termijn voor een oordeel is 42 dagen",
        ),
        (
            {"procedure_nl": PROCEDURE.replace("{termijn}", "28 dagen")},
            {"term_days": 42},
            "term_differs",
            "Artikel 5",
            "“28 dagen”",
        ),
        (
            {"procedure_en": "5. Judged within ten working days."},
            {},
            "term_differs",
            "de Engelse tekst",
            "“ten working days”",
        ),
        # no fee anywhere.
        (
            {"confidentiality_nl": "{kosteloos} Behalve € 25 dossierkosten."},
            {},
            "fee",
            "Artikel 6",
            "€ 2",
        ),
        ({"confidentiality_en": "{kosteloos} Except 25 euro."}, {}, "fee", "Artikel 6", "25 euro"),
        # Empty articles.
        ({"scope_nl": ""}, {}, "empty", "Artikel 2", "de tekst is leeg"),
    ],
)
def test_r4_1_the_check_names_the_article_and_what_to_fix(texts, values, code, where, says):
    problems = publication_problems(default_texts(**texts), parameters(**values))
    found = [p for p in problems if p.code == code]
    assert found, codes(problems)
    message = str(found[0].message)
    assert message.startswith(where) or where in message, message
    assert says in message, message


@pytest.mark.parametrize(
    ("values", "code", "setting", "says"),
    [
        ({"officers": ()}, "no_officer", "default_officer", "geen actieve klachtenfunctionaris"),
        (
            {"officers": (Officer("Amber Veldman", ""),)},
            "officer_without_email",
            "officers",
            "Amber Veldman heeft geen e-mailadres",
        ),
        ({"disputes_body_address": " "}, "missing_value", "disputes_body_address", "geen adres"),
        ({"disputes_body_url": ""}, "missing_value", "disputes_body_url", "geen website"),
        ({"disputes_body_name": ""}, "missing_value", "disputes_body_name", "geen naam"),
        (
            {"disputes_body_address": "nog in te vullen"},
            "editorial_note",
            "disputes_body_address",
            "redactionele notitie",
        ),
    ],
)
def test_r4_1_r4_2_values_that_cannot_be_published(values, code, setting, says):
    problems = publication_problems(default_texts(), parameters(**values))
    found = [p for p in problems if p.code == code]
    assert found, codes(problems)
    assert found[0].setting == setting
    assert says in str(found[0].message)


def test_r4_1_a_written_term_equal_to_the_setting_is_no_conflict():
    # Still refused, but only because the term must be a placeholder (next test file).
    texts = default_texts(procedure_nl=PROCEDURE.replace("{termijn}", "vier weken (28 dagen)"))
    assert codes(publication_problems(texts, parameters(term_days=28))) == ["missing_statement"]
    assert "term_differs" in codes(publication_problems(texts, parameters(term_days=42)))


def test_r4_1_months_and_years_are_not_terms_for_a_judgment():
    texts = default_texts(
        scope_nl="1. Een klacht over een opdracht van langer dan een jaar geleden."
    )
    assert publication_problems(texts, parameters()) == []


@pytest.mark.parametrize(
    ("removed", "says"),
    [
        ("{termijn}", "de termijn voor een oordeel"),
        ("{geschillencommissie_adres}", "het adres van de geschillencommissie"),
        ("{geschillencommissie_website}", "de website van de geschillencommissie"),
    ],
)
def test_r4_2_the_regulation_must_state_term_and_disputes_body(removed, says):
    texts = default_texts()
    for key, wording in texts["nl"].items():
        texts["nl"][key] = Wording(wording.title, wording.body.replace(removed, "iets"))
    problems = publication_problems(texts, parameters())
    missing = [p for p in problems if p.code == "missing_statement"]
    assert len(missing) == 1
    assert (
        str(missing[0].message) == f"De Nederlandse tekst vermeldt niet {says} (schrijf {removed})."
    )


def test_r6_3_the_published_text_must_say_handling_is_free_of_charge():
    texts = default_texts(confidentiality_en="1. Every complaint is handled confidentially.")
    problems = publication_problems(texts, parameters())
    assert [str(p.message) for p in problems] == [
        "De Engelse tekst vermeldt niet dat de behandeling kosteloos is (schrijf {kosteloos})."
    ]


def test_r4_1_every_problem_is_reported_at_once():
    texts = default_texts(scope_nl="TODO", aims_en="{foo}")
    problems = publication_problems(texts, parameters(officers=(), disputes_body_url=""))
    assert set(codes(problems)) == {
        "editorial_note",
        "unknown_placeholder",
        "no_officer",
        "missing_value",
    }


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("Noot van de redactie: nog controleren.", "Noot van de redactie"),
        ("Zie artikel 4 (NB redactie: nakijken).", "NB redactie"),
        ("De termijn is n.t.b. door de directie.", "n.t.b."),
        ("Een klacht wordt behandeld door PM.", "PM"),
        ("Ingediend bij <<naam organisatie>>.", "<<naam organisatie>>"),
        ("De termijn is nog te be\u200bpalen.", "nog te bepalen"),  # a zero-width space
        ("Dit is nog t\u043ed\u043e.", "todo"),  # Cyrillic o's
        ("Nog \uff34\uff2f\uff24\uff2f.", "TODO"),  # full-width letters
        ("In\u00adte vullen", "Inte"),  # a soft hyphen alone is no note: checked below
    ],
)
def test_r4_1_editorial_notes_are_found_however_they_are_written(written, says):
    texts = default_texts(scope_nl=f"1. {written}")
    problems = [p for p in publication_problems(texts, parameters()) if p.code == "editorial_note"]
    if says == "Inte":
        assert problems == []
        return
    assert problems, written
    assert says in str(problems[0].message)


@pytest.mark.parametrize(
    "harmless",
    [
        "1. Wij antwoorden om 14.00 uur.",
        "1. De klachtenfunctionaris (Amber Veldman) behandelt de klacht.",
        "1. Een klacht over 3 Europese vestigingen.",
        "1. Redactionele wijzigingen worden gepubliceerd.",
    ],
)
def test_r4_1_ordinary_text_is_not_taken_for_a_note_or_a_fee(harmless):
    texts = default_texts(scope_nl=harmless)
    assert publication_problems(texts, parameters()) == []


def test_r4_2_an_editorial_note_in_the_disputes_body_name_hidden_by_a_zero_width_space():
    problems = publication_problems(
        default_texts(), parameters(disputes_body_name="De Geschillencommissie (n.t.\u200bb.)")
    )
    assert [p.setting for p in problems if p.code == "editorial_note"] == ["disputes_body_name"]


# ---- each case of the check, with where it is and what the editor reads ---------


def english(texts, values) -> list[tuple]:
    """Each problem as the editor sees it (in English): code, place, setting, message."""
    with translation.override("en"):
        problems = publication_problems(texts, parameters(**values))
        return [(p.code, p.article, p.language, p.setting, str(p)) for p in problems]


def retitled(language: str, article: str, title: str) -> dict:
    texts = default_texts()
    texts[language][article] = Wording(title, texts[language][article].body)
    return texts


SCOPE_EN = "Article 2 (Scope), the English text"
SCOPE_NL = "Article 2 (Scope), the Dutch text"
NOTE = "looks like an editorial note. Finish the text or remove it."
FEE = (
    "looks like an amount of money. Handling a complaint is free of charge (article 6): "
    "no fee may appear in the regulation."
)
TOO_LONG = "use at most 120 characters for the title and 6000 for the text."

TEXT_CASES = [
    # texts, values -> the problems (code, article, language, setting, message)
    (
        retitled("en", "scope", " "),
        {},
        [("empty", "scope", "en", None, f"{SCOPE_EN}: the title is empty.")],
    ),
    (
        retitled("en", "intro", ""),
        {},
        [("empty", "intro", "en", None, "Introduction, the English text: the title is empty.")],
    ),
    (
        default_texts(scope_en=""),
        {},
        [("empty", "scope", "en", None, f"{SCOPE_EN}: the text is empty.")],
    ),
    (retitled("nl", "scope", "T" * 120), {}, []),
    (
        retitled("nl", "scope", "T" * 121),
        {},
        [("too_long", "scope", "nl", None, f"{SCOPE_NL}: {TOO_LONG}")],
    ),
    (default_texts(scope_nl="1. " + "a" * 5997), {}, []),  # 6000 characters
    (
        default_texts(scope_nl="1. " + "a" * 5998),
        {},
        [("too_long", "scope", "nl", None, f"{SCOPE_NL}: {TOO_LONG}")],
    ),
    (
        default_texts(scope_en="1. Applies \x7f here."),
        {},
        [
            (
                "control_characters",
                "scope",
                "en",
                None,
                f"{SCOPE_EN}: the text contains characters that are not allowed.",
            )
        ],
    ),
    (
        default_texts(scope_nl="1. Geldt voor iedereen}."),
        {},
        [
            (
                "loose_brace",
                "scope",
                "nl",
                None,
                f"{SCOPE_NL}: a brace “{{” or “}}” has no partner. Write placeholders like "
                "{termijn}.",
            )
        ],
    ),
    (
        default_texts(scope_en="1. Applies to everyone at {website}."),
        {"website": ""},
        [
            (
                "unfilled_placeholder",
                "scope",
                "en",
                "website",
                f"{SCOPE_EN}: {{website}} has no value. Fill in the organisation's website in the "
                "settings, or remove it.",
            )
        ],
    ),
    (
        default_texts(scope_nl="1. De termijn is tbd."),
        {},
        [("editorial_note", "scope", "nl", None, f"{SCOPE_NL}: “tbd” {NOTE}")],
    ),
    (
        default_texts(scope_nl="1. Geldt voor ???."),
        {},
        [("editorial_note", "scope", "nl", None, f"{SCOPE_NL}: “???” {NOTE}")],
    ),
    (
        default_texts(scope_nl="1. De plaats is nog te bepalen."),
        {},
        [("editorial_note", "scope", "nl", None, f"{SCOPE_NL}: “nog te bepalen” {NOTE}")],
    ),
    (
        default_texts(scope_en="1. Costs EUR 25."),
        {},
        [("fee", "scope", "en", None, f"{SCOPE_EN}: “EUR 2” {FEE}")],
    ),
    (
        default_texts(scope_en="1. Costs $10."),
        {},
        [("fee", "scope", "en", None, f"{SCOPE_EN}: “$1” {FEE}")],
    ),
    (
        default_texts(scope_en="1. Costs £ 5."),
        {},
        [("fee", "scope", "en", None, f"{SCOPE_EN}: “£ 5” {FEE}")],
    ),
    (default_texts(scope_nl="1. Een klacht over 3 Europese vestigingen."), {}, []),  # not a fee
    (
        default_texts(scope_en="1. Judged within ten working days."),
        {},
        [
            (
                "term_differs",
                "scope",
                "en",
                "term_days",
                f"{SCOPE_EN}: the text states the term “ten working days”, but the term for a "
                "judgment is 28 days. Write {termijn} instead of a fixed term.",
            )
        ],
    ),
]


@pytest.mark.parametrize(("texts", "values", "expected"), TEXT_CASES)
def test_r4_1_r6_3_each_case_of_the_publication_check(texts, values, expected):
    assert english(texts, values) == expected


def test_r4_1_an_article_missing_from_the_texts_is_empty():
    texts = default_texts()
    del texts["en"]["scope"]
    assert english(texts, {}) == [
        ("empty", "scope", "en", None, f"{SCOPE_EN}: the title is empty."),
        ("empty", "scope", "en", None, f"{SCOPE_EN}: the text is empty."),
    ]


def test_r4_2_a_language_missing_from_the_texts_states_nothing():
    texts = default_texts()
    del texts["en"]
    problems = publication_problems(texts, parameters())
    assert {(p.code, p.language) for p in problems} == {
        ("empty", "en"),
        ("missing_statement", "en"),
    }
    assert all(p.article is None for p in problems if p.code == "missing_statement")


SETTING_CASES = [
    # values -> the problems (code, setting, message)
    ({"organisation_name": " "}, [("missing_value", "name", "The organisation has no name.")]),
    ({"term_days": 1}, []),
    ({"term_days": 365}, []),
    ({"term_days": 0}, [("term_range", "term_days", "The term must be between 1 and 365 days.")]),
    ({"term_days": 366}, [("term_range", "term_days", "The term must be between 1 and 365 days.")]),
    (
        {"organisation_name": "Interactie (tbd)"},
        [
            (
                "editorial_note",
                "name",
                "The organisation's name contains “tbd”, which looks like an editorial note.",
            )
        ],
    ),
    (
        {"disputes_body_name": "De Geschillencommissie ???"},
        [
            (
                "editorial_note",
                "disputes_body_name",
                "The disputes body contains “???”, which looks like an editorial note.",
            )
        ],
    ),
]


@pytest.mark.parametrize(("values", "expected"), SETTING_CASES)
def test_r4_1_r5_5_each_setting_the_publication_check_refuses(values, expected):
    assert english(default_texts(), values) == [
        (code, None, None, setting, message) for code, setting, message in expected
    ]


def test_r4_1_every_placeholder_points_at_a_setting_the_editor_can_find():
    """An unfilled placeholder names its setting by label; none falls back to the field name.
    The one without a setting ({kosteloos}, a fixed sentence) always has a value."""
    from klachtenregeling.regulation.rules import placeholders
    from klachtenregeling.regulation.rules.publication import SETTING_LABELS

    settings = {p.setting for p in placeholders.PLACEHOLDERS.values()}
    assert settings - {""} <= set(SETTING_LABELS)
    empty = parameters(
        organisation_name="", officers=(), disputes_body_name="", contact_email="", website=""
    )
    for p in placeholders.PLACEHOLDERS.values():
        if not p.setting:
            assert all(p.value(empty, language).strip() for language in ("nl", "en")), p.name
