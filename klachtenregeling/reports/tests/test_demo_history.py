"""R-8.3: the demo's reports page has a year and a half of anonymous history."""

import time

from klachtenregeling.demo.report_history import add_report_history
from klachtenregeling.reports.models import ComplaintStatistic
from tests.factories import SubjectFactory


def test_r8_3_demo_history_is_added_once_quickly_and_without_complaints(org):
    for name in ("Trainer", "Facturatie"):
        SubjectFactory(organisation=org, name=name)
    start = time.perf_counter()
    added = add_report_history(org)
    elapsed = time.perf_counter() - start
    assert 150 < added < 400
    assert elapsed < 2.0
    assert add_report_history(org) == 0  # idempotent
    rows = ComplaintStatistic.objects.filter(organisation=org)
    assert rows.count() == added and not rows.exclude(complaint=None).exists()
    assert rows.filter(extensions_count__gt=0).exists() and rows.filter(outcome="referred").exists()
