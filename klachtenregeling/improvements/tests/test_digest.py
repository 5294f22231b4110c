"""R-3.5: overdue recommendations in the daily digest (through the real scheduler and SMTP):
the owner's own, and for the officers all of the organisation; a staff member who is not
an officer gets a digest too, once a day."""

from datetime import date

from django.core.management import call_command

from klachtenregeling.improvements import services
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import OutboxMessage


def scheduler():
    call_command("scheduler", "--once", verbosity=0)


def digests(to_email=None) -> list[OutboxMessage]:
    rows = OutboxMessage.objects.filter(kind=MessageKind.OVERDUE_DIGEST).order_by("pk")
    return list(rows.filter(to_email=to_email) if to_email else rows)


def test_r3_5_overdue_recommendations_in_the_daily_digest(
    at, smtp_server, make_recommendations, officer, second_officer, staff_member
):
    mine, _ = make_recommendations("Start trainingen op tijd.", "Stuur facturen na afloop.")
    with at("2026-02-01 10:00"):
        services.recommendation_assign(
            recommendation=mine,
            owner=staff_member,
            due_date=date(2026, 3, 1),
            by=officer,
            expected_version=1,
        )
    with at("2026-03-01 08:00"):  # the due date itself: on time
        scheduler()
    assert digests() == []
    with at("2026-03-02 08:00"):
        scheduler()
        scheduler()  # twice the same morning: nothing twice
    [own] = digests(staff_member.email)
    assert "Start trainingen" in own.body_text and "Stuur facturen" not in own.body_text
    # Each officer hears of all the organisation's overdue ones (named with their owner).
    for person in (officer, second_officer):
        [digest] = digests(person.email)
        assert (
            "Start trainingen" in digest.body_text and staff_member.display_name in digest.body_text
        )
    with at("2026-04-06 08:00"):  # the next day of sending: both overdue now
        scheduler()
    own_digests = digests(staff_member.email)
    assert len(own_digests) == 2  # once a day
    [_, officer_latest] = digests(officer.email)
    assert "Stuur facturen" in officer_latest.body_text  # the officer's own one
    assert "Stuur facturen" not in own_digests[-1].body_text
    mails = smtp_server.to(staff_member.email)
    assert len(mails) == 2 and "Start trainingen" in smtp_server.text(mails[0])


def test_r3_5_finished_recommendations_are_not_in_the_digest(at, make_recommendations, officer):
    [made] = make_recommendations()
    with at("2026-02-01 10:00"):
        services.recommendation_set_status(
            recommendation=made, status="done", note="", by=officer, expected_version=1
        )
    with at("2026-05-01 08:00"):
        scheduler()
    assert digests() == []
