"""Fixed lists of incoming e-mail. Stored values are English; labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MailKind(models.TextChoices):
    """What an incoming message turned out to be (rules/noise.py, rules/threading.py)."""

    NEW = "new", _("new message")
    REPLY = "reply", _("reply to a complaint")
    AUTO_REPLY = "auto_reply", _("automatic reply or out-of-office")
    BOUNCE = "bounce", _("undeliverable message returned")
    LOOP = "loop", _("our own message came back")
    UNREADABLE = "unreadable", _("message that could not be read")


class MailStatus(models.TextChoices):
    """Where the message is now."""

    TRIAGE = "triage", _("waiting in the inbox")
    IN_DOSSIER = "in_dossier", _("added to the dossier")
    REGISTERED = "registered", _("registered as a complaint")
    QUESTION = "question", _("handled as a question")
    DISCARDED = "discarded", _("discarded")
    NOISE = "noise", _("recognised as automatic mail")
    FAILED = "failed", _("could not be read")


OPEN_TRIAGE = (MailStatus.TRIAGE,)


class TriageReason(models.TextChoices):
    """Why a message waits for an officer instead of going into a dossier by itself."""

    NEW = "new", _("new message")
    MENTIONS_REFERENCE = "mentions_reference", _("mentions a complaint reference in the subject")
    NOT_A_PARTY = "not_a_party", _("reply from an address that is not a party of the complaint")
    COMPLAINT_ENDED = "complaint_ended", _("reply to a complaint that has ended")


class Security(models.TextChoices):
    SSL = "ssl", _("TLS from the start (port 993)")
    STARTTLS = "starttls", _("STARTTLS (port 143)")
    NONE = "none", _("no encryption (only for a server on this machine)")


class AuthMethod(models.TextChoices):
    PASSWORD = "password", _("password")
    XOAUTH2 = "xoauth2", _("OAuth2 access token (Microsoft 365, Google)")


class Source(models.TextChoices):
    IMAP = "imap", _("mailbox")
    FILE = "file", _(".eml file")
