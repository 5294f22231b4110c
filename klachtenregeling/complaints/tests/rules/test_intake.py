from datetime import date

import pytest

from klachtenregeling.complaints.constants import Concern
from klachtenregeling.complaints.rules.intake import (
    ComplaintDraft,
    unique_concerns,
    validate_draft,
    validate_received_on,
)


def draft(**overrides) -> ComplaintDraft:
    values = {
        "complainant_name": "Marieke Jonker",
        "complainant_email": "marieke@example.org",
        "description": "De training begon te laat.",
        "concerns": (Concern.PERFORMANCE,),
        "engagement_reference": "OPD-1",
    }
    return ComplaintDraft(**{**values, **overrides})


def test_a_complete_draft_is_valid():
    assert validate_draft(draft()) == {}


@pytest.mark.parametrize("concern", Concern.values)
def test_r1_2_each_concern_alone_is_enough(concern):
    assert validate_draft(draft(concerns=(concern,))) == {}


def test_r1_2_at_least_one_concern():
    assert "concerns" in validate_draft(draft(concerns=()))


def test_r1_2_unknown_concern_refused():
    assert "concerns" in validate_draft(draft(concerns=("weather",)))


def test_r1_2_several_concerns_kept_once_in_regulation_order():
    assert unique_concerns(["invoice", "forming", "invoice"]) == ("forming", "invoice")


def test_r1_3_representative_must_name_the_client():
    errors = validate_draft(draft(is_representative=True, on_behalf_of="  "))
    assert "on_behalf_of" in errors
    assert validate_draft(draft(is_representative=True, on_behalf_of="Zorggroep Noord")) == {}


def test_r1_3_client_complaining_themselves_names_nobody_else():
    assert "on_behalf_of" in validate_draft(draft(on_behalf_of="Iemand anders"))


def test_r2_1_engagement_chosen_or_described():
    errors = validate_draft(draft(engagement_reference="", engagement_description=""))
    assert "engagement_description" in errors
    assert validate_draft(draft(engagement_reference="", engagement_description="Training X")) == {}
    assert validate_draft(draft(engagement_reference="", engagement_id=5)) == {}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("complainant_name", ""),
        ("complainant_name", "x" * 201),
        ("complainant_email", "not-an-address"),
        ("complainant_email", ""),
        ("complainant_phone", "call me maybe"),
        ("description", "   "),
        ("description", "x" * 10_001),
        ("description", "text with a NUL \x00 byte"),
        ("desired_outcome", "x" * 2_001),
        ("language", "de"),
    ],
)
def test_bad_input_is_refused_with_the_field_named(field, value):
    assert field in validate_draft(draft(**{field: value}))


def test_html_is_just_text_for_the_rules():
    assert validate_draft(draft(description="<script>alert('x')</script>")) == {}


@pytest.mark.parametrize(
    ("received_on", "ok"),
    [
        (date(2026, 3, 10), True),  # today
        (date(2026, 2, 20), True),  # a letter from some weeks ago
        (date(2026, 3, 11), False),  # tomorrow
        (date(2025, 3, 9), False),  # more than a year ago
        (None, False),
    ],
)
def test_r1_1_registered_complaint_keeps_its_date_of_receipt(received_on, ok):
    assert (validate_received_on(received_on, date(2026, 3, 10)) == {}) is ok


@pytest.mark.parametrize(
    "name",
    ["Zie https://example.net", "www.example.net", "info@example.net", "Jan via evil.com"],
)
def test_r1_1_a_name_with_a_web_or_e_mail_address_is_refused(name):
    """The name is repeated in the acknowledgement sent to the address typed beside it: a
    link as a name would be relayed under the organisation's name."""
    errors = validate_draft(draft(complainant_name=name))
    assert list(errors) == ["complainant_name"]


@pytest.mark.parametrize("name", ["J.R. de Vries", "Anne-Marie van 't Hof", "Dr. A. Ösz"])
def test_r1_1_ordinary_names_pass(name):
    assert validate_draft(draft(complainant_name=name)) == {}
