"""The officer's deadlines as an iCalendar feed (R-7.1), for Outlook or Google Calendar.

Events carry the reference only — no names, no content — because a calendar lives
outside the application; the link leads to the dossier behind the log-in.
"""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from icalendar import Calendar, Event

from klachtenregeling.core import clock
from klachtenregeling.handling.constants import Party

from .selectors import calendar_entries

ACCOUNT_DUE = {
    Party.COMPLAINANT: gettext_lazy("Account of the complainant due: complaint %(ref)s"),
    Party.RESPONDENT: gettext_lazy("Account of the person complained about due: complaint %(ref)s"),
}


def _event(uid: str, day, summary: str, url: str) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", clock.now())
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("url", url)
    event.add("description", url)
    event.add("transp", "TRANSPARENT")
    return event


def feed(user) -> bytes:
    """Every open deadline of the officer: judgments due, and accounts awaited (R-5.2)."""
    host = settings.SITE_URL.split("://", 1)[-1]
    calendar = Calendar()
    calendar.add("prodid", "-//Klachtenregeling//deadlines//NL")
    calendar.add("version", "2.0")
    with translation.override(settings.LANGUAGE_CODE):
        calendar.add("x-wr-calname", _("Complaint deadlines"))
        entries = calendar_entries(user)
        for complaint in entries.judgments:
            url = settings.SITE_URL + reverse("complaints:detail", args=[complaint.reference])
            calendar.add_component(
                _event(
                    f"judgment-{complaint.pk}@{host}",
                    complaint.deadline,
                    _("Judgment due: complaint %(ref)s") % {"ref": complaint.reference},
                    url,
                )
            )
        for invitation in entries.accounts:
            reference = invitation.complaint.reference
            url = settings.SITE_URL + reverse("complaints:detail", args=[reference])
            calendar.add_component(
                _event(
                    f"account-{invitation.pk}@{host}",
                    invitation.due_date,
                    ACCOUNT_DUE[invitation.party] % {"ref": reference},
                    url,
                )
            )
    return calendar.to_ical()
