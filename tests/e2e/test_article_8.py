"""Article 8 of the complaints regulation in a real browser: the registration lists (R-8.1),
the periodic report (R-8.3), recommendations as actions (R-3.5), the yearly review and the
board (R-8.4).

One journey goes through the pages as the officer, a board member and a staff member use
them (forms posted by clicking, charts loaded under the Content-Security-Policy); one scan
shows every new page, and the forms with their errors, to axe-core at 1280 and 360 px; under
UPDATE_SCREENSHOTS=1 the README's pictures of the report, its PDF, the board's page and the
recommendations are rewritten.

Pages are served in Dutch and some new strings may still be English: elements are found by
id, name, role and form action, seldom by their words.
"""

import io
import re
import shutil
import subprocess
import warnings
from datetime import timedelta

import pytest
from PIL import Image
from playwright.sync_api import expect

from klachtenregeling.core import clock
from klachtenregeling.demo.report_history import add_report_history
from klachtenregeling.handling.tests import steps
from klachtenregeling.improvements import services as improvement_services
from klachtenregeling.improvements.constants import RecommendationStatus, Source
from klachtenregeling.improvements.models import Recommendation
from klachtenregeling.reports import periods
from klachtenregeling.reports import services as report_services
from klachtenregeling.reports.constants import PeriodKind
from klachtenregeling.reports.models import Report
from klachtenregeling.reviews import services as review_services
from klachtenregeling.reviews.models import Review
from tests.e2e.accessibility import Scan
from tests.e2e.conftest import README_SCREENSHOTS, UPDATE_SCREENSHOTS
from tests.e2e.login import log_in
from tests.factories import SubjectFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

JUDGMENT_RECOMMENDATIONS = [
    "Bel de groep als de trainer vertraging heeft.",
    "Plan bij elke training een reservetrainer in.",
]
INTRODUCTION = "Minder klachten over de planning, meer over de facturen."
REPORT_RECOMMENDATION = "Stuur de factuur pas na de laatste trainingsdag."


@pytest.fixture
def article_8(org, officer, staff_member, submit):
    """Subjects and causes, a year and a half of report history, and one complaint judged
    with two recommendations (through the real services)."""
    for name in ("Trainer", "Facturatie", "Planning en organisatie"):
        SubjectFactory(organisation=org, name=name)
    for name in ("Communicatie", "Planning"):
        steps.cause_in(org, officer, name)
    add_report_history(org)
    complaint = steps.hear_both(
        steps.start(submit(respondent_id=staff_member.pk), officer), officer
    )
    steps.judge(complaint, officer, recs=JUDGMENT_RECOMMENDATIONS)
    return steps.fresh(complaint)


def last_year() -> int:
    return clock.today().year - 1


def recommendation(text: str) -> Recommendation:
    return Recommendation.objects.get(text=text)


def chart_loaded(image) -> bool:
    """The <img> of a chart decoded (the SVG came, and the CSP let it in)."""
    image.scroll_into_view_if_needed()
    width = image.evaluate("img => img.decode().then(() => img.naturalWidth)")
    return bool(width and width > 0)


def finalised_report(org, officer) -> Report:
    """The last full quarter's report, finalised (beside the quarter before: both have
    history, so the README's picture of its PDF shows a comparison)."""
    return report_services.report_finalise(
        organisation=org,
        period=periods.last_full_quarter(clock.today()),
        introduction=INTRODUCTION,
        recommendations=[REPORT_RECOMMENDATION],
        by=officer,
    )


