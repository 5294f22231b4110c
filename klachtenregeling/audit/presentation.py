"""How case events read in the dossier: one sentence per event, in the reader's language."""

from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from klachtenregeling.core.clock import AMSTERDAM

from .constants import ActorRole, EventType

ROUTING_REASONS = {
    "registering_officer": gettext_lazy("the officer who registered it"),
    "default_officer": gettext_lazy("the default officer"),
    "respondent_is_officer": gettext_lazy(
        "the complaint is about an officer, so another officer (article 5)"
    ),
    "first_officer": gettext_lazy("the first available officer"),
    "no_officer_configured": gettext_lazy("no officer is configured"),
    "no_other_officer": gettext_lazy("the complaint is about the only officer (article 5)"),
    "appointed": gettext_lazy("appointed"),
    "handed_over": gettext_lazy("handed over"),
}


def _date(value: str) -> str:
    day = parse_date(value or "")
    return date_format(day, "j F Y") if day else "?"


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
                "date": date_format(received.astimezone(AMSTERDAM).date(), "j F Y")
                if received
                else "?",
            }
        case EventType.ORAL_HISTORY:
            told = parse_date(d.get("contacted_on", ""))
            how = {"link": _("through the personal link"), "paper": _("on paper")}
            return _("Told orally on %(date)s, put in writing and confirmed %(how)s") % {
                "date": date_format(told, "j F Y") if told else "?",
                "how": how.get(d.get("confirmed_how", ""), "?"),
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
        case EventType.SUBJECTS_SUGGESTED:
            suggested = ", ".join(s["name"] for s in d.get("suggestions", [])) or "—"
            return _("Subjects suggested from earlier complaints: %(subjects)s") % {
                "subjects": suggested
            }
        case EventType.STATISTICS_RECORDED:
            return _("Counted in the anonymous statistics")
        case EventType.NOTE_ADDED:
            return _("Note")
        case EventType.ATTACHMENT_ADDED:
            return _("Attachment added: %(name)s") % {"name": d.get("filename", "?")}
        case EventType.DEADLINE_EXTENDED:
            return _("Term extended from %(old)s to %(new)s: %(reason)s") % {
                "old": _date(d.get("previous_deadline", "")),
                "new": _date(d.get("new_deadline", "")),
                "reason": d.get("reason", ""),
            }
        case EventType.DEADLINE_PASSED:
            return _("The term (%(date)s) passed without a judgment or an extension") % {
                "date": _date(d.get("deadline", ""))
            }
        case EventType.MESSAGE_QUEUED:
            return _("Message queued: %(message)s") % {"message": _message(d)}
        case EventType.MESSAGE_SENT:
            return _("Message delivered: %(message)s") % {"message": _message(d)}
        case EventType.MESSAGE_POSTED:
            return _("Letter posted on %(date)s: %(message)s") % {
                "date": _date(d.get("posted_on", "")),
                "message": _message(d),
            }
        case EventType.MESSAGE_FAILED:
            return _("Message could not be delivered: %(message)s") % {"message": _message(d)}
        case EventType.MAIL_RECEIVED:
            return _("E-mail received from %(sender)s: %(subject)s") % {
                "sender": d.get("from", "?"),
                "subject": d.get("subject") or "—",
            }
        case EventType.HOLD_SET:
            return _("Hold on destruction set: %(reason)s") % {"reason": d.get("reason", "")}
        case EventType.HOLD_LIFTED:
            return _("Hold on destruction lifted: %(reason)s") % {"reason": d.get("reason", "")}
    described = describe_procedure(event)
    if described:
        return described
    return str(EventType(event.type).label) if event.type in EventType.values else event.type


def _party(value: str) -> str:
    from klachtenregeling.handling.constants import Party

    return str(Party(value).label) if value in Party.values else value


def _label(choices, value: str) -> str:
    return str(choices(value).label) if value in choices.values else value


def describe_procedure(event) -> str:
    """Steps of Art. 5: hearing, solutions, judgment, signatures, referral, endings."""
    from klachtenregeling.complaints.constants import Satisfaction
    from klachtenregeling.handling.constants import Answer, RulingOutcome, Signer, Verdict, Via

    d = event.data
    match event.type:
        case EventType.RESPONDENT_SET:
            return _("Person complained about: %(name)s") % {"name": d.get("respondent") or "—"}
        case EventType.RESPONDENT_NOTIFIED:
            return _("The person complained about was informed of the complaint")
        case EventType.HEARING_INVITED:
            return _("%(party)s invited to give an account by %(date)s") % {
                "party": _party(d.get("party", "")).capitalize(),
                "date": _date(d.get("due_date", "")),
            }
        case EventType.STATEMENT_GIVEN:
            return _("Account of %(party)s (%(via)s)") % {
                "party": _party(d.get("party", "")),
                "via": _label(Via, d.get("via", "")),
            }
        case EventType.HEARING_WAIVED:
            return _("Not heard: %(party)s — %(reason)s") % {
                "party": _party(d.get("party", "")),
                "reason": d.get("reason", ""),
            }
        case EventType.UPDATE_ADDED:
            return _("Update on the case")
        case EventType.PROPOSAL_MADE:
            return _("A solution was proposed")
        case EventType.PROPOSAL_ANSWERED:
            return _("Proposed solution %(answer)s") % {
                "answer": _label(Answer, d.get("answer", ""))
            }
        case EventType.JUDGMENT_ISSUED:
            return _("Judgment sent (version %(version)s): %(verdict)s") % {
                "version": d.get("version", "?"),
                "verdict": _label(Verdict, d.get("verdict", "")),
            }
        case EventType.JUDGMENT_ANSWERED:
            return _("Complainant's answer to the judgment: %(answer)s") % {
                "answer": _label(Answer, d.get("answer", ""))
            }
        case EventType.SIGNED:
            return _("Judgment signed by %(signer)s") % {
                "signer": _label(Signer, d.get("signer", ""))
            }
        case EventType.SIGNATURES_VOIDED:
            return _("Judgment revised: earlier signatures lapsed")
        case EventType.RESOLVED:
            return _("Complaint resolved: the judgment is signed by all")
        case EventType.REFERRED:
            return _("Submitted to %(body)s on %(date)s") % {
                "body": d.get("body", ""),
                "date": _date(d.get("referred_on", "")),
            }
        case EventType.CASE_FILE_EXPORTED:
            return _("Case file for the disputes body made (%(n)s files)") % {
                "n": d.get("files", "?")
            }
        case EventType.RULING_RECORDED:
            return _("Ruling of %(date)s recorded: %(outcome)s") % {
                "date": _date(d.get("ruling_on", "")),
                "outcome": _label(RulingOutcome, d.get("outcome", "")),
            }
        case EventType.CLOSED:
            satisfaction = d.get("satisfaction", "")
            if satisfaction:
                return _("Complaint closed (%(satisfaction)s)") % {
                    "satisfaction": _label(Satisfaction, satisfaction)
                }
            return _("Complaint closed")
        case EventType.WITHDRAWN:
            return _("Complaint withdrawn")
        case EventType.NOT_ADMISSIBLE:
            return _("Declared not admissible")
        case EventType.LETTER_ISSUED:
            return _("Letter: %(name)s") % {"name": d.get("filename", "")}
        case EventType.LINKS_REVOKED:
            return _("Personal links revoked (%(n)s)") % {"n": d.get("count", 0)}
    return ""


def reader(entry) -> str:
    """Who read, in the access log (R-6.2): the staff member, or the complainant's link."""
    if entry.actor_id is not None:
        return entry.actor.display_name
    return _("the complainant (personal link)")
