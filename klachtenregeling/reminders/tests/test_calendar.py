"""R-7.1: the officer's deadlines in their own calendar, through a secret address."""

import re
from datetime import UTC, date, datetime, timedelta

import pytest
import vobject
from django.conf import settings as django_settings
from django.urls import reverse
from icalendar import Calendar

from klachtenregeling.complaints import services as complaint_services
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


# --- RFC 5545 (issue 20, item 3): versions of an event, refresh hints, stable UIDs, the
# officer's language. Every feed is read by two independent parsers (icalendar, vobject).

JUDGMENT = "Oordeel uiterlijk: klacht {ref}"


def both_parsers(body: bytes) -> tuple[dict, dict]:
    """The feed read by icalendar and by vobject, as {summary: properties} each."""
    from_icalendar = {}
    for event in Calendar.from_ical(body).walk("VEVENT"):
        from_icalendar[str(event["summary"])] = {
            "uid": str(event["uid"]),
            "dtstamp": event.decoded("dtstamp"),
            "last_modified": event.decoded("last-modified"),
            "sequence": int(event.decoded("sequence")),
            "dtstart": event.decoded("dtstart"),
        }
    from_vobject = {}
    for event in vobject.readOne(body.decode()).vevent_list:
        from_vobject[event.summary.value] = {
            "uid": event.uid.value,
            "dtstamp": event.dtstamp.value,
            "last_modified": event.last_modified.value,
            "sequence": int(event.sequence.value),
            "dtstart": event.dtstart.value,
        }
    return from_icalendar, from_vobject


def read(client, address, moment, at) -> bytes:
    with at(moment):
        response = client.get(address)
    assert response.status_code == 200
    return response.content


@pytest.fixture
def address(client, officer, complaints):
    client.force_login(officer)
    new = new_address(client)
    client.logout()
    return new


UTC_0900 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # 10:00 in Amsterdam, when all was filed


def test_feed_calendar_properties_read_by_two_parsers(at, client, address):
    body = read(client, address, "2026-03-05 10:00", at)
    calendar = Calendar.from_ical(body)
    assert str(calendar["version"]) == "2.0"
    assert calendar.decoded("refresh-interval") == timedelta(hours=1)
    assert calendar["refresh-interval"].params["VALUE"] == "DURATION"
    assert str(calendar["x-published-ttl"]) == "PT1H"
    assert str(calendar["name"]) == str(calendar["x-wr-calname"]) == "Termijnen van klachten"
    assert "METHOD" not in calendar  # a published feed: DTSTAMP is the last revision
    other = vobject.readOne(body.decode())
    assert other.version.value == "2.0"
    assert other.contents["refresh-interval"][0].value == "PT1H"
    assert other.contents["refresh-interval"][0].params["VALUE"] == ["DURATION"]
    assert other.contents["x-published-ttl"][0].value == "PT1H"
    assert other.contents["name"][0].value == "Termijnen van klachten"


def test_feed_events_carry_version_and_a_stable_uid(at, client, address, complaints, settings):
    settings.DEFAULT_FROM_EMAIL = "klachten@example.nl"
    mine = complaints[0]
    for events_ in both_parsers(read(client, address, "2026-03-05 10:00", at)):
        judgment = events_[JUDGMENT.format(ref=mine.reference)]
        account = events_[f"Reactie van de klager verwacht: klacht {mine.reference}"]
        assert judgment["uid"] == f"judgment-{mine.pk}@example.nl"
        assert account["uid"] == f"account-{mine.pk}-complainant@example.nl"
        for event in (judgment, account):
            # When the date was set (the complaint filed, the party invited), not the read.
            assert event["dtstamp"] == event["last_modified"] == UTC_0900
            assert event["dtstamp"].utcoffset() == timedelta(0)
            assert event["sequence"] == 0
        assert judgment["dtstart"] == date(2026, 3, 30)


def test_feed_is_byte_for_byte_the_same_on_every_read(at, client, address):
    first = read(client, address, "2026-03-05 10:00", at)
    second = read(client, address, "2026-03-06 17:45", at)
    assert first == second
    assert b"DTSTAMP:20260302T090000Z" in first


def test_an_extension_raises_sequence_and_moves_dtstamp_under_the_same_uid(
    at, client, address, officer, complaints
):
    mine = complaints[0]
    before = both_parsers(read(client, address, "2026-03-05 10:00", at))
    with at("2026-03-10 14:30"):
        complaint_services.complaint_extend_deadline(
            complaint=steps.fresh(mine),
            new_deadline=date(2026, 4, 13),
            reason="Een getuige is pas later bereikbaar.",
            by=officer,
        )
    after = both_parsers(read(client, address, "2026-03-11 08:00", at))
    for old, new in zip(before, after, strict=True):
        was = old[JUDGMENT.format(ref=mine.reference)]
        now = new[JUDGMENT.format(ref=mine.reference)]
        assert now["uid"] == was["uid"]
        assert (was["sequence"], now["sequence"]) == (0, 1)
        assert now["dtstart"] == date(2026, 4, 13)
        assert now["dtstamp"] == now["last_modified"] == datetime(2026, 3, 10, 13, 30, tzinfo=UTC)


def test_a_new_invitation_moves_the_account_event_under_the_same_uid(
    at, client, address, officer, complaints
):
    mine = complaints[0]
    summary = f"Reactie van de klager verwacht: klacht {mine.reference}"
    [was] = {e[summary]["uid"] for e in both_parsers(read(client, address, "2026-03-05 10:00", at))}
    with at("2026-03-06 11:00"):
        handling.hearing_invite(
            complaint=steps.fresh(mine),
            party=Party.COMPLAINANT,
            due_date=date(2026, 3, 19),
            by=officer,
        )
    for events_ in both_parsers(read(client, address, "2026-03-06 12:00", at)):
        assert events_[summary]["uid"] == was
        assert events_[summary]["sequence"] == 1
        assert events_[summary]["dtstart"] == date(2026, 3, 19)
        assert events_[summary]["dtstamp"] == datetime(2026, 3, 6, 10, 0, tzinfo=UTC)


def test_uids_name_the_sender_domain_never_host_or_port(at, client, address, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    settings.DEFAULT_FROM_EMAIL = "Klachtenloket <klachten@Voorbeeld.NL>"
    for events_ in both_parsers(read(client, address, "2026-03-05 10:00", at)):
        assert {e["uid"].rpartition("@")[2] for e in events_.values()} == {"voorbeeld.nl"}
    settings.CALENDAR_UID_DOMAIN = "agenda.voorbeeld.nl"
    for events_ in both_parsers(read(client, address, "2026-03-05 10:00", at)):
        assert {e["uid"].rpartition("@")[2] for e in events_.values()} == {"agenda.voorbeeld.nl"}


def test_feed_is_in_the_language_the_officer_chose(at, client, address, officer, complaints):
    mine = complaints[0]
    client.force_login(officer)
    client.post(reverse("set_language"), {"language": "en", "next": SETTINGS})
    assert "The calendar is in English" in client.get(SETTINGS).content.decode()
    client.logout()
    officer.refresh_from_db()
    assert officer.language == "en"
    body = read(client, address, "2026-03-05 10:00", at)
    for events_ in both_parsers(body):
        assert set(events_) == {
            f"Judgment due: complaint {mine.reference}",
            f"Account of the complainant due: complaint {mine.reference}",
        }
    assert str(Calendar.from_ical(body)["name"]) == "Complaint deadlines"


def test_a_new_address_keeps_the_language_of_the_page(client, officer, complaints):
    client.force_login(officer)
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    new_address(client)
    officer.refresh_from_db()
    assert officer.language == "en"
