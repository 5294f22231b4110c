"""The officer's deadlines as an iCalendar feed (R-7.1, RFC 5545), for Outlook or Google
Calendar.

Events carry the reference only — no names, no content — because a calendar lives
outside the application; the link leads to the dossier behind the log-in.

The feed is a published calendar without METHOD, so DTSTAMP is, as RFC 5545 (3.8.7.2) has
it, when the event's information was last revised: like LAST-MODIFIED it is the moment the
date was set or last moved, and SEQUENCE counts the moves. All three come from stored data,
so two reads of an unchanged feed are byte for byte the same, and a calendar program sees a
moved deadline as a new version of the same event (same UID). UIDs name a stable domain
(CALENDAR_UID_DOMAIN, else the sender domain), never the host or port that served them.
"""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from icalendar import Calendar, Event, vDuration

from klachtenregeling.core import mail
from klachtenregeling.handling.constants import Party

from .selectors import calendar_entries

ACCOUNT_DUE = {
    Party.COMPLAINANT: gettext_lazy("Account of the complainant due: complaint %(ref)s"),
    Party.RESPONDENT: gettext_lazy("Account of the person complained about due: complaint %(ref)s"),
}
# How often a calendar program should read the feed again (RFC 7986 REFRESH-INTERVAL, and
# X-PUBLISHED-TTL for Outlook): deadlines move seldom, but a moved one should show the
# same day.
REFRESH = timedelta(hours=1)


def uid_domain() -> str:
    """CALENDAR_UID_DOMAIN, else the domain of the sender address (DEFAULT_FROM_EMAIL)."""
    if settings.CALENDAR_UID_DOMAIN:
        return settings.CALENDAR_UID_DOMAIN
    return mail.sender_domain() or "klachtenregeling.invalid"


def feed_language(user) -> str:
    """The officer's own language (chosen in the app), else the site's."""
    return user.language or settings.LANGUAGE_CODE


def _event(uid: str, day, summary: str, url: str, *, sequence: int, changed_at: datetime) -> Event:
    changed_at = changed_at.astimezone(UTC).replace(microsecond=0)
    event = Event()
    event.add("uid", f"{uid}@{uid_domain()}")
    event.add("dtstamp", changed_at)
    event.add("last-modified", changed_at)
    event.add("sequence", sequence)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("url", url)
    event.add("description", url)
    event.add("transp", "TRANSPARENT")
    return event


def feed(user) -> bytes:
    """Every open deadline of the officer: judgments due, and accounts awaited (R-5.2)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Klachtenregeling//deadlines//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    with translation.override(feed_language(user)):
        name = _("Complaint deadlines")
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        entries = calendar_entries(user)
        for complaint in entries.judgments:
            url = settings.SITE_URL + reverse("complaints:detail", args=[complaint.reference])
            calendar.add_component(
                _event(
                    f"judgment-{complaint.pk}",
                    complaint.deadline,
                    _("Judgment due: complaint %(ref)s") % {"ref": complaint.reference},
                    url,
                    sequence=complaint.sequence,
                    changed_at=complaint.changed_at,
                )
            )
        for invitation in entries.accounts:
            reference = invitation.complaint.reference
            url = settings.SITE_URL + reverse("complaints:detail", args=[reference])
            calendar.add_component(
                # One event per complaint and party: a new invitation moves it.
                _event(
                    f"account-{invitation.complaint_id}-{invitation.party}",
                    invitation.due_date,
                    ACCOUNT_DUE[invitation.party] % {"ref": reference},
                    url,
                    sequence=invitation.sequence,
                    changed_at=invitation.invited_at,
                )
            )
    return calendar.to_ical()
