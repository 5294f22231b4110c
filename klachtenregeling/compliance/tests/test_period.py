"""R-8.3 / R-8.4 (issue 14): the regulation held against a period's complaints, rule by
rule — the table, its place in the periodic report (page, PDF, CSV, frozen content), the
yearly review, and the period's compliance statement."""

import re
from collections import Counter
from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from klachtenregeling.complaints.models import Complaint
from klachtenregeling.compliance.constants import Verdict
from klachtenregeling.compliance.selectors import compliance_for, compliance_table
from klachtenregeling.compliance.stored import compliance_refresh_all, mark_for_recheck
from klachtenregeling.handling.tests import steps
from klachtenregeling.reports import services as report_services
from klachtenregeling.reports.constants import PeriodKind
from klachtenregeling.reports.models import Report
from klachtenregeling.reports.periods import Period
from klachtenregeling.reports.tests import data
from klachtenregeling.reviews import services as review_services

pytestmark = pytest.mark.django_db

Q1 = Period(kind=PeriodKind.QUARTER, start=date(2026, 1, 1), end=date(2026, 3, 31))
Q1_QUERY = "?kind=quarter&year=2026&quarter=1"
TODAY = "2026-04-02 12:00"
JUDGMENT_IN_TERM = "Article 5: a judgment within the term"


@pytest.fixture
def period_complaints(submit, officer, at):
    """Received in Q1 2026: two resolved in time, two still open past their term (R-5.5
    breached), two received at the end of March (not yet due on 2 April); one received in
    April (outside the period) and ten ended complaints of Q1 destroyed (statistics only)."""
    made = []
    for moment in ("2026-01-12 10:00", "2026-02-02 10:00"):
        with at(moment):
            complaint = steps.classify(steps.start(submit(), officer), officer)
            made.append(steps.resolve(complaint, officer))
    for moment in ("2026-02-10 10:00", "2026-02-11 15:00"):
        with at(moment):
            made.append(steps.start(submit(), officer))
    for moment in ("2026-03-30 09:00", "2026-03-31 23:30"):
        with at(moment):
            made.append(steps.start(submit(), officer))
    with at("2026-04-01 00:30"):
        steps.start(submit(), officer)  # received in Q2 (Amsterdam time)
    data.generate(officer.organisation, n=10, first=date(2026, 1, 1), last=date(2026, 3, 31))
    return made


def _expected(complaints) -> dict[str, Counter]:
    counts: dict[str, Counter] = {}
    for complaint in complaints:
        for finding in compliance_for(Complaint.objects.get(pk=complaint.pk)):
            counts.setdefault(finding.rule, Counter())[finding.verdict] += 1
    return counts


def _finalise(org, officer):
    return report_services.report_finalise(
        organisation=org,
        period=Q1,
        introduction="Het kwartaal verliep rustig.",
        recommendations=[],
        by=officer,
    )


