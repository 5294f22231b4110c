"""R-3.5 pages: the list (officers all, others their own), overdue in red with the word,
the owner who left, the forms; the complaint's reference only to its officer (R-6.1)."""

import re
from datetime import date

import pytest

from klachtenregeling.handling.tests import steps
from klachtenregeling.improvements import services
from klachtenregeling.improvements.constants import RecommendationStatus as S
from klachtenregeling.improvements.models import Recommendation
from tests.factories import UserFactory

from .browsers import browser


def _assign(recommendation, owner, by, due=date(2026, 3, 1)):
    recommendation.refresh_from_db()
    return services.recommendation_assign(
        recommendation=recommendation,
        owner=owner,
        due_date=due,
        by=by,
        expected_version=recommendation.version,
    )


@pytest.fixture
def two(at, make_recommendations, officer, staff_member):
    mine, theirs = make_recommendations("Start trainingen op tijd.", "Stuur facturen na afloop.")
    with at("2026-02-01 10:00"):
        _assign(mine, staff_member, officer)
    return mine, theirs


def test_r3_5_owner_sees_own_only_and_officers_see_all(at, two, officer, staff_member):
    with at("2026-02-02 10:00"):
        own = browser(staff_member).get("/werk/aanbevelingen/").content.decode()
        everything = browser(officer).get("/werk/aanbevelingen/").content.decode()
        other = browser(staff_member).get(f"/werk/aanbevelingen/{two[1].pk}/")
    assert "Start trainingen" in own and "Stuur facturen" not in own
    assert "Start trainingen" in everything and "Stuur facturen" in everything
    assert other.status_code == 404


def test_r3_5_list_filters_by_status_owner_source_and_text(at, two, officer, staff_member):
    client = browser(officer)
    with at("2026-02-02 10:00"):
        by_owner = client.get(f"/werk/aanbevelingen/?owner={staff_member.pk}").content.decode()
        by_text = client.get("/werk/aanbevelingen/?q=factur").content.decode()
        by_source = client.get("/werk/aanbevelingen/?source=judgment").content.decode()
        by_status = client.get("/werk/aanbevelingen/?status=done").content.decode()
    assert "Start trainingen" in by_owner and "Stuur facturen" not in by_owner
    assert "Stuur facturen" in by_text and "Start trainingen" not in by_text
    assert "No recommendations match." in by_source
    assert "No recommendations match." in by_status


def test_r3_5_overdue_is_red_with_the_word_for_owner_and_officers(at, two, officer, staff_member):
    # Due 1 March 2026: on time that day, overdue the day after.
    with at("2026-03-01 10:00"):
        on_time = browser(staff_member).get("/werk/aanbevelingen/").content.decode()
    assert 'class="overdue"' not in on_time
    for user in (staff_member, officer):
        with at("2026-03-02 10:00"):
            page = browser(user).get("/werk/aanbevelingen/?status=overdue").content.decode()
        row = re.search(r'<tr class="overdue">.*?</tr>', page, re.S).group(0)
        assert "Start trainingen" in row and "overdue" in row
    with at("2026-03-02 10:00"):
        home = browser(staff_member).get("/werk/").content.decode()
    assert "My recommendations" in home and "badge--overdue" in home


def test_r3_5_officer_dashboard_has_a_card_with_counts(at, two, officer):
    with at("2026-05-01 10:00"):  # both overdue (1 March and 5 April)
        page = browser(officer).get("/werk/klachten/").content.decode()
    assert "Recommendations and the yearly review" in page
    assert re.search(r"<strong>2</strong> overdue", page)