def test_r8_3_r8_4_report_review_and_board_journey(
    new_page, live_server, org, officer, staff_member, board_member, article_8, screenshot
):
    work = f"{live_server.url}/werk"
    page = new_page()
    log_in(page, live_server, officer)

    # the report of last year, from the menu and the period form.
    page.locator(".main-nav a[href='/werk/verslagen/']").click()
    period_form = page.locator("form[method=get][action='/werk/verslagen/']")
    period_form.locator("#id_kind").select_option(PeriodKind.YEAR)
    period_form.locator("#id_year").fill(str(last_year()))
    period_form.locator("button[type=submit]").click()
    page.wait_for_url(f"**/werk/verslagen/?*year={last_year()}*")
    tables = page.locator("table.report-table")
    assert tables.count() >= 4
    first_rows = tables.first.locator("tbody tr")
    assert first_rows.count() >= 1
    expect(first_rows.first.locator("td.num").first).to_have_text(re.compile(r"^\d+$"))
    charts = page.locator("img.report-chart")
    assert charts.count() >= 1
    assert chart_loaded(charts.first)
    screenshot(page, "r8-journey-01-report")

    finalise = page.locator("form[action='/werk/verslagen/vaststellen/']")
    finalise.locator("#id_introduction").fill(INTRODUCTION)
    finalise.locator("#id_recommendations").fill(REPORT_RECOMMENDATION)
    finalise.locator("button[type=submit]").click()
    page.wait_for_url("**/werk/verslagen/vastgesteld/*/")
    report = Report.objects.get(organisation=org)
    assert page.url.endswith(f"/vastgesteld/{report.pk}/")
    expect(page.locator(".report-text")).to_contain_text(INTRODUCTION)
    expect(page.locator("main ol li", has_text=REPORT_RECOMMENDATION)).to_have_count(1)
    assert chart_loaded(page.locator("img.report-chart").first)
    # The list of finalised reports leads to it too.
    page.goto(f"{work}/verslagen/vastgesteld/")
    page.locator(f"main a[href='/werk/verslagen/vastgesteld/{report.pk}/']").click()
    page.wait_for_url(f"**/vastgesteld/{report.pk}/")
    screenshot(page, "r8-journey-02-finalised-report")

    # three recommendations to follow up: two of the judgment, one of the report.
    page.locator(".main-nav a[href='/werk/aanbevelingen/']").click()
    page.wait_for_url("**/werk/aanbevelingen/")
    rows = page.locator("main table tbody tr")
    expect(rows).to_have_count(3)
    first, second = (recommendation(text) for text in JUDGMENT_RECOMMENDATIONS)
    from_report = Recommendation.objects.get(source=Source.REPORT)
    assert from_report.text == REPORT_RECOMMENDATION
    page.locator(f"main a[href='/werk/aanbevelingen/{first.pk}/']").click()
    page.wait_for_url(f"**/werk/aanbevelingen/{first.pk}/")
    status_form = page.locator(f"form[action='/werk/aanbevelingen/{first.pk}/status/']")
    status_form.locator("select[name=status]").select_option(RecommendationStatus.IN_PROGRESS)
    note = "De planners bellen de groep voortaan zelf."
    status_form.locator("textarea[name=note]").fill(note)
    status_form.locator("button[type=submit]").click()
    page.wait_for_url(f"**/werk/aanbevelingen/{first.pk}/")
    expect(page.locator(".history")).to_contain_text(note)
    assert recommendation(first.text).status == RecommendationStatus.IN_PROGRESS
    # The second goes to the staff member, due in a month.
    page.goto(f"{work}/aanbevelingen/{second.pk}/")
    assign_form = page.locator(f"form[action='/werk/aanbevelingen/{second.pk}/toewijzen/']")
    assign_form.locator("select[name=owner]").select_option(str(staff_member.pk))
    due = clock.today() + timedelta(days=30)
    assign_form.locator("input[name=due_date]").fill(due.isoformat())
    assign_form.locator("button[type=submit]").click()
    page.wait_for_url(f"**/werk/aanbevelingen/{second.pk}/")
    second = recommendation(second.text)
    assert (second.owner_id, second.due_date) == (staff_member.pk, due)

    # the yearly review, submitted to the board.
    page.locator(".main-nav a[href='/werk/besprekingen/']").click()
    page.wait_for_url("**/werk/besprekingen/")
    page.locator("main a[href='/werk/besprekingen/nieuw/']").click()
    page.wait_for_url("**/werk/besprekingen/nieuw/")
    form = page.locator("main form[method=post]")
    form.locator("input[name=held_on]").fill(clock.today().isoformat())
    form.locator(f"input[name=attendees][value='{staff_member.pk}']").check()
    form.locator(f"input[name=reports][value='{report.pk}']").check()
    form.locator(f"input[name=recommendations][value='{from_report.pk}']").check()
    decisions = ["De planning krijgt een reservetrainer.", "Facturen gaan na de training uit."]
    form.locator("textarea[name=decisions]").fill("\n".join(decisions))
    form.locator("input[name=submitted_to_board]").check()
    form.locator("input[name=confirm]").check()
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/werk/besprekingen/*/")
    review = Review.objects.get(organisation=org)
    assert page.url.endswith(f"/werk/besprekingen/{review.pk}/")
    for decision in decisions:
        expect(page.locator("main ol li", has_text=decision)).to_have_count(1)
    assert review.submitted_to_board
    assert list(review.attendees.all()) == [staff_member]
    assert list(review.reports.all()) == [report]
    screenshot(page, "r8-journey-03-review")

    # A board member (another browser): the board's page, the review, the report.
    board = new_page()
    log_in(board, live_server, board_member)
    board.goto(f"{work}/")
    board.locator("main a[href='/werk/bestuur/']").click()
    board.wait_for_url("**/werk/bestuur/")
    expect(board.locator(f"main a[href='/werk/besprekingen/{review.pk}/']")).to_have_count(1)
    expect(board.locator(f"main a[href='/werk/verslagen/vastgesteld/{report.pk}/']")).to_have_count(
        1
    )
    board.locator(f"main a[href='/werk/verslagen/vastgesteld/{report.pk}/']").click()
    board.wait_for_url(f"**/vastgesteld/{report.pk}/")
    expect(board.locator(".report-text")).to_contain_text(INTRODUCTION)
    assert chart_loaded(board.locator("img.report-chart").first)
    board.go_back()
    board.locator(f"main a[href='/werk/besprekingen/{review.pk}/']").click()
    board.wait_for_url(f"**/werk/besprekingen/{review.pk}/")
    # The judgment's recommendations are part of a dossier: not shown to the board.
    expect(board.locator("main")).not_to_contain_text(JUDGMENT_RECOMMENDATIONS[0])
    decision_form = board.locator(f"form[action='/werk/bestuur/besprekingen/{review.pk}/besluit/']")
    decision_form.locator("input[name=decided_on]").fill(clock.today().isoformat())
    board_text = "Het bestuur stemt in met beide besluiten."
    decision_form.locator("textarea[name=text]").fill(board_text)
    decision_form.locator("input[name=confirm]").check()
    decision_form.locator("button[type=submit]").click()
    board.wait_for_url(f"**/werk/besprekingen/{review.pk}/")
    expect(board.locator("main")).to_contain_text(board_text)
    expect(decision_form).to_have_count(0)
    screenshot(board, "r8-journey-04-board-decision")
    # ... which the officer sees on the review too.
    page.reload()
    expect(page.locator("main")).to_contain_text(board_text)
    # A board member never opens a complaint: "not found".
    response = board.goto(f"{work}/klachten/{article_8.reference}/")
    assert response.status == 404
    expect(board.locator("main")).not_to_contain_text(article_8.complainant_name)

    # The staff member who owns a recommendation: on their start page, and done.
    staff = new_page()
    log_in(staff, live_server, staff_member)
    staff.goto(f"{work}/")
    mine = staff.locator("main section.card", has=staff.locator("a[href='/werk/aanbevelingen/']"))
    link = mine.locator(f"a[href='/werk/aanbevelingen/{second.pk}/']")
    expect(link).to_have_count(1)
    # Only their own: not the officer's.
    expect(staff.locator(f"main a[href='/werk/aanbevelingen/{first.pk}/']")).to_have_count(0)
    link.click()
    staff.wait_for_url(f"**/werk/aanbevelingen/{second.pk}/")
    status_form = staff.locator(f"form[action='/werk/aanbevelingen/{second.pk}/status/']")
    status_form.locator("select[name=status]").select_option(RecommendationStatus.DONE)
    status_form.locator("textarea[name=note]").fill(
        "Er staat nu een reservetrainer in het rooster."
    )
    status_form.locator("button[type=submit]").click()
    staff.wait_for_url(f"**/werk/aanbevelingen/{second.pk}/")
    assert recommendation(second.text).status == RecommendationStatus.DONE
    # Done: no status form any more, and gone from the start page.
    expect(status_form).to_have_count(0)
    staff.goto(f"{work}/")
    expect(staff.locator(f"main a[href='/werk/aanbevelingen/{second.pk}/']")).to_have_count(0)


