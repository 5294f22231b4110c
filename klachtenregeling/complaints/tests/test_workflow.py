"""R-7.4 and Art. 5: the complaint's flow, checked for every (from, to) pair of statuses.

ALLOWED below is the specification, written out by hand from the regulation and
reviewed like it; the TRANSITIONS table in workflow.py must say exactly the same.
"""

import itertools

import pytest
from django.utils import translation

from klachtenregeling.complaints import workflow
from klachtenregeling.complaints.constants import (
    AWAITING_JUDGMENT,
    FINAL_STATUSES,
    OPEN_STATUSES,
    Status,
)
from klachtenregeling.core import clock
from klachtenregeling.core.errors import TransitionRefused

ALLOWED = {
    # received: taken into handling, withdrawn, or not a complaint at all
    ("received", "in_handling"),
    ("received", "withdrawn"),
    ("received", "not_admissible"),
    # without a judgment: once the (extended) term passed (guard: REFERRAL_GUARDED)
    ("received", "referred"),
    ("in_handling", "referred"),
    ("hearing", "referred"),
    # in handling: the hearing starts
    ("in_handling", "hearing"),
    ("in_handling", "withdrawn"),
    ("in_handling", "not_admissible"),
    # hearing both sides: the judgment is sent
    ("hearing", "judged"),
    ("hearing", "withdrawn"),
    ("hearing", "not_admissible"),
    # judgment sent: signed by all, not accepted, or withdrawn
    ("judged", "resolved"),
    ("judged", "unresolved"),
    ("judged", "withdrawn"),
    # no answer to the judgment after the reminder and a second period
    ("judged", "closed"),
    # resolved: closed with cause and satisfaction
    ("resolved", "closed"),
    # not resolved: to the disputes body, or closed without it
    ("unresolved", "referred"),
    ("unresolved", "closed"),
    # with the disputes body: the ruling closes it
    ("referred", "closed"),
    # not admissible: the disputes body may still take it (R-4.3: the company responded)
    ("not_admissible", "referred"),
    # closed, withdrawn: final, nothing further
}

STATUSES = [s.value for s in Status]
PAIRS = list(itertools.product(STATUSES, STATUSES))


def test_r7_4_the_specification_covers_all_hundred_pairs():
    assert len(STATUSES) == 10
    assert len(PAIRS) == 100
    assert {s for pair in ALLOWED for s in pair} <= set(STATUSES)


@pytest.mark.parametrize(("current", "target"), PAIRS, ids=[f"{a}->{b}" for a, b in PAIRS])
def test_r7_4_transition_allowed_exactly_as_specified(current, target):
    expected = (current, target) in ALLOWED
    assert workflow.can_transition(current, target) is expected
    if expected:
        workflow.require_transition(current, target)  # no error
    else:
        with pytest.raises(TransitionRefused):
            workflow.require_transition(current, target)


def test_r7_4_table_equals_the_specification():
    table = {
        (source, target) for source, targets in workflow.TRANSITIONS.items() for target in targets
    }
    assert table == ALLOWED
    assert set(workflow.TRANSITIONS) == set(STATUSES)


@pytest.mark.parametrize("status", STATUSES)
def test_r7_4_no_status_goes_to_itself(status):
    assert not workflow.can_transition(status, status)


# the one way on from a final status.
AFTER_FINAL = {"not_admissible": frozenset({"referred"})}


@pytest.mark.parametrize("status", sorted(FINAL_STATUSES))
def test_r7_4_final_statuses_are_read_only(status):
    way_on = AFTER_FINAL.get(status, frozenset())
    assert workflow.TRANSITIONS[status] == way_on
    assert {t for t in STATUSES if workflow.can_transition(status, t)} == set(way_on)


def test_r7_4_every_open_status_has_a_way_out_and_every_status_is_reachable():
    for status in OPEN_STATUSES:
        assert workflow.TRANSITIONS[status], status
    reachable, todo = {Status.RECEIVED.value}, [Status.RECEIVED.value]
    while todo:
        for target in workflow.TRANSITIONS[todo.pop()]:
            if target not in reachable:
                reachable.add(target)
                todo.append(target)
    assert reachable == set(STATUSES)


def test_r5_6_no_judgment_status_without_the_hearing():
    """Only 'hearing both sides' leads to 'judgment sent' (R-5.2 before R-5.6)."""
    assert {a for a, b in ALLOWED if b == Status.JUDGED} == {Status.HEARING}
    assert {a for a, b in ALLOWED if b == Status.RESOLVED} == {Status.JUDGED}
    assert {a for a, b in ALLOWED if b == Status.REFERRED} == {
        Status.UNRESOLVED,
        Status.NOT_ADMISSIBLE,
        *AWAITING_JUDGMENT,  # once the term passed without a judgment
    }


