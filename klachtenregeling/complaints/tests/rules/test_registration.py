"""Art. 8 and Art. 3 as pure rules: subjects before an end, the cause, the list names."""

import pytest
from django.utils import translation

from klachtenregeling.complaints.constants import Satisfaction
from klachtenregeling.complaints.rules import registration
from klachtenregeling.core.errors import TransitionRefused


def test_r8_1_no_end_without_a_subject():
    with pytest.raises(TransitionRefused) as refused:
        registration.require_subjects(0)
    with translation.override("en"):
        assert "Subjects box" in str(refused.value.message)
    registration.require_subjects(1)
    registration.require_subjects(3)  # several


@pytest.mark.parametrize(
    ("cause_id", "active", "required", "refused"),
    [
        (None, {1, 2}, True, True),  # closing: a cause is required
        (None, {1, 2}, False, False),  # withdrawal, not admissible: optional
        (None, set(), True, True),  # none configured: sent to the lists page
        (1, {1, 2}, True, False),
        (3, {1, 2}, True, True),  # retired, or of another organisation
        (3, {1, 2}, False, True),  # optional, but if given then from the list
        (registration.UNKNOWN_CAUSE, {1, 2}, False, False),  # "unknown" is an answer
        (registration.UNKNOWN_CAUSE, set(), False, False),
        (registration.UNKNOWN_CAUSE, {1, 2}, True, True),  # closing: a known cause
    ],
)
def test_r3_2_cause_of_an_ending(cause_id, active, required, refused):
    errors = registration.cause_errors(cause_id, active_ids=active, required=required)
    assert bool(errors) == refused


def test_r3_2_with_no_cause_configured_the_message_names_the_lists_page():
    [message] = registration.cause_errors(None, active_ids=set(), required=True)["cause"]
    with translation.override("en"):
        assert "Subjects and causes" in str(message)


@pytest.mark.parametrize(
    ("name", "refused_because"),
    [
        ("", "Give a name."),
        ("x" * 101, "at most 100"),
        ("planning", "already is"),  # case-insensitive
        ("FACTURATIE", "put that one back in use"),  # also among retired ones
        ("Trainer", None),
        ("x" * 100, None),
    ],
)
def test_r8_1_list_names(name, refused_because):
    others = [("Planning", True), ("Facturatie", False)]
    with translation.override("en"):
        errors = registration.list_name_errors(name, others=others, kind_label="subject")
    if refused_because is None:
        assert errors == {}
    else:
        with translation.override("en"):
            assert refused_because in str(errors["name"][0])


def test_r8_1_one_subject_stays_in_use():
    with translation.override("en"), pytest.raises(TransitionRefused, match="At least one"):
        registration.require_one_subject_in_use(0)
    registration.require_one_subject_in_use(1)


# ---- What the officer reads when an ending is refused --------------------------------------


def english(errors: dict) -> dict:
    with translation.override("en"):
        return {field: [str(m) for m in messages] for field, messages in errors.items()}


@pytest.mark.parametrize(
    ("cause_id", "active", "required", "expected"),
    [
        (None, {1, 2}, True, {"cause": ["Choose the cause of the complaint."]}),
        (
            None,
            set(),
            True,
            {
                "cause": [
                    "No causes are configured yet: add them on the page Subjects and causes first."
                ]
            },
        ),
        (None, set(), False, {}),  # optional and none configured: nothing to choose
        (3, {1, 2}, False, {"cause": ["Choose a cause from the list."]}),
        (2, {1, 2}, False, {}),
    ],
)
def test_r3_2_a_refused_cause_says_what_to_do(cause_id, active, required, expected):
    errors = registration.cause_errors(cause_id, active_ids=active, required=required)
    assert english(errors) == expected


@pytest.mark.parametrize("value", [s.value for s in Satisfaction])
def test_r3_3_every_satisfaction_answer_is_accepted(value):
    assert registration.satisfaction_errors(value) == {}


@pytest.mark.parametrize("value", ["", "happy", "SATISFIED"])
def test_r3_3_satisfaction_outside_the_list_is_refused(value):
    assert english(registration.satisfaction_errors(value)) == {
        "satisfaction": ["Choose how satisfied the complainant is."]
    }


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("", "Give a name."),
        ("x" * 101, "Use at most 100 characters."),
        ("planning", "There already is a subject “Planning”."),
        (
            "FACTURATIE",
            "There already is a subject “Facturatie”, taken out of use: put that one back in "
            "use instead.",
        ),
    ],
)
def test_r8_1_a_refused_list_name_says_why(name, expected):
    others = [("Planning", True), ("Facturatie", False)]
    with translation.override("en"):
        errors = registration.list_name_errors(name, others=others, kind_label="subject")
    assert english(errors) == {"name": [expected]}


def test_r8_1_the_refusals_carry_their_codes():
    with translation.override("en"):
        with pytest.raises(TransitionRefused) as no_subject:
            registration.require_subjects(0)
        with pytest.raises(TransitionRefused) as last:
            registration.require_one_subject_in_use(0)
        assert (no_subject.value.code, str(no_subject.value)) == (
            "subjects_required",
            "Register the complaint's subject(s) first, in the Subjects box of this page.",
        )
        assert (last.value.code, last.value.field, str(last.value)) == (
            "last_subject",
            "name",
            "At least one subject must stay in use.",
        )


def test_r3_2_unknown_cause_is_stored_as_no_cause():
    assert registration.stored_cause(registration.UNKNOWN_CAUSE) is None
    assert registration.stored_cause(None) is None
    assert registration.stored_cause(7) == 7