def test_article_8_pages_pass_axe_at_1280_and_360(
    new_page,
    live_server,
    tmp_path,
    org,
    officer,
    staff_member,
    board_member,
    article_8,
    screenshot,
):
    report = finalised_report(org, officer)
    first, second = (recommendation(text) for text in JUDGMENT_RECOMMENDATIONS)
    improvement_services.recommendation_assign(
        recommendation=second,
        owner=staff_member,
        due_date=clock.today() + timedelta(days=30),
        by=officer,
        expected_version=second.version,
    )
    review = review_services.review_record(
        organisation=org,
        held_on=clock.today(),
        attendees=[staff_member],
        reports=[report],
        recommendations=[first],
        decisions=["De planning krijgt een reservetrainer."],
        submitted_to_board=True,
        by=officer,
    )
    scan = Scan()
    work = f"{live_server.url}/werk"
    live_report = f"{work}/verslagen/?kind=year&year={last_year()}"

    page = new_page()
    log_in(page, live_server, officer)
    scan.visit(page, f"{work}/klachten/", "officer dashboard with the recommendations card")
    expect(page.locator("main a[href='/werk/besprekingen/']")).to_have_count(1)

    # The registration lists, and their add form with its error.
    scan.visit(page, f"{work}/registratie/", "subjects and causes")
    page.locator("form[action='/werk/registratie/onderwerpen/toevoegen/'] button").click()
    expect(page.locator(".error-summary")).to_have_count(1)
    scan.check(page, "subjects and causes, empty name refused")
    # A name already in the list is refused; what was typed stays in the field.
    add = page.locator("form[action='/werk/registratie/oorzaken/toevoegen/']")
    add.locator("input[type=text]").fill("Communicatie")
    add.locator("button").click()
    expect(page.locator(".error-summary")).to_have_count(1)
    expect(add.locator("input[type=text]")).to_have_value("Communicatie")

    # The report: live (charts loaded), finalised, the list; its finalise form with an error.
    scan.visit(page, live_report, "report, live (last year)")
    assert chart_loaded(page.locator("img.report-chart").first)
    # Without a period: the last full quarter, beside the quarter before (the README's picture).
    scan.visit(page, f"{work}/verslagen/", "report, live (last full quarter)")
    assert chart_loaded(page.locator("img.report-chart").first)
    if UPDATE_SCREENSHOTS:
        save_readme_report(page)
    finalise = page.locator("form[action='/werk/verslagen/vaststellen/']")
    finalise.locator("#id_recommendations").fill(REPORT_RECOMMENDATION)
    finalise.locator("button[type=submit]").click()  # no text of the report
    expect(page.locator(".error-summary")).to_have_count(1)
    expect(page.locator("#id_recommendations")).to_have_value(REPORT_RECOMMENDATION)
    scan.check(page, "report, finalise form with errors")
    scan.visit(page, f"{work}/verslagen/vastgesteld/", "finalised reports")
    scan.visit(page, f"{work}/verslagen/vastgesteld/{report.pk}/", "finalised report")
    if UPDATE_SCREENSHOTS:
        save_report_pdf_picture(page, f"{work}/verslagen/vastgesteld/{report.pk}/pdf/", tmp_path)

    # Recommendations.
    scan.visit(page, f"{work}/aanbevelingen/", "recommendations")
    screenshot(page, "r8-recommendations", readme="recommendations")
    scan.visit(page, f"{work}/aanbevelingen/{first.pk}/", "recommendation (officer)")

    # The reviews: list, the record form empty and with errors, a review.
    scan.visit(page, f"{work}/besprekingen/", "reviews")
    scan.visit(page, f"{work}/besprekingen/nieuw/", "record a review")
    form = page.locator("main form[method=post]")
    form.locator("button[type=submit]").click()
    expect(page.locator(".error-summary")).to_have_count(1)
    scan.check(page, "record a review, with errors")
    # Typed and ticked, but no report and no confirmation: nothing is lost.
    decisions = "Eerste besluit.\nTweede besluit."
    form.locator("textarea[name=decisions]").fill(decisions)
    form.locator(f"input[name=attendees][value='{staff_member.pk}']").check()
    form.locator("input[name=submitted_to_board]").check()
    form.locator("button[type=submit]").click()
    expect(page.locator(".error-summary")).to_have_count(1)
    expect(form.locator("textarea[name=decisions]")).to_have_value(decisions)
    expect(form.locator(f"input[name=attendees][value='{staff_member.pk}']")).to_be_checked()
    expect(form.locator("input[name=submitted_to_board]")).to_be_checked()
    assert Review.objects.count() == 1
    scan.visit(page, f"{work}/besprekingen/{review.pk}/", "review (officer)")

    # A board member: their page, the review with the decision form (and its errors).
    board = new_page()
    log_in(board, live_server, board_member)
    scan.visit(board, f"{work}/bestuur/", "board")
    screenshot(board, "r8-board", readme="board")
    scan.visit(board, f"{work}/besprekingen/{review.pk}/", "review (board, decision form)")
    board.locator(f"form[action$='/besprekingen/{review.pk}/besluit/'] button").click()
    expect(board.locator(".error-summary")).to_have_count(1)
    scan.check(board, "review (board, decision form with errors)")
    scan.visit(board, f"{work}/verslagen/vastgesteld/{report.pk}/", "finalised report (board)")

    # A staff member: the start page with their recommendations, and one of them.
    staff = new_page()
    log_in(staff, live_server, staff_member)
    scan.visit(staff, f"{work}/", "staff start page with my recommendations")
    expect(staff.locator(f"main a[href='/werk/aanbevelingen/{second.pk}/']")).to_have_count(1)
    scan.visit(staff, f"{work}/aanbevelingen/", "recommendations (owner)")
    scan.visit(staff, f"{work}/aanbevelingen/{second.pk}/", "recommendation (owner)")
    scan.assert_clean()


