"""The fixed list of case-event types: the vocabulary of the dossier (R-7.4)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    SUBMITTED = "complaint.submitted", _("complaint submitted")
    REGISTERED = "complaint.registered", _("complaint registered by an officer")
    # an oral complaint's history before its written confirmation (oral app).
    ORAL_HISTORY = "complaint.oral_history", _("oral complaint recorded and confirmed")
    ROUTED = "complaint.routed", _("complaint routed to an officer")
    ROUTING_FAILED = "complaint.routing_failed", _("no officer available")
    OFFICER_ASSIGNED = "complaint.officer_assigned", _("officer assigned")
    HANDLING_STARTED = "complaint.handling_started", _("handling started")
    SUBJECTS_CHANGED = "complaint.subjects_changed", _("subjects changed")
    SUBJECTS_SUGGESTED = "complaint.subjects_suggested", _("subjects suggested")
    NOTE_ADDED = "complaint.note_added", _("note added")
    ATTACHMENT_ADDED = "attachment.added", _("attachment added")
    DEADLINE_EXTENDED = "complaint.deadline_extended", _("term extended")
    DEADLINE_PASSED = "complaint.deadline_passed", _("term passed without a judgment")
    RESPONDENT_SET = "complaint.respondent_set", _("person complained about set")
    RESPONDENT_NOTIFIED = "complaint.respondent_notified", _("person complained about informed")
    HEARING_INVITED = "hearing.invited", _("invited to give an account")
    STATEMENT_GIVEN = "hearing.statement_given", _("account given")
    HEARING_WAIVED = "hearing.waived", _("reason recorded why a side was not heard")
    UPDATE_ADDED = "solution.update_added", _("update on the case")
    PROPOSAL_MADE = "solution.proposed", _("solution proposed")
    PROPOSAL_ANSWERED = "solution.answered", _("answer to a proposed solution")
    JUDGMENT_ISSUED = "judgment.issued", _("judgment sent")
    JUDGMENT_ANSWERED = "judgment.answered", _("complainant answered the judgment")
    SIGNED = "judgment.signed", _("judgment signed")
    SIGNATURES_VOIDED = "judgment.signatures_voided", _("signatures voided by a revised judgment")
    RESOLVED = "complaint.resolved", _("complaint resolved")
    REFERRED = "referral.recorded", _("complaint referred to the disputes body")
    CASE_FILE_EXPORTED = "referral.case_file_exported", _("case file for the disputes body made")
    RULING_RECORDED = "referral.ruling_recorded", _("ruling of the disputes body recorded")
    CLOSED = "complaint.closed", _("complaint closed")
    WITHDRAWN = "complaint.withdrawn", _("complaint withdrawn")
    NOT_ADMISSIBLE = "complaint.not_admissible", _("declared not admissible")
    # the ended complaint was counted in the anonymous statistics.
    STATISTICS_RECORDED = "complaint.statistics_recorded", _("counted in the statistics")
    LETTER_ISSUED = "letter.issued", _("letter issued")
    LINKS_REVOKED = "portal.links_revoked", _("personal links revoked")
    MESSAGE_QUEUED = "message.queued", _("message queued")
    MESSAGE_SENT = "message.sent", _("message delivered")
    MESSAGE_FAILED = "message.failed", _("message could not be delivered")
    # Issue 18: a reply by e-mail from a party, threaded into the dossier.
    MAIL_RECEIVED = "mail.received", _("e-mail received")
    # Issue 16: a letter to a complainant without e-mail was posted by the officer.
    MESSAGE_POSTED = "message.posted", _("letter posted")
    # a hold blocks destruction until it is lifted.
    HOLD_SET = "retention.hold_set", _("hold on destruction set")
    HOLD_LIFTED = "retention.hold_lifted", _("hold on destruction lifted")
    # the content of rows recorded before their events carried its digest (0009).
    CONTENT_SEALED = "content.sealed", _("recorded content sealed")


class ActorRole(models.TextChoices):
    COMPLAINANT = "complainant", _("complainant")
    OFFICER = "officer", _("complaints officer")
    RESPONDENT = "respondent", _("respondent")
    ADMIN = "admin", _("administrator")
    SYSTEM = "system", _("system")


class AccessKind(models.TextChoices):
    """What was read (R-6.2): the fixed list of reads the access log records."""

    DOSSIER = "dossier.viewed", _("opened the dossier")
    DOSSIER_AS_RESPONDENT = "dossier.viewed_as_respondent", _("opened the complaint about them")
    STATUS_PAGE = "status_page.viewed", _("opened the complainant's page")
    ATTACHMENT = "attachment.downloaded", _("downloaded an attachment")
    LETTER = "letter.downloaded", _("downloaded a letter")
    CASE_FILE = "case_file.downloaded", _("downloaded the case file for the disputes body")
    ACCESS_LOG_EXPORT = "access_log.exported", _("exported the access log")
