"""R-8.3: the demo's reports page has a year and a half of anonymous history."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from klachtenregeling.demo.report_history import add_report_history
from klachtenregeling.reports.models import ComplaintStatistic
from tests.factories import SubjectFactory

QUERIES_PER_ROW = 5


def test_r8_3_demo_history_is_added_once_with_a_few_queries_a_row_and_without_complaints(org):
    for name in ("Trainer", "Facturatie"):
        SubjectFactory(organisation=org, name=name)
    # Cheap enough for every `make run`: a fixed handful of queries a row (the statistics
    # row and its lists), nothing that grows with the organisation's data. (A count, not a
    # time: a timed assertion fails on a loaded machine.)
    with CaptureQueriesContext(connection) as queries:
        added = add_report_history(org)
    assert 150 < added < 400
    assert len(queries) <= QUERIES_PER_ROW * added + 5
    assert add_report_history(org) == 0  # idempotent
    rows = ComplaintStatistic.objects.filter(organisation=org)
    assert rows.count() == added and not rows.exclude(complaint=None).exists()
    assert rows.filter(extensions_count__gt=0).exists() and rows.filter(outcome="referred").exists()
