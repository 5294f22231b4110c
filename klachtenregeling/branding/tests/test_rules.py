"""Colours stay readable: WCAG 2.1 AA, white text needs 4.5:1 (table, no database)."""

import pytest

from klachtenregeling.branding.rules import (
    WHITE,
    colour_problem,
    contrast_ratio,
    darker,
    lowest_contrast,
    parse_colour,
    rgb,
)


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("#0B5CAB", "#0b5cab"),
        ("0b5cab", "#0b5cab"),
        ("#08c", "#0088cc"),
        (" #123456 ", "#123456"),
        ("#12345", None),
        ("red", None),
        ("#0b5cab;} body{display:none", None),  # nothing but a colour reaches the stylesheet
        ("", None),
    ],
)
def test_colours_are_hex_codes(value, parsed):
    assert parse_colour(value) == parsed


@pytest.mark.parametrize(
    ("colour", "ratio"),
    [
        ("#000000", 21.0),
        ("#ffffff", 1.0),
        ("#767676", 4.54),  # the lightest grey that passes on pure white
        ("#0b5cab", 6.70),
    ],
)
def test_contrast_with_white_as_wcag_defines_it(colour, ratio):
    assert contrast_ratio(rgb(colour), WHITE) == pytest.approx(ratio, abs=0.01)


@pytest.mark.parametrize(
    ("colour", "accepted"),
    [
        ("#0b5cab", True),  # the application's own blue
        ("#084a8a", True),
        ("#1b6e3a", True),
        ("#000000", True),
        ("#ffbf47", False),  # yellow: 1.7:1
        ("#3399ff", False),
        ("#767676", False),  # passes on white, not on the page background
        ("#707070", True),
        ("#ff0000", False),  # 4.0:1
    ],
)
def test_colours_that_fail_accessibility_are_refused(colour, accepted):
    assert (colour_problem(colour) is None) == accepted
    assert (lowest_contrast(colour) >= 4.5) == accepted


def test_the_refusal_says_why_in_dutch():
    from django.utils import translation

    with translation.override("nl"):
        message = str(colour_problem("#ff0000"))
    assert message == (
        "#ff0000 heeft te weinig contrast met wit: 3,75:1, terwijl minstens 4,5:1 nodig is om "
        "leesbaar te blijven (WCAG AA). Kies een donkerdere kleur."
    )
    assert colour_problem("") is None


def test_the_hover_shade_is_darker_and_so_more_readable():
    assert darker("#0b5cab") == "#094a89"
    assert lowest_contrast(darker("#0b5cab")) > lowest_contrast("#0b5cab")
