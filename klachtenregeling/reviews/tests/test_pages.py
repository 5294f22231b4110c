"""R-8.4 pages (the list, the record form, the detail, the board's page) and R-6.1: the board
sees reports and the reviews submitted to it, never complaint content."""

from datetime import date

from klachtenregeling.handling.tests import steps
from klachtenregeling.improvements.models import Recommendation
from klachtenregeling.improvements.tests.browsers import browser
from klachtenregeling.reviews.models import BoardDecision, Review


def test_r8_4_record_through_the_form_asks_to_confirm(at, officer, staff_member, report):
    form = {
        "held_on": "2026-03-10",
        "attendees": [officer.pk, staff_member.pk],
        "reports": [report.pk],
        "decisions": "Planning aanpassen.\nEvalueren in juni.",
        "submitted_to_board": "on",
    }
    client = browser(officer)
    with at("2026-03-10 16:00"):
        assert client.get("/werk/besprekingen/nieuw/").status_code == 200
        unconfirmed = client.post("/werk/besprekingen/nieuw/", form)
        confirmed = client.post("/werk/besprekingen/nieuw/", {**form, "confirm": "on"})
    assert unconfirmed.status_code == 400
    review = Review.objects.get()
    assert confirmed["Location"] == f"/werk/besprekingen/{review.pk}/"
    assert review.decisions.count() == 2


def test_r8_4_admin_sees_reviews_and_the_board_only_those_submitted(
    at, record, org_admin, board_member
):
    submitted, kept = record(), record(date(2026, 3, 11), to_board=False)
    with at("2026-03-12 10:00"):
        admin_list = browser(org_admin).get("/werk/besprekingen/").content.decode()
        board = browser(board_member)
        board_home = board.get("/werk/bestuur/").content.decode()
        assert browser(org_admin).get(f"/werk/besprekingen/{kept.pk}/").status_code == 200
        assert board.get(f"/werk/besprekingen/{submitted.pk}/").status_code == 200
        assert board.get(f"/werk/besprekingen/{kept.pk}/").status_code == 404
        assert board.get("/werk/besprekingen/").status_code == 404
    assert "10 March 2026" in admin_list and "11 March 2026" in admin_list
    assert "10 March 2026" in board_home and "11 March 2026" not in board_home
    assert "awaiting the board" in board_home


def test_r8_4_board_records_its_decision_once_through_the_form(at, record, board_member):
    review = record()
    client = browser(board_member)
    url = f"/werk/bestuur/besprekingen/{review.pk}/besluit/"
    form = {"decided_on": "2026-03-20", "text": "Akkoord met de besluiten."}
    with at("2026-03-20 10:00"):
        assert client.post(url, form).status_code == 400  # not confirmed
        assert client.post(url, {**form, "confirm": "on"}).status_code == 302
        again = client.post(url, {**form, "confirm": "on"})
        page = client.get(f"/werk/besprekingen/{review.pk}/").content.decode()
    assert again.status_code == 404  # nothing left to decide
    assert BoardDecision.objects.count() == 1
    assert "Akkoord met de besluiten." in page and "Record the decision" not in page


def test_r8_4_officer_adds_a_note_the_review_stays(at, record, officer):
    review = record()
    with at("2026-03-12 10:00"):
        response = browser(officer).post(
            f"/werk/besprekingen/{review.pk}/notitie/", {"text": "Correctie: ook Lotte was er."}
        )
        page = browser(officer).get(f"/werk/besprekingen/{review.pk}/").content.decode()
    assert response.status_code == 302
    assert "Correctie: ook Lotte was er." in page and "Planning aanpassen." in page


def test_r6_1_board_sees_no_complaint_content(
    at, submit, officer, staff_member, board_member, record
):
    with at("2026-03-02 10:00"):
        complaint = steps.hear_both(
            steps.start(submit(respondent_id=staff_member.pk), officer), officer
        )
        steps.judge(complaint, officer, recs=["Bel mevrouw Jonker terug over de training."])
    from_judgment = Recommendation.objects.get(judgment__isnull=False)
    review = record(recommendations=[from_judgment])
    client = browser(board_member)
    with at("2026-03-12 10:00"):
        pages = [
            client.get("/werk/bestuur/").content.decode(),
            client.get(f"/werk/besprekingen/{review.pk}/").content.decode(),
            client.get("/werk/").content.decode(),
        ]
        assert client.get(f"/werk/klachten/{complaint.reference}/").status_code == 404
        assert client.get(f"/werk/aanbevelingen/{from_judgment.pk}/").status_code == 404
    for page in pages:
        assert complaint.reference not in page
        assert "Jonker" not in page and "Marieke" not in page
        assert "Bel mevrouw" not in page
    assert "recommendation from a judgment" in pages[1]  # counted, not shown


def test_r8_4_the_list_of_reviews_is_paginated_latest_first(at, record, officer, monkeypatch):
    from klachtenregeling.reviews import views

    monkeypatch.setattr(views, "REVIEWS_PER_PAGE", 2)
    for day in (date(2024, 3, 10), date(2025, 3, 10), date(2026, 3, 10)):
        record(day)
    client = browser(officer)
    with at("2026-03-12 10:00"):
        first = client.get("/werk/besprekingen/").content.decode()
        second = client.get("/werk/besprekingen/?page=2").content.decode()
    assert "10 March 2026" in first and "10 March 2025" in first
    assert "10 March 2024" not in first and 'rel="next"' in first
    assert "10 March 2024" in second and "10 March 2026" not in second
