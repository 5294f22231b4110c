"""Art. 8 and Art. 3 as pure rules: subjects before an end, the cause, the list names."""

import pytest
from django.utils import translation

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
