"""How case events read in the dossier: one sentence per event, in the reader's language."""

from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from klachtenregeling.core.clock import AMSTERDAM

from .constants import ActorRole, EventType

ROUTING_REASONS = {
    "registering_officer": gettext_lazy("the officer who registered it"),
    "default_officer": gettext_lazy("the default officer"),
    "respondent_is_officer": gettext_lazy(
        "the complaint is about an officer, so another officer (R-5.4)"
    ),
    "first_officer": gettext_lazy("the first available officer"),
    "no_officer_configured": gettext_lazy("no officer is configured"),
    "no_other_officer": gettext_lazy("the complaint is about the only officer (R-5.4)"),
    "appointed": gettext_lazy("appointed"),
    "handed_over": gettext_lazy("handed over"),
}


def _channel(value: str) -> str:
    from klachtenregeling.complaints.constants import Channel

    return str(Channel(value).label) if value in Channel.values else value


RECIPIENTS = {
    ActorRole.COMPLAINANT: gettext_lazy("%(kind)s, to the complainant"),
    ActorRole.OFFICER: gettext_lazy("%(kind)s, to the officer"),
    ActorRole.RESPONDENT: gettext_lazy("%(kind)s, to the person complained about"),
    ActorRole.ADMIN: gettext_lazy("%(kind)s, to the administrator"),
}


def _message(data: dict) -> str:
    from klachtenregeling.notifications.constants import MessageKind

    kind = data.get("kind", "")
    kind_label = str(MessageKind(kind).label) if kind in MessageKind.values else kind
    template = RECIPIENTS.get(data.get("recipient_role"), gettext_lazy("%(kind)s"))
    return str(template) % {"kind": kind_label}


def _reason(data: dict) -> str:
    reason = data.get("reason", "")
    return str(ROUTING_REASONS.get(reason, reason))


def describe(event) -> str:
    d = event.data
    match event.type:
        case EventType.SUBMITTED:
            return _("Complaint submitted (%(channel)s)") % {
                "channel": _channel(d.get("channel", ""))
            }
        case EventType.REGISTERED:
            received = parse_datetime(d.get("received_at", ""))
            return _("Complaint registered (%(channel)s, received on %(date)s)") % {
                "channel": _channel(d.get("channel", "")),
                "date": date_format(received.astimezone(AMSTERDAM).date()) if received else "?",
            }
        case EventType.ROUTED:
            return _("Routed to %(officer)s: %(reason)s") % {
                "officer": d.get("officer", "?"),
                "reason": _reason(d),
            }
        case EventType.ROUTING_FAILED:
            return _("No officer available (%(reason)s); the administrator was alerted") % {
                "reason": _reason(d)
            }
        case EventType.OFFICER_ASSIGNED:
            return _("Officer %(officer)s assigned (%(reason)s)") % {
                "officer": d.get("officer", "?"),
                "reason": _reason(d),
            }
        case EventType.HANDLING_STARTED:
            return _("Handling started")
        case EventType.SUBJECTS_CHANGED:
            added = ", ".join(s["name"] for s in d.get("added", [])) or "—"
            removed = ", ".join(s["name"] for s in d.get("removed", [])) or "—"
            return _("Subjects changed: added %(added)s; removed %(removed)s") % {
                "added": added,
                "removed": removed,
            }
        case EventType.NOTE_ADDED:
            return _("Note")
        case EventType.ATTACHMENT_ADDED:
            return _("Attachment added: %(name)s") % {"name": d.get("filename", "?")}
        case EventType.MESSAGE_QUEUED:
            return _("Message queued: %(message)s") % {"message": _message(d)}
        case EventType.MESSAGE_SENT:
            return _("Message delivered: %(message)s") % {"message": _message(d)}
        case EventType.MESSAGE_FAILED:
            return _("Message could not be delivered: %(message)s") % {"message": _message(d)}
    return str(EventType(event.type).label) if event.type in EventType.values else event.type
