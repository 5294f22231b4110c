"""Messages about incoming e-mail (issue 18): to the handling officer only."""

from .constants import MessageKind
from .procedure_messages import to_officer


def mail_received(complaint, mail, *, party: str):
    """A party's e-mail entered the dossier: the officer is told like of other updates.
    The subject names the reference only; the text stays in the dossier."""
    return to_officer(complaint, MessageKind.MAIL_RECEIVED, party=party, mail=mail)


def message_bounced(complaint, message):
    """One of our messages came back undelivered: the complainant may need a letter."""
    return to_officer(complaint, MessageKind.MESSAGE_BOUNCED, bounced=message)