def test_r3_5_owner_who_left_is_shown_and_officers_asked_to_reassign(
    at, org, other_org, two, officer, staff_member
):
    staff_member.is_active = False
    staff_member.save()
    with at("2026-02-02 10:00"):
        listing = browser(officer).get("/werk/aanbevelingen/").content.decode()
        detail = browser(officer).get(f"/werk/aanbevelingen/{two[0].pk}/").content.decode()
        refused = browser(officer).post(
            f"/werk/aanbevelingen/{two[0].pk}/toewijzen/",
            {"version": 2, "owner": staff_member.pk, "due_date": "2026-04-01"},
        )
    assert "owner no longer works here" in listing
    assert "belongs to someone who no longer works here" in listing
    assert "owner no longer works here" in detail
    assert refused.status_code == 400  # not among the people who can be chosen
    assert Recommendation.objects.get(pk=two[0].pk).version == 2


def test_r3_5_officer_reassigns_through_the_form(at, two, officer, second_officer):
    with at("2026-02-02 10:00"):
        response = browser(officer).post(
            f"/werk/aanbevelingen/{two[0].pk}/toewijzen/",
            {"version": 2, "owner": second_officer.pk, "due_date": "2026-04-01"},
        )
    assert response.status_code == 302
    moved = Recommendation.objects.get(pk=two[0].pk)
    assert (moved.owner, moved.due_date) == (second_officer, date(2026, 4, 1))


def test_r3_5_declining_through_the_form_asks_to_confirm(at, two, staff_member):
    url = f"/werk/aanbevelingen/{two[0].pk}/status/"
    with at("2026-02-02 10:00"):
        unconfirmed = browser(staff_member).post(
            url, {"version": 2, "status": S.DECLINED, "note": "Te duur."}
        )
        confirmed = browser(staff_member).post(
            url, {"version": 2, "status": S.DECLINED, "note": "Te duur.", "confirm": "on"}
        )
    assert unconfirmed.status_code == 400
    assert confirmed.status_code == 302
    assert Recommendation.objects.get(pk=two[0].pk).status == S.DECLINED
    with at("2026-02-02 11:00"):
        page = browser(staff_member).get(f"/werk/aanbevelingen/{two[0].pk}/").content.decode()
    assert "Te duur." in page and "Change the status" not in page  # finished: read-only


def test_r3_5_judgment_source_shows_the_reference_only_to_its_officer(
    at, submit, officer, second_officer, staff_member
):
    with at("2026-03-02 10:00"):
        complaint = steps.hear_both(
            steps.start(submit(respondent_id=staff_member.pk), officer), officer
        )
        steps.judge(complaint, officer, recs=["Bel de klant terug."])
    [made] = Recommendation.objects.filter(judgment__isnull=False)
    with at("2026-03-03 10:00"):
        handler = browser(officer).get(f"/werk/aanbevelingen/{made.pk}/").content.decode()
        colleague = browser(second_officer).get(f"/werk/aanbevelingen/{made.pk}/").content.decode()
    assert complaint.reference in handler
    assert complaint.reference not in colleague and "judgment on a complaint" in colleague


def test_r3_5_a_left_owner_cannot_open_the_recommendation(at, two, staff_member, other_org):
    staff_member.organisation = other_org
    staff_member.save()
    with at("2026-02-02 10:00"):
        response = browser(staff_member).get(f"/werk/aanbevelingen/{two[0].pk}/")
    assert response.status_code == 404


def test_r3_5_non_officer_home_without_recommendations_has_no_card(org, at):
    pieter = UserFactory(organisation=org, username="pieter")
    with at("2026-02-02 10:00"):
        page = browser(pieter).get("/werk/").content.decode()
    assert "My recommendations" not in page


def test_r3_5_detail_shows_the_history(at, two, staff_member):
    with at("2026-02-02 10:00"):
        services.recommendation_set_status(
            recommendation=two[0],
            status=S.IN_PROGRESS,
            note="Gestart.",
            by=staff_member,
            expected_version=2,
        )
        page = browser(staff_member).get(f"/werk/aanbevelingen/{two[0].pk}/").content.decode()
    history = page[page.index("History") :]
    assert "made" in history and "owner Sanne" in history
    assert "status “in progress”" in history and "Gestart." in history