def test_r5_5_awaiting_judgment_statuses_are_before_the_judgment():
    assert {Status.RECEIVED, Status.IN_HANDLING, Status.HEARING} == AWAITING_JUDGMENT


def test_unknown_status_goes_nowhere():
    assert not workflow.can_transition("bogus", Status.CLOSED)


# The steps that keep the status, and the statuses in which each may be taken (the
# specification, by hand). Every step set is checked against all ten statuses: adding
# "received" to the proposal set or "resolved" to the case-file set fails here.
STEP_SETS = {
    "HEARING_ALLOWED": {"in_handling", "hearing"},  # statements of both sides
    "JUDGMENT_ALLOWED": {"hearing", "judged"},  # the judgment, and its revision
    "SOLUTION_ALLOWED": {"in_handling", "hearing"},  # a proposal or an update
    "SIGNING_ALLOWED": {"judged"},  # the three signatures
    # the case file; awaiting a judgment too once the term passed (guarded)
    "REFERRAL_ALLOWED": {"unresolved", "referred", "not_admissible"},
    "REFERRAL_GUARDED": {"received", "in_handling", "hearing"},
    "CLOSING_ALLOWED": {"resolved", "unresolved"},
    "RULING_ALLOWED": {"referred"},  # the ruling of the disputes body closes it
}
STEP_CASES = [(name, status) for name in STEP_SETS for status in STATUSES]


def test_r7_4_the_step_sets_are_exactly_the_specified_ones():
    assert {name: set(getattr(workflow, name)) for name in STEP_SETS} == STEP_SETS
    for name in STEP_SETS:
        # nothing happens to a final one — but a not admissible one may go on
        allowed = {"not_admissible"} if name == "REFERRAL_ALLOWED" else set()
        assert getattr(workflow, name) & FINAL_STATUSES == allowed


@pytest.mark.parametrize(("name", "status"), STEP_CASES, ids=[f"{n}-{s}" for n, s in STEP_CASES])
def test_r7_4_steps_that_keep_the_status(name, status):
    allowed = getattr(workflow, name)
    if status in STEP_SETS[name]:
        workflow.require_status(status, allowed)
        return
    with translation.override("en"):
        with pytest.raises(TransitionRefused) as refused:
            workflow.require_status(status, allowed)
        label = Status(status).label
        assert str(refused.value) == (
            f"This step is not possible while the complaint has status “{label}”."
        )


@pytest.mark.parametrize(
    ("current", "target", "message"),
    [
        (
            "received",
            "judged",
            "A complaint with status “received” cannot go to status “judgment sent”.",
        ),
        (
            "closed",
            "in_handling",
            "A complaint with status “closed” cannot go to status “in handling”.",
        ),
        (
            "unresolved",
            "resolved",
            "A complaint with status “not resolved” cannot go to status “resolved”.",
        ),
    ],
)
def test_r7_4_a_refused_transition_names_both_statuses(current, target, message):
    with translation.override("en"):
        with pytest.raises(TransitionRefused) as refused:
            workflow.require_transition(current, target)
        assert str(refused.value) == message


def test_r7_4_mermaid_diagram_shows_every_allowed_edge():
    diagram = workflow.mermaid()
    lines = set(diagram.splitlines())
    assert diagram.startswith("stateDiagram-v2")
    assert "    [*] --> received" in lines
    for source, target in ALLOWED:
        assert f"    {source} --> {target}" in lines
    for status in FINAL_STATUSES:
        assert f"    {status} --> [*]" in lines
    edges = [line for line in lines if "-->" in line and "[*]" not in line]
    assert len(edges) == len(ALLOWED)  # and nothing else


@pytest.mark.parametrize("status", Status.values)
def test_r7_1_urgency_follows_the_status_in_the_database(submit, status):
    """Complaint.urgency is computed by the database from the status (the dashboard's order)."""
    from klachtenregeling.complaints.constants import AWAITING_JUDGMENT, OPEN_STATUSES
    from klachtenregeling.complaints.models import Complaint

    complaint = submit()
    closed = clock.now() if status not in OPEN_STATUSES else None
    Complaint.objects.filter(pk=complaint.pk).update(status=status, closed_at=closed)
    expected = 0 if status in AWAITING_JUDGMENT else 1 if status in OPEN_STATUSES else 2
    assert Complaint.objects.get(pk=complaint.pk).urgency == expected
