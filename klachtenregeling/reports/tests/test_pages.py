"""R-8.3: the report's pages, exports and finalising, through the views."""

import io
import re
from datetime import datetime

import pytest

from klachtenregeling.core import clock
from klachtenregeling.improvements.constants import Source
from klachtenregeling.improvements.models import Recommendation
from klachtenregeling.reports import services
from klachtenregeling.reports.constants import PeriodKind
from klachtenregeling.reports.models import Report
from klachtenregeling.reports.periods import Period

from . import data

TODAY = datetime(2026, 12, 4, 12, 0, tzinfo=clock.AMSTERDAM)
Q3 = "?kind=quarter&year=2026&quarter=3"


@pytest.fixture(autouse=True)
def _today():
    with clock.frozen(TODAY):
        yield


@pytest.fixture
def rows(org):
    return data.generate(org, n=60)


@pytest.fixture
def as_officer(client, officer):
    client.force_login(officer)
    return client


def _finalise(org, officer, **overrides):
    values = {
        "organisation": org,
        "period": Period(kind=PeriodKind.QUARTER, start=_d("2026-07-01"), end=_d("2026-09-30")),
        "introduction": "Het kwartaal verliep rustig.",
        "recommendations": ["Plan trainers eerder in.", "=Bel klanten terug."],
        "by": officer,
    }
    return services.report_finalise(**{**values, **overrides})


def _d(text):
    from datetime import date

    return date.fromisoformat(text)


def test_r8_3_the_page_shows_the_last_full_quarter_by_default(as_officer, rows):
    response = as_officer.get("/werk/verslagen/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "1 juli 2026" in body and "30 september 2026" in body
    assert "<caption>" in body and 'scope="row"' in body
    assert (
        "/werk/verslagen/grafiek/onderwerpen.svg?kind=quarter&amp;year=2026&amp;quarter=3" in body
    )


def test_r8_3_a_period_of_ones_choice_and_a_year(as_officer, rows):
    assert (
        as_officer.get("/werk/verslagen/?kind=custom&from=2026-03-01&to=2026-05-31").status_code
        == 200
    )
    assert as_officer.get("/werk/verslagen/?kind=year&year=2025").status_code == 200
    assert as_officer.get("/werk/verslagen/?kind=half_year&year=2026&half=1").status_code == 200


def test_r8_3_a_period_past_today_is_shortened_with_a_notice(as_officer, rows):
    response = as_officer.get("/werk/verslagen/?kind=year&year=2026")
    assert response.status_code == 200
    assert "31 december 2026" in response.content.decode()
    assert 'class="notice"' in response.content.decode()


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("kind=custom&from=2026-05-01&to=2026-04-01", "to"),  # ends before it starts
        ("kind=custom&from=2020-01-01&to=2026-01-01", "to"),  # longer than five years
        ("kind=custom&from=2027-01-01&to=2027-02-01", "from"),  # in the future
        ("kind=quarter&year=2026&quarter=5", "quarter"),  # no such quarter
        ("kind=quarter&year=1850&quarter=1", "year"),  # year out of range
        ("kind=half_year&year=2026&half=3", "half"),
        ("kind=quarter&year=abc&quarter=1", "year"),  # garbage
        ("kind=custom&from=gisteren&to=2026-01-01", "from"),
        ("kind=weekly&year=2026", "kind"),
        ("kind=custom&from=2026-01-01", "to"),  # missing
    ],
)
def test_r8_3_bad_periods_are_refused_at_the_field_with_400(as_officer, query, field):
    response = as_officer.get(f"/werk/verslagen/?{query}")
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors.get(field), form.errors
    assert 'class="error-summary"' in response.content.decode()
    for export in ("pdf/", "csv/", "grafiek/uitkomsten.svg"):
        assert as_officer.get(f"/werk/verslagen/{export}?{query}").status_code == 400


def test_r8_3_an_empty_organisation_gets_a_report_of_zeros(as_officer):
    response = as_officer.get(f"/werk/verslagen/{Q3}")
    assert response.status_code == 200
    assert as_officer.get(f"/werk/verslagen/pdf/{Q3}").status_code == 200


