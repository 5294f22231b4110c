"""The compliance of real complaints, brought along the procedure by the services."""

from datetime import timedelta

import pytest
from django.test import RequestFactory

from klachtenregeling.audit import access
from klachtenregeling.compliance.constants import Verdict
from klachtenregeling.compliance.selectors import compliance_for, compliance_of_open_complaints
from klachtenregeling.handling.tests import steps
from klachtenregeling.notifications.delivery import deliver_due

pytestmark = pytest.mark.django_db


def _verdicts(complaint) -> dict[str, Verdict]:
    return {f.rule: f.verdict for f in compliance_for(steps.fresh(complaint))}


def read_by(user, complaint):
    """A logged read of the dossier (R-6.2), as the dossier page writes it."""
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1")
    request.user = user
    access.dossier_read(request, complaint)


def test_resolved_complaint_meets_every_rule(submit, officer, staff_member, smtp_server):
    complaint = steps.start(submit(respondent_id=staff_member.pk), officer)
    for user in (officer, staff_member):
        read_by(user, complaint)
    complaint = steps.resolve(steps.classify(complaint, officer), officer)
    deliver_due()

    verdicts = _verdicts(complaint)

    assert complaint.status == "resolved"
    assert verdicts == {
        "R-1.1": Verdict.MET,
        "R-1.2": Verdict.MET,
        "R-2.1": Verdict.MET,
        "R-4.2": Verdict.MET,
        "R-5.1": Verdict.MET,
        "R-5.2": Verdict.MET,
        "R-5.3": Verdict.NOT_APPLICABLE,  # nothing proposed
        "R-5.4": Verdict.MET,
        "R-5.5": Verdict.MET,
        "R-5.6": Verdict.MET,
        "R-5.7": Verdict.MET,
        "R-6.2": Verdict.MET,
        "R-6.3": Verdict.MET,
        "R-7.3": Verdict.MET,
        "R-7.4": Verdict.MET,
        "R-8.1": Verdict.MET,
        "R-8.5": Verdict.NOT_YET_DUE,  # resolved, not closed: destroyed after its review
    }


def test_r5_5_open_complaint_past_its_term_is_breached(submit, officer, at):
    with at("2026-03-02 10:00"):
        complaint = steps.start(submit(), officer)
    with at("2026-03-31 09:00"):
        findings = {f.rule: f for f in compliance_for(steps.fresh(complaint))}
    r5_5 = findings["R-5.5"]
    assert r5_5.verdict == Verdict.BREACHED
    assert r5_5.since == complaint.original_deadline + timedelta(days=1)
    assert findings["R-8.1"].verdict == Verdict.AT_RISK  # no subject, term passed
    assert findings["R-5.2"].verdict == Verdict.AT_RISK  # nobody heard yet


def test_r6_2_a_step_without_a_logged_read_is_a_breach(submit, officer):
    complaint = steps.start(submit(), officer)
    assert _verdicts(complaint)["R-6.2"] == Verdict.BREACHED
    read_by(officer, complaint)
    assert _verdicts(complaint)["R-6.2"] == Verdict.MET


def test_facts_take_a_fixed_number_of_queries(submit, officer, django_assert_num_queries):
    complaint = steps.resolve(steps.start(submit(), officer), officer)
    # Events, messages, reads, and the complaint's end: not ended, nothing more.
    with django_assert_num_queries(4):
        compliance_for(complaint)


def test_open_complaints_are_checked_in_batches_of_three_queries(
    submit, officer, django_assert_num_queries
):
    for _ in range(5):
        steps.start(submit(), officer)
    # One query for the complaints (a server-side cursor), four per batch of two.
    with django_assert_num_queries(1 + 3 * 4):
        checked = list(compliance_of_open_complaints(batch=2))
    assert len(checked) == 5
    assert all(len(findings) == 17 for _complaint, findings in checked)