def _text(pdf: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", text)


def test_r8_3_compliance_table_equals_the_checks_per_complaint(org, period_complaints, at):
    with at(TODAY):
        table = compliance_table(org, Q1, batch=4)
        expected = _expected(period_complaints)
    expected["R-8.5"][Verdict.MET] += 10  # the destroyed ones: their destruction records

    assert table["checked"] == 6
    assert table["destroyed"] == 10
    assert table["as_of"] == "2026-04-02"
    assert [row["rule"] for row in table["rows"]] == list(expected)
    for row in table["rows"]:
        assert {v: row[v] for v in Verdict.values} == {
            v: expected[row["rule"]][v] for v in Verdict.values
        }, row["rule"]
        assert sum(row[v] for v in Verdict.values) == (16 if row["rule"] == "R-8.5" else 6)
    r5_5 = next(row for row in table["rows"] if row["rule"] == "R-5.5")
    assert (r5_5["met"], r5_5["breached"], r5_5["not_yet_due"]) == (2, 2, 2)
    assert r5_5["title"] == JUDGMENT_IN_TERM
    assert table["chain_verified"] == 6


def test_r5_5_compliance_table_counts_overdue_complaints_as_breached(org, period_complaints, at):
    with at("2026-03-01 12:00"):  # before the open ones' term ran out
        early = compliance_table(org, Q1)
    with at(TODAY):
        late = compliance_table(org, Q1)

    def r5_5(table):
        return next(row for row in table["rows"] if row["rule"] == "R-5.5")

    assert r5_5(early)["breached"] == 0
    assert r5_5(late)["breached"] == 2


def test_r8_3_compliance_table_is_plain_json_and_counts_only_the_organisation(
    org, other_org, submit, period_complaints, at
):
    import json

    with at("2026-02-03 10:00"):
        submit(organisation=other_org)
    with at(TODAY):
        table = compliance_table(org, Q1)
    assert json.loads(json.dumps(table)) == table
    assert table["checked"] == 6


@pytest.mark.parametrize("size", [3, 7])
def test_r8_3_compliance_table_queries_per_batch_are_constant(
    org, submit, officer, at, size, django_assert_max_num_queries
):
    with at("2026-02-02 10:00"):
        for _ in range(size):
            steps.start(submit(), officer)
    with at(TODAY):
        # Checked before today and open (time changes their verdicts): their dossiers are
        # read again. The grouped count, the read of the outdated ones, four per batch
        # (facts; nothing ended), one of the destroyed ones.
        with django_assert_max_num_queries(7):
            assert compliance_table(org, Q1)["checked"] == size
        batches = -(-size // 2)
        with django_assert_max_num_queries(3 + 4 * batches):
            assert compliance_table(org, Q1, batch=2)["checked"] == size


def test_r8_3_compliance_table_counts_stored_verdicts_once_checked_today(
    org, period_complaints, at, django_assert_max_num_queries
):
    """After the daily check, no dossier is read: one grouped count of the stored verdicts
    (issue 14's 100,000 complaints in seconds), equal to reading every dossier again."""
    with at(TODAY):
        read_again = compliance_table(org, Q1)
        compliance_refresh_all()
        with django_assert_max_num_queries(3):  # grouped count, no outdated ones, destroyed
            stored = compliance_table(org, Q1)
    assert stored == read_again
    assert stored["checked"] == 6


def test_r8_3_compliance_table_reads_a_dossier_marked_for_recheck(
    org, officer, period_complaints, at
):
    with at(TODAY):
        compliance_refresh_all()
        before = compliance_table(org, Q1)
        complaint = period_complaints[0]
        stored = steps.fresh(complaint).compliance_verdicts
        # A stored verdict made stale behind the cache's back is not trusted once marked.
        Complaint.objects.filter(pk=complaint.pk).update(compliance_verdicts="R-1.1:b")
        assert compliance_table(org, Q1) == before  # incomplete text: read again
        Complaint.objects.filter(pk=complaint.pk).update(
            compliance_verdicts=stored.replace(":m", ":b")
        )
        assert compliance_table(org, Q1) != before  # the cache is what is counted ...
        mark_for_recheck(Complaint.objects.filter(pk=complaint.pk))
        assert compliance_table(org, Q1) == before  # ... until marked to be checked again


def test_r8_3_finalised_report_freezes_the_compliance_table(org, officer, period_complaints, at):
    with at(TODAY):
        report = _finalise(org, officer)
        assert report.content["compliance"] == compliance_table(org, Q1)
    assert report_services.report_is_intact(report)


def test_r8_3_report_page_shows_the_compliance_table(client, org, officer, period_complaints, at):
    client.force_login(officer)
    with at(TODAY):
        response = client.get("/werk/verslagen/" + Q1_QUERY)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<caption>Compliance with the regulation</caption>" in html
    assert 'role="region" aria-label="Compliance with the regulation"' in html
    assert f'<th scope="row">{JUDGMENT_IN_TERM}</th>' in html
    assert '<th scope="col" class="num">Not yet due</th>' in html
    assert "Destroyed, not checked: 10 ended complaints." in html
    assert "/werk/verslagen/naleving.pdf" + Q1_QUERY.replace("&", "&amp;") in html
    assert "R-5.5" not in html


def test_r8_3_report_pdf_and_csv_include_the_compliance_table(
    client, org, officer, period_complaints, at
):
    client.force_login(officer)
    with at(TODAY):
        pdf = client.get("/werk/verslagen/pdf/" + Q1_QUERY)
        csv = client.get("/werk/verslagen/csv/" + Q1_QUERY)
    assert "Compliance with the regulation" in _text(pdf.content)
    assert JUDGMENT_IN_TERM in _text(pdf.content)
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert f"Compliance with the regulation,{JUDGMENT_IN_TERM},2,2,0,2,0" in lines
    assert 'Compliance with the regulation,"destroyed, not checked",10' in lines


def test_r8_3_finalised_report_shows_its_frozen_compliance_table(
    client, org, officer, period_complaints, at
):
    with at(TODAY):
        report = _finalise(org, officer)
    with at("2026-06-01 12:00"):
        client.force_login(officer)
        html = client.get(f"/werk/verslagen/vastgesteld/{report.pk}/").content.decode()
        csv = client.get(f"/werk/verslagen/vastgesteld/{report.pk}/csv/").content
    assert "<caption>Compliance with the regulation</caption>" in html
    assert "as on 2 April 2026" in html  # frozen: the day it was finalised
    assert JUDGMENT_IN_TERM in csv.decode("utf-8-sig")


def _without_compliance(report) -> Report:
    content = {k: v for k, v in report.content.items() if k != "compliance"}
    return Report.objects.create(
        organisation=report.organisation,
        period_kind=report.period_kind,
        period_start=report.period_start,
        period_end=report.period_end,
        version=report.version + 1,
        introduction=report.introduction,
        content=content,
        sha256=report_services.content_sha256(content),
        finalised_by=report.finalised_by,
        finalised_at=report.finalised_at,
    )


def test_r8_3_a_report_finalised_before_the_table_shows_no_compliance_section(
    client, org, officer, period_complaints, at
):
    with at(TODAY):
        old = _without_compliance(_finalise(org, officer))
    client.force_login(officer)
    response = client.get(f"/werk/verslagen/vastgesteld/{old.pk}/")
    assert response.status_code == 200
    assert "Compliance with the regulation" not in response.content.decode()
    assert client.get(f"/werk/verslagen/vastgesteld/{old.pk}/pdf/").status_code == 200


def test_r8_4_review_shows_the_compliance_table_of_each_report_discussed(
    client, org, officer, staff_member, board_member, period_complaints, at
):
    with at(TODAY):
        report = _finalise(org, officer)
        old = _without_compliance(report)
        review = review_services.review_record(
            organisation=org,
            held_on=date(2026, 4, 2),
            attendees=[officer, staff_member],
            reports=[report, old],
            submitted_to_board=True,
            by=officer,
        )
    for user in (officer, board_member):
        client.force_login(user)
        html = client.get(f"/werk/besprekingen/{review.pk}/").content.decode()
        assert html.count("<caption>Compliance with the regulation") == 1, user
        assert f'<th scope="row">{JUDGMENT_IN_TERM}</th>' in html
        assert "R-5.5" not in html


def test_r7_4_period_statement_pdf_names_the_articles_and_the_verified_chains(
    client, org, officer, period_complaints, at
):
    client.force_login(officer)
    with at(TODAY):
        response = client.get("/werk/verslagen/naleving.pdf" + Q1_QUERY)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "naleving-interactie-2026-01-01-2026-03-31.pdf" in response["Content-Disposition"]
    text = _text(response.content)
    assert "Compliance statement" in text
    for title in (JUDGMENT_IN_TERM, "Article 7: a complete and unchanged dossier"):
        assert title in text
    assert "Dossiers whose hash chain verifies: 6 of 6." in text
    assert "R-5.5" not in text


def test_r8_3_period_statement_refuses_a_bad_period_and_other_roles(
    client, org, officer, staff_member, period_complaints
):
    client.force_login(officer)
    assert client.get("/werk/verslagen/naleving.pdf?kind=year&year=1900").status_code == 400
    client.force_login(staff_member)
    assert client.get("/werk/verslagen/naleving.pdf" + Q1_QUERY).status_code == 404


def test_r8_3_report_shows_the_table_live_once_the_verdicts_are_checked(
    org, period_complaints, at, monkeypatch
):
    from klachtenregeling.compliance import selectors

    monkeypatch.setattr(selectors, "LIVE_COMPLIANCE_LIMIT", 2)
    with at(TODAY):
        assert selectors.compliance_too_large(org, Q1)  # six dossiers to read again
        compliance_refresh_all()
        assert not selectors.compliance_too_large(org, Q1)  # all counted from storage
