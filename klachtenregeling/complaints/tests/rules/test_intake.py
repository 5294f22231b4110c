from datetime import date

import pytest
from django.utils import translation

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


# ---- every field at its maximum length and one over ----------------------------

LONGEST_EMAIL = "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 58 + ".nl"  # 254


@pytest.mark.parametrize(
    ("field", "longest", "extra"),
    [
        ("complainant_name", "N" * 200, {}),
        ("complainant_phone", "0" * 40, {}),
        ("complainant_email", LONGEST_EMAIL, {}),
        ("description", "x" * 10_000, {}),
        ("desired_outcome", "x" * 2_000, {}),
        ("engagement_description", "x" * 2_000, {}),
        ("engagement_reference", "R" * 40, {}),
        ("on_behalf_of", "C" * 200, {"is_representative": True}),
    ],
)
def test_r1_1_every_field_at_its_maximum_length_passes_and_one_over_is_refused(
    field, longest, extra
):
    assert validate_draft(draft(**{field: longest}, **extra)) == {}
    assert list(validate_draft(draft(**{field: longest + "x"}, **extra))) == [field]


def test_r1_1_the_longest_e_mail_address_is_254_characters():
    assert len(LONGEST_EMAIL) == 254


@pytest.mark.parametrize(
    "field", ["complainant_name", "description", "desired_outcome", "engagement_reference"]
)
@pytest.mark.parametrize("control", ["\x7f", "\x00", "\x1b"])
def test_r1_1_a_control_character_is_refused(field, control):
    assert list(validate_draft(draft(**{field: f"tekst {control} tekst"}))) == [field]


def test_r1_3_the_client_is_named_on_one_line():
    errors = validate_draft(draft(is_representative=True, on_behalf_of="Zorggroep\nNoord"))
    assert list(errors) == ["on_behalf_of"]


@pytest.mark.parametrize(
    ("received_on", "ok"),
    [
        (date(2025, 3, 10), True),  # exactly 365 days ago (2026 has no leap day before March)
        (date(2025, 3, 9), False),  # 366 days ago
    ],
)
def test_r1_1_a_letter_received_exactly_365_days_ago_may_be_registered(received_on, ok):
    assert (validate_received_on(received_on, date(2026, 3, 10)) == {}) is ok


# ---- What the person filling in the form reads ----------------------------------------------

INTAKE_MESSAGES = [
    # overrides -> {field: [message]}
    ({"complainant_name": "  "}, {"complainant_name": ["This field is required."]}),
    (
        {"complainant_email": ""},
        {"complainant_email": ["Enter an e-mail address, or a postal address to send letters to."]},
    ),
    ({"complainant_email": "geen-adres"}, {"complainant_email": ["Enter a valid e-mail address."]}),
    (
        {"complainant_email": LONGEST_EMAIL + "x"},
        {"complainant_email": ["Use at most 254 characters (now 255)."]},
    ),
    (
        {"complainant_phone": "bel me"},
        {"complainant_phone": ["Enter a phone number with digits, spaces, + or -."]},
    ),
    (
        {"complainant_phone": "0" * 41},
        {"complainant_phone": ["Enter a phone number with digits, spaces, + or -."]},
    ),
    (
        {"description": "tekst \x7f"},
        {"description": ["This text contains characters that are not allowed."]},
    ),
    ({"concerns": ()}, {"concerns": ["Choose at least one thing the complaint is about."]}),
    ({"concerns": ("weer",)}, {"concerns": ["Choose from the listed options."]}),
    (
        {"on_behalf_of": "Iemand anders"},
        {"on_behalf_of": ["Only fill this in when you complain on behalf of a client."]},
    ),
    (
        {"is_representative": True, "on_behalf_of": "Zorggroep\nNoord"},
        {"on_behalf_of": ["Write this on one line, without special characters."]},
    ),
    (
        {"engagement_reference": "", "engagement_description": ""},
        {
            "engagement_description": [
                "Give the engagement number or describe the engagement (training, date, place)."
            ]
        },
    ),
    (
        {"engagement_reference": "R" * 41},
        {"engagement_reference": ["Use at most 40 characters (now 41)."]},
    ),
    ({"language": "de"}, {"language": ["Choose Dutch or English."]}),
]


@pytest.mark.parametrize(("overrides", "expected"), INTAKE_MESSAGES)
def test_r1_1_a_refused_complaint_says_what_to_change(overrides, expected):
    with translation.override("en"):
        errors = validate_draft(draft(**overrides))
        assert {f: [str(m) for m in messages] for f, messages in errors.items()} == expected


@pytest.mark.parametrize(
    ("received_on", "message"),
    [
        (None, "Enter the date the complaint was received."),
        (date(2026, 3, 11), "The date of receipt cannot be in the future."),
        (date(2025, 3, 9), "The date of receipt is more than a year ago."),
    ],
)
def test_r1_1_a_refused_date_of_receipt_says_why(received_on, message):
    with translation.override("en"):
        errors = validate_received_on(received_on, date(2026, 3, 10))
        assert {f: [str(m) for m in messages] for f, messages in errors.items()} == {
            "received_on": [message]
        }