def test_r8_3_the_chart_is_an_svg_without_script_or_external_resources(as_officer, rows):
    response = as_officer.get(f"/werk/verslagen/grafiek/onderwerpen.svg{Q3}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert svg.startswith("<svg") and "<script" not in svg
    assert not re.search(r'(href|src)="(https?:)?//', svg)
    assert "style-src 'unsafe-inline'" in response["Content-Security-Policy"]
    assert "script-src 'none'" in response["Content-Security-Policy"]
    assert as_officer.get(f"/werk/verslagen/grafiek/bestaat-niet.svg{Q3}").status_code == 404


def test_r8_3_csv_has_a_bom_a_row_per_figure_and_neutralised_names(as_officer, rows):
    response = as_officer.get(f"/werk/verslagen/csv/{Q3}")
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")
    text = response.content.decode("utf-8-sig")
    assert "'=HYPHERLINK" not in text  # spelled as generated:
    assert "'=HYPERLINK" in text and "'+Planning fout" in text
    assert '\n"=' not in text and ",=" not in text and ",+P" not in text


def test_r8_3_pdf_of_the_live_report_contains_the_figures(as_officer, rows):
    from pypdf import PdfReader

    response = as_officer.get(f"/werk/verslagen/pdf/{Q3}")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Interactie" in text and "Facturatie" in text


def test_r8_3_finalise_freezes_content_and_its_sha256(org, officer, rows):
    import hashlib
    import json

    report = _finalise(org, officer)
    canonical = json.dumps(
        report.content, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode()
    assert report.sha256 == hashlib.sha256(canonical).hexdigest()
    assert report.version == 1
    assert report.content["introduction"] == "Het kwartaal verliep rustig."
    assert report.content["period"] == {
        "kind": "quarter",
        "start": "2026-07-01",
        "end": "2026-09-30",
        "shortened_from": None,
    }
    made = Recommendation.objects.filter(report=report).order_by("number")
    assert [(r.text, r.source, r.owner) for r in made] == [
        ("Plan trainers eerder in.", Source.REPORT, officer),
        ("=Bel klanten terug.", Source.REPORT, officer),
    ]


def test_r8_3_a_finalised_report_keeps_its_figures_when_data_changes(org, officer, rows):
    report = _finalise(org, officer)
    before = report.content["figures"]
    data.generate(org, n=20, seed=7, first=_d("2026-07-01"), last=_d("2026-09-30"))
    report.refresh_from_db()
    assert report.content["figures"] == before


def test_r8_3_finalising_again_makes_a_new_version_never_an_edit(org, officer, rows):
    first = _finalise(org, officer)
    second = _finalise(org, officer, introduction="Correctie.")
    first.refresh_from_db()
    assert (first.version, second.version) == (1, 2)
    assert first.content["introduction"] == "Het kwartaal verliep rustig."
    from klachtenregeling.core.append_only import AppendOnlyError

    with pytest.raises(AppendOnlyError):
        Report.objects.filter(pk=first.pk).update(introduction="x")


def test_r8_3_finalise_through_the_page(as_officer, org, rows):
    response = as_officer.post(
        "/werk/verslagen/vaststellen/",
        {
            "kind": "quarter",
            "year": "2026",
            "quarter": "3",
            "introduction": "Rustig kwartaal.",
            "recommendations": "Eén\n\nTwee\n",
        },
    )
    report = Report.objects.get(organisation=org)
    assert response.status_code == 302
    assert response["Location"] == f"/werk/verslagen/vastgesteld/{report.pk}/"
    assert report.content["recommendations"] == ["Eén", "Twee"]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"introduction": ""}, "introduction"),
        ({"recommendations": "x" * 2001}, "recommendations"),
        ({"recommendations": "\n".join(f"r{i}" for i in range(21))}, "recommendations"),
    ],
)
def test_r8_3_finalise_refuses_bad_text_with_400(as_officer, org, fields, field):
    values = {"kind": "quarter", "year": "2026", "quarter": "3", "introduction": "Tekst."}
    response = as_officer.post("/werk/verslagen/vaststellen/", {**values, **fields})
    assert response.status_code == 400
    assert response.context["finalise_form"].errors.get(field)
    assert not Report.objects.exists()


def test_r8_3_the_frozen_report_page_pdf_and_csv(client, org, officer, board_member, rows):
    from pypdf import PdfReader

    report = _finalise(org, officer)
    client.force_login(officer)
    page = client.get(f"/werk/verslagen/vastgesteld/{report.pk}/").content.decode()
    assert report.sha256 in page  # the technical line, for the officer
    assert "Plan trainers eerder in." in page
    pdf = client.get(f"/werk/verslagen/vastgesteld/{report.pk}/pdf/").content
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Plan trainers eerder in." in text
    csv = client.get(f"/werk/verslagen/vastgesteld/{report.pk}/csv/").content
    assert csv.startswith(b"\xef\xbb\xbf")
    chart = client.get(f"/werk/verslagen/vastgesteld/{report.pk}/grafiek/termijn.svg")
    assert chart["Content-Type"] == "image/svg+xml"


def test_r8_3_the_board_reads_a_finalised_report_but_not_the_live_one(
    client, org, officer, board_member, org_admin, rows
):
    report = _finalise(org, officer)
    for reader in (board_member, org_admin):
        client.force_login(reader)
        response = client.get(f"/werk/verslagen/vastgesteld/{report.pk}/")
        assert response.status_code == 200
        body = response.content.decode()
        assert report.sha256 not in body  # no technical details
        assert "KL-" not in body
        assert client.get(f"/werk/verslagen/vastgesteld/{report.pk}/pdf/").status_code == 200
        assert client.get("/werk/verslagen/vastgesteld/").status_code == 200
        assert client.get("/werk/verslagen/").status_code == 404
        assert client.get(f"/werk/verslagen/csv/{Q3}").status_code == 404


def test_r8_3_another_organisations_report_is_not_found(client, org, officer, other_officer, rows):
    report = _finalise(org, officer)
    client.force_login(other_officer)
    for suffix in ("", "pdf/", "csv/", "grafiek/termijn.svg"):
        assert client.get(f"/werk/verslagen/vastgesteld/{report.pk}/{suffix}").status_code == 404


def test_r8_3_a_report_changed_in_the_database_after_finalising_is_flagged(
    client, org, officer, board_member, rows
):
    """The ORM refuses to change a finalised report; a change made past that guard (by hand
    in the database) shows as a warning on the report's page: the content no longer has its
    fingerprint."""
    from django.db.models import QuerySet

    from klachtenregeling.reports.services import report_is_intact

    report = _finalise(org, officer)
    client.force_login(board_member)
    page = client.get(f"/werk/verslagen/vastgesteld/{report.pk}/").content.decode()
    assert report_is_intact(report) and 'role="alert"' not in page
    changed = {**report.content, "introduction": "Een ander verhaal."}
    QuerySet.update(Report.objects.filter(pk=report.pk), content=changed)  # past the guard
    report.refresh_from_db()
    assert not report_is_intact(report)
    page = client.get(f"/werk/verslagen/vastgesteld/{report.pk}/")
    assert page.status_code == 200
    assert 'role="alert"' in page.content.decode()
