"""The fixed list of case-event types: the vocabulary of the dossier (R-7.4)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    SUBMITTED = "complaint.submitted", _("complaint submitted")
    REGISTERED = "complaint.registered", _("complaint registered by an officer")
    ROUTED = "complaint.routed", _("complaint routed to an officer")
    ROUTING_FAILED = "complaint.routing_failed", _("no officer available")
    OFFICER_ASSIGNED = "complaint.officer_assigned", _("officer assigned")
    HANDLING_STARTED = "complaint.handling_started", _("handling started")
    SUBJECTS_CHANGED = "complaint.subjects_changed", _("subjects changed")
    NOTE_ADDED = "complaint.note_added", _("note added")
    ATTACHMENT_ADDED = "attachment.added", _("attachment added")
    MESSAGE_QUEUED = "message.queued", _("message queued")
    MESSAGE_SENT = "message.sent", _("message delivered")
    MESSAGE_FAILED = "message.failed", _("message could not be delivered")


class ActorRole(models.TextChoices):
    COMPLAINANT = "complainant", _("complainant")
    OFFICER = "officer", _("complaints officer")
    RESPONDENT = "respondent", _("respondent")
    ADMIN = "admin", _("administrator")
    SYSTEM = "system", _("system")
