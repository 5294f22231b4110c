"""The worst compliance status stored on each complaint (issue 14): written with every case
event, refreshed daily, always equal to the recomputation from the dossier."""

import pytest
from django.db import connection

from klachtenregeling.complaints.constants import OPEN_STATUSES, ComplianceStatus
from klachtenregeling.compliance.selectors import compliance_for
from klachtenregeling.compliance.stored import compliance_refresh_all, worst
from klachtenregeling.handling.services.endings import complaint_withdraw_by_complainant
from klachtenregeling.handling.tests import steps
from klachtenregeling.notifications.delivery import deliver_due

from .test_selectors import read_by

pytestmark = pytest.mark.django_db


def _stored(complaint) -> tuple[int, str]:
    current = steps.fresh(complaint)
    return current.compliance_status, current.compliance_rule


def _recomputed(complaint) -> tuple[int, str]:
    return worst(compliance_for(steps.fresh(complaint)))


@pytest.fixture
def complaints(submit, officer, staff_member, at, smtp_server):
    """Complaints at several stages of the procedure, all received on 2 March 2026
    (deadline 30 March)."""
    with at("2026-03-02 10:00"):
        received = submit()
        started = steps.start(submit(), officer)  # a step without a logged read
        read = steps.start(submit(respondent_id=staff_member.pk), officer)
        read_by(officer, read)
        read = steps.hear_both(steps.notify(read, officer), officer, staff_member)
        resolved = steps.start(submit(respondent_id=staff_member.pk), officer)
        for user in (officer, staff_member):
            read_by(user, resolved)
        resolved = steps.resolve(steps.classify(resolved, officer), officer)
        withdrawn = submit()
        complaint_withdraw_by_complainant(
            complaint=withdrawn, reason="Opgelost.", link=steps.link_for(withdrawn)
        )
        deliver_due()
    return [received, started, read, resolved, withdrawn]


def test_stored_status_is_the_recomputation_after_steps(complaints, at):
    with at("2026-03-02 18:00"):
        for complaint in complaints:
            assert _stored(complaint) == _recomputed(complaint), complaint.reference
    received, started, *_ = complaints
    assert _stored(started) == (ComplianceStatus.BREACHED, "R-6.2")
    assert steps.fresh(started).compliance_breached_at is not None
    assert steps.fresh(received).compliance_breached_at is None


def test_daily_refresh_follows_time_and_is_idempotent(complaints, at):
    open_ = [c for c in complaints if steps.fresh(c).status in OPEN_STATUSES]
    with at("2026-03-26 09:00"):  # four days before the deadline: at risk
        # The open ones, and the ended one whose verdicts were marked to be checked again
        # (its messages were delivered after it ended).
        assert compliance_refresh_all() == len(complaints)
        assert compliance_refresh_all() == 0  # once a day
        for complaint in complaints:
            assert _stored(complaint) == _recomputed(complaint), complaint.reference
        assert _stored(complaints[0])[0] == ComplianceStatus.AT_RISK
    with at("2026-03-31 09:00"):  # the term passed without a judgment: breached
        assert compliance_refresh_all() == len(open_)  # the withdrawn one waits for a review
        for complaint in open_:
            assert _stored(complaint) == _recomputed(complaint), complaint.reference
        assert _stored(complaints[0]) == (ComplianceStatus.BREACHED, "R-5.5")


def test_breach_moment_is_kept_while_breached(submit, officer, at):
    with at("2026-03-02 10:00"):
        complaint = steps.start(submit(), officer)
    first = steps.fresh(complaint).compliance_breached_at
    with at("2026-03-31 09:00"):
        compliance_refresh_all()
    assert steps.fresh(complaint).compliance_breached_at == first  # still breached: no news


def test_refresh_queries_do_not_grow_with_the_number_of_complaints(
    submit, at, django_assert_max_num_queries
):
    with at("2026-03-02 10:00"):
        for _ in range(3):
            submit()
    # Per batch: the locked read, four for the facts (nothing ended), one UPDATE, a
    # savepoint and its release; then the read that finds nothing more.
    per_batch, last = 8, 3
    with at("2026-03-03 09:00"), django_assert_max_num_queries(per_batch + last):
        assert compliance_refresh_all() == 3
    with at("2026-03-02 10:00"):
        for _ in range(9):
            submit()
    with at("2026-03-04 09:00"), django_assert_max_num_queries(per_batch + last):
        assert compliance_refresh_all() == 12
    with at("2026-03-05 09:00"), django_assert_max_num_queries(3 * per_batch + last):
        assert compliance_refresh_all(batch=5) == 12  # three batches of at most five


def test_message_events_only_recompute_when_not_in_order(submit, officer):
    complaint = submit()
    assert _stored(complaint) == (ComplianceStatus.FINE, "")
    verdicts = steps.fresh(complaint).compliance_verdicts
    assert "R-7.3:y" in verdicts  # the acknowledgement is waiting to be delivered
    deliver_due()  # message sent: nothing can get worse, so no recomputation ...
    assert _stored(complaint) == _recomputed(complaint)
    assert steps.fresh(complaint).compliance_verdicts == verdicts
    # ... but the stored verdicts are marked to be checked again (R-7.3 is now met).
    assert steps.fresh(complaint).compliance_checked_at is None
    compliance_refresh_all()
    assert "R-7.3:m" in steps.fresh(complaint).compliance_verdicts


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's EXPLAIN QUERY PLAN")
def test_dashboard_first_page_is_an_index_scan(officer):
    from klachtenregeling.complaints.selectors import DashboardFilter, complaint_list_for_officer

    queryset = complaint_list_for_officer(officer, DashboardFilter())[:25]
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " | ".join(str(row[-1]) for row in cursor.fetchall())
    assert "USING INDEX complaint_officer_attention" in plan, plan
    assert "TEMP B-TREE" not in plan, plan  # no sort: the index gives the order