def save_readme_report(page) -> None:
    """docs/screenshots/report.png: the period form and the first figures with their chart
    (scrolled just enough for the chart to show, when it is below the fold)."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.evaluate("document.activeElement && document.activeElement.blur(); scrollTo(0, 0)")
    chart = page.locator("img.report-chart").first
    bottom = chart.evaluate("img => img.getBoundingClientRect().bottom + scrollY")
    if bottom > 900:
        page.evaluate(f"scrollTo(0, {bottom + 24 - 900})")
    assert chart.evaluate("img => img.decode().then(() => img.naturalWidth > 0)")
    image = Image.open(io.BytesIO(page.screenshot(full_page=False))).convert("RGB")
    README_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(
        README_SCREENSHOTS / "report.png", optimize=True
    )


def save_report_pdf_picture(page, url: str, tmp_path) -> None:
    """docs/screenshots/report-pdf.png: page 1 of the report's PDF (at `url`), as the
    officer's browser downloads it."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        warnings.warn(
            "pdftoppm (poppler-utils) is missing: docs/screenshots/report-pdf.png not updated",
            stacklevel=1,
        )
        return
    response = page.context.request.get(url)
    assert response.ok, response.status
    assert response.headers["content-type"] == "application/pdf"
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(response.body())
    command = [pdftoppm, "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile"]
    subprocess.run([*command, str(pdf), str(tmp_path / "page")], check=True)  # noqa: S603
    README_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(tmp_path / "page.png", README_SCREENSHOTS / "report-pdf.png")
