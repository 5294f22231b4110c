"""The shared pieces every step stands on: a step saves once and raises the version once;
the guards that refuse a step in the services are the ones the dossier panel asks; the
forms of the panel and of the step's view come from one registry."""

import pytest
from django.test import RequestFactory

from klachtenregeling.complaints.constants import Status
from klachtenregeling.complaints.services.state import locked, save_step
from klachtenregeling.core import clock
from klachtenregeling.core.errors import TransitionRefused
from klachtenregeling.handling import guards, selectors, services
from klachtenregeling.handling.step_forms import PREFIXES, STEP_FORMS, empty_form, posted_form

from . import steps

pytestmark = pytest.mark.django_db


def _version_after(complaint, step) -> int:
    before = steps.fresh(complaint).version
    step(steps.fresh(complaint))
    return steps.fresh(complaint).version - before


def test_r4_3_referral_raises_the_version_once(complaint, officer):
    complaint = steps.unresolve(complaint, officer)
    raised = _version_after(
        complaint,
        lambda c: services.referral_record(
            complaint=c, referred_on=clock.today(), body_reference="", by=officer
        ),
    )
    assert raised == 1


def test_r3_2_an_ending_with_its_cause_raises_the_version_once(complaint, officer):
    complaint = steps.resolve(complaint, officer)
    steps.classify(complaint, officer)
    cause = steps.cause_for(complaint, officer)
    raised = _version_after(
        complaint,
        lambda c: services.complaint_close(
            complaint=c, cause_id=cause, satisfaction="satisfied", by=officer
        ),
    )
    assert raised == 1
    assert steps.fresh(complaint).status == Status.CLOSED


def test_save_step_twice_in_one_step_is_a_programming_error(complaint):
    from django.db import transaction

    with transaction.atomic():
        current = locked(complaint)
        save_step(current)
        with pytest.raises(RuntimeError, match="twice"):
            save_step(current)


@pytest.mark.parametrize("guard", [guards.judge, guards.close, guards.refer, guards.sign])
def test_the_panel_offers_a_step_exactly_when_the_service_guard_lets_it(complaint, guard):
    """In handling (not heard, not judged): the panel and the service agree."""
    procedure = selectors.procedure(steps.fresh(complaint))
    offered = procedure.allows(guard)
    assert offered is guards.allowed(guard, steps.fresh(complaint))
    assert offered is False
    with pytest.raises(TransitionRefused):
        guard(steps.fresh(complaint))


def test_guard_names_why_the_person_complained_about_cannot_be_informed_twice(complaint, officer):
    complaint = steps.notify(complaint, officer)
    with pytest.raises(TransitionRefused, match="al geïnformeerd"):
        guards.notify_respondent(complaint)
    assert not selectors.procedure(complaint).may_notify_respondent


def test_every_step_form_is_made_empty_and_from_a_request_by_the_registry(complaint, officer):
    request = RequestFactory().post("/", {})
    request.user = officer
    for name in STEP_FORMS:
        empty = empty_form(name, complaint, officer)
        posted = posted_form(name, request, complaint)
        assert type(empty) is type(posted)
        assert empty.prefix == PREFIXES[name]
        if "version" in empty.fields and STEP_FORMS[name].versioned:
            assert empty.initial["version"] == complaint.version
