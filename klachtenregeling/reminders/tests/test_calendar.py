"""R-7.1: the officer's deadlines in their own calendar, through a secret address."""

import re
from datetime import date

import pytest
from django.urls import reverse
from icalendar import Calendar

from klachtenregeling.handling import services as handling
from klachtenregeling.handling.constants import Party
from klachtenregeling.handling.tests import steps
from klachtenregeling.reminders.models import CalendarFeed

SETTINGS = reverse("calendar-settings")


def new_address(client) -> str:
    response = client.post(SETTINGS, {"action": "new"})
    assert response.status_code == 200
    [address] = re.findall(
        r'value="(http://testserver/agenda/[^"]+\.ics)"', response.content.decode()
    )
    return address.removeprefix("http://testserver")


def events(response) -> dict[str, date]:
    calendar = Calendar.from_ical(response.content)
    return {str(event["summary"]): event.decoded("dtstart") for event in calendar.walk("VEVENT")}


@pytest.fixture
def complaints(at, submit, officer, second_officer):
    with at("2026-03-02 10:00"):
        mine = steps.start(submit(complainant_name="Marieke Jonker"), officer)
        handling.hearing_invite(
            complaint=mine, party=Party.COMPLAINANT, due_date=date(2026, 3, 12), by=officer
        )
        about_me = submit(respondent_id=officer.pk)  # goes to the second officer
        judged = steps.start(submit(), officer)
        steps.judge(steps.hear_both(judged, officer), officer)
    return mine, about_me, judged


def test_r7_1_calendar_shows_the_officers_deadlines_by_reference_only(
    at, client, officer, complaints
):
    mine, about_me, judged = complaints
    client.force_login(officer)
    address = new_address(client)
    client.logout()
    with at("2026-03-05 10:00"):
        response = client.get(address)  # a calendar program: no log-in
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert events(response) == {
        f"Oordeel uiterlijk: klacht {mine.reference}": date(2026, 3, 30),
        f"Reactie van de klager verwacht: klacht {mine.reference}": date(2026, 3, 12),
    }
    body = response.content.decode()
    assert "Marieke" not in body and "Jonker" not in body  # no names outside the app
    assert about_me.reference not in body  # not the complaint about the officer
    assert judged.reference not in body  # the judgment was sent: no deadline any more
    assert f"/werk/klachten/{mine.reference}/" in body
    assert CalendarFeed.objects.get(user=officer).last_used_at is not None


def test_r7_1_address_is_shown_once_and_a_new_one_ends_the_old(client, officer, complaints):
    client.force_login(officer)
    first = new_address(client)
    page = client.get(SETTINGS).content.decode()
    assert first not in page  # only its hash is kept
    second = new_address(client)
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200
    client.post(SETTINGS, {"action": "stop"})
    assert client.get(second).status_code == 404
    assert not CalendarFeed.objects.exists()


def test_r6_1_feed_ends_when_the_user_is_no_longer_an_officer(client, officer, complaints):
    client.force_login(officer)
    address = new_address(client)
    officer.is_officer = False
    officer.save()
    assert client.get(address).status_code == 404


@pytest.mark.parametrize("token", ["x", "a" * 43, "a" * 200])
def test_unknown_calendar_address_is_not_found(client, db, token):
    assert client.get(f"/agenda/{token}.ics").status_code == 404


@pytest.mark.parametrize("role", ["staff_member", "board_member", "org_admin"])
def test_calendar_settings_are_for_officers_only(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(SETTINGS).status_code == 404
    assert client.post(SETTINGS, {"action": "new"}).status_code == 404
    assert not CalendarFeed.objects.exists()
