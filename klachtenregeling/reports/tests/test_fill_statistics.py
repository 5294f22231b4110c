"""The data migration reports/0002_fill_statistics: one row per complaint that ended before
the rows existed, with the same figures `record_end` writes (R-8.1, R-3.2, R-3.3, R-8.3).

Rows are append-only, so the complaints are ended through the real services with
`record_end` switched off (as before the rows existed); the figures `record_end` would
write are taken in a savepoint that is rolled back, then `fill` runs with the live apps.
"""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.db import transaction

from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.complaints.constants import ExtensionReason, Satisfaction
from klachtenregeling.handling import services
from klachtenregeling.handling.services import endings
from klachtenregeling.handling.tests import steps
from klachtenregeling.reports import statistics
from klachtenregeling.reports.models import ComplaintStatistic

migration = importlib.import_module("klachtenregeling.reports.migrations.0002_fill_statistics")


class _RolledBack(Exception):
    pass


def _figures(statistic) -> dict:
    values = {
        f.attname: getattr(statistic, f.attname)
        for f in statistic._meta.concrete_fields
        if f.name not in ("id", "recorded_at")
    }
    values["subjects"] = sorted(statistic.subjects.values_list("pk", flat=True))
    values["concerns"] = sorted(statistic.concerns.values_list("concern", flat=True))
    values["extensions"] = sorted(statistic.extensions.values_list("number", "reason_category"))
    return values


def _what_record_end_writes(complaint) -> dict:
    try:
        with transaction.atomic():
            figures = _figures(statistics.record_end(complaint))
            raise _RolledBack
    except _RolledBack:
        pass
    return figures


@pytest.fixture
def ended_before_the_rows(monkeypatch, submit, officer, staff_member):
    monkeypatch.setattr(endings, "record_end", lambda complaint: None)
    complaint = steps.start(submit(respondent_id=staff_member.pk), officer)
    general_complaint = steps.start(submit(), officer)
    closed = steps.classify(complaint, officer, names=("Planning", "Trainer"))
    complaint_services.complaint_extend_deadline(
        complaint=closed,
        new_deadline=closed.deadline + timedelta(days=14),
        reason="Wachten op stukken van de opdrachtgever.",
        reason_category=ExtensionReason.INFORMATION,
        by=officer,
    )
    closed = steps.resolve(steps.fresh(closed), officer)
    services.complaint_close(
        complaint=closed,
        cause_id=steps.cause_for(closed, officer),
        satisfaction=Satisfaction.SATISFIED,
        by=officer,
    )
    ruled = steps.refer(
        steps.unresolve(steps.classify(general_complaint, officer), officer), officer
    )
    services.ruling_record(
        complaint=ruled,
        ruling_on=ruled.received_at.date(),
        outcome="settled",
        text="Geschikt.",
        cause_id=steps.cause_for(ruled, officer, name="Planning"),
        by=officer,
    )
    withdrawn = steps.start(submit(), officer)
    services.complaint_withdraw_by_complainant(
        complaint=withdrawn, reason="", satisfaction="partly", link=steps.link_for(withdrawn)
    )
    refused = steps.classify(steps.start(submit(), officer), officer)
    services.complaint_declare_not_admissible(complaint=refused, reasons="Geen klacht.", by=officer)
    monkeypatch.undo()
    return [steps.fresh(c) for c in (closed, ruled, withdrawn, refused)]


def test_r8_3_fill_writes_one_row_per_ended_complaint_with_the_same_figures(
    ended_before_the_rows, submit
):
    still_open = submit()
    assert not ComplaintStatistic.objects.exists()
    expected = {c.pk: _what_record_end_writes(c) for c in ended_before_the_rows}

    migration.fill(apps, None)
    migration.fill(apps, None)  # a second run adds nothing

    rows = ComplaintStatistic.objects.all()
    assert sorted(r.complaint_id for r in rows) == sorted(expected)
    assert not rows.filter(complaint=still_open).exists()
    for row in rows:
        assert _figures(row) == expected[row.complaint_id], row.complaint_id
