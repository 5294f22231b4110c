"""R-5.6, R-5.7: the judgment's canonical text and the hash every signature binds to."""

import hashlib

import pytest

from klachtenregeling.handling.constants import Verdict
from klachtenregeling.handling.rules.judgment import (
    canonical_text,
    clean_recommendations,
    text_sha256,
)

BASE = {
    "verdict": Verdict.WELL_FOUNDED,
    "reasoning": "De training begon te laat.",
    "recommendations": ["Start op tijd."],
}


def test_r5_6_canonical_text_form():
    text = canonical_text(
        verdict=Verdict.PARTLY,
        reasoning="  Deels terecht.\n",
        recommendations=[" Eerder beginnen ", "Vaker evalueren"],
    )
    assert text == (
        "verdict: partly_well_founded\n\nDeels terecht.\n\n"
        "recommendation 1: Eerder beginnen\n\nrecommendation 2: Vaker evalueren"
    )


@pytest.mark.parametrize("verdict", Verdict.values)
def test_r5_6_every_verdict_has_a_canonical_text(verdict):
    text = canonical_text(verdict=verdict, reasoning="x", recommendations=[])
    assert text == f"verdict: {verdict}\n\nx"


def test_r5_6_unknown_verdict_is_refused():
    with pytest.raises(ValueError):
        canonical_text(verdict="maybe", reasoning="x", recommendations=[])


def test_r5_7_hash_is_sha256_of_the_canonical_text():
    expected = hashlib.sha256(canonical_text(**BASE).encode("utf-8")).hexdigest()
    assert text_sha256(**BASE) == expected
    assert len(expected) == 64


@pytest.mark.parametrize(
    ("change", "same"),
    [
        ({}, True),  # the same judgment, the same hash
        ({"reasoning": "  De training begon te laat.  \n"}, True),  # outer whitespace ignored
        ({"reasoning": "De training begon te laat.\r\n"}, True),  # a trailing CRLF too
        ({"reasoning": "De training\r\nbegon te laat."}, False),  # but not an inner line break
        ({"verdict": Verdict.UNFOUNDED}, False),  # another verdict
        ({"verdict": Verdict.PARTLY}, False),
        ({"reasoning": "De training begon te laat!"}, False),  # one character
        ({"recommendations": []}, False),  # a recommendation dropped
        ({"recommendations": ["Start op tijd.", "Bel vooraf."]}, False),  # one added
        ({"recommendations": [" Start op tijd. "]}, True),  # trimmed per item
    ],
)
def test_r5_7_a_changed_judgment_has_another_hash(change, same):
    assert (text_sha256(**{**BASE, **change}) == text_sha256(**BASE)) is same


def test_r5_7_order_of_recommendations_matters():
    one = text_sha256(verdict=Verdict.UNFOUNDED, reasoning="r", recommendations=["a", "b"])
    two = text_sha256(verdict=Verdict.UNFOUNDED, reasoning="r", recommendations=["b", "a"])
    assert one != two


def test_r5_7_crlf_and_lf_reasoning_hash_alike():
    lf = text_sha256(verdict=Verdict.UNFOUNDED, reasoning="a\nb", recommendations=[])
    crlf = text_sha256(verdict=Verdict.UNFOUNDED, reasoning="a\r\nb", recommendations=[])
    assert lf == crlf


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([], []),
        (["", "  ", "\t"], []),  # blank lines are no recommendations
        ([" a ", "", "b"], ["a", "b"]),  # trimmed, order kept
        (["b", "a", "b"], ["b", "a", "b"]),  # duplicates are kept (the officer's choice)
    ],
)
def test_r3_5_one_recommendation_per_non_empty_line(lines, expected):
    assert clean_recommendations(lines) == expected
