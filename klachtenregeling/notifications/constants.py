from django.db import models
from django.utils.translation import gettext_lazy as _


class MessageKind(models.TextChoices):
    """Every kind of outgoing message; each has templates in notifications/<kind>/."""

    ACKNOWLEDGEMENT = "acknowledgement", _("acknowledgement of receipt")
    NEW_COMPLAINT = "new_complaint", _("new complaint for the officer")
    OFFICER_NEEDED = "officer_needed", _("request to appoint an officer")
    RESPONDENT_NOTIFIED = "respondent_notified", _("notice to the person complained about")
    HEARING_INVITATION = "hearing_invitation", _("invitation to give an account")
    STATEMENT_RECEIVED = "statement_received", _("account received")
    PROPOSAL = "proposal", _("proposed solution")
    PROPOSAL_ANSWERED = "proposal_answered", _("answer to a proposed solution")
    JUDGMENT = "judgment", _("judgment")
    JUDGMENT_ACCEPTED = "judgment_accepted", _("request to sign the judgment")
    JUDGMENT_DECLINED = "judgment_declined", _("judgment not accepted")
    REFERRAL_INFO = "referral_info", _("how to go to the disputes body")
    RESOLVED = "resolved", _("complaint resolved, signed judgment")
    WITHDRAWN = "withdrawn", _("complaint withdrawn")
    NOT_ADMISSIBLE = "not_admissible", _("complaint not admissible")
    CLOSED = "closed", _("complaint closed")
    DEADLINE_EXTENDED = "deadline_extended", _("extension of the term")
    DEADLINE_REMINDER = "deadline_reminder", _("reminder of a deadline")
    OVERDUE_DIGEST = "overdue_digest", _("daily overview of overdue complaints")
    STATEMENT_REMINDER = "statement_reminder", _("reminder to give an account")
    # the complainant has not answered the judgment after the set period.
    ANSWER_REMINDER = "answer_reminder", _("reminder to answer the judgment")
    DEADLINE_PASSED = "deadline_passed", _("alert: term passed without a judgment")
    LINK_RESENT = "link_resent", _("new personal link")
    # an oral complaint's written record, to confirm or correct (oral app).
    ORAL_CONFIRMATION = "oral_confirmation", _("written record of an oral complaint to confirm")
    ORAL_REMINDER = "oral_reminder", _("reminder to confirm an oral complaint")
    ORAL_NOT_CONFIRMED = "oral_not_confirmed", _("oral complaint closed as not confirmed")
    REVIEW_DUE = "review_due", _("reminder of the yearly review")
    # a stored file of a complaint does not decrypt (changed, or a wrong key).
    FILE_UNREADABLE = "file_unreadable", _("alert: a stored file cannot be read")
    # the cooling-off period of a destruction list ends tomorrow.
    DESTRUCTION_REMINDER = "destruction_reminder", _("reminder: destruction list due")
    # Questions from the regulation page: not about a complaint.
    QUESTION_RECEIVED = "question_received", _("acknowledgement of a question")
    NEW_QUESTION = "new_question", _("new question for the officers")
    QUESTION_ANSWER = "question_answer", _("answer to a question")
    # Issue 14: the administrator's daily digest of complaints that became breached.
    COMPLIANCE_DIGEST = "compliance_digest", _("daily overview of new breaches of the regulation")
    # Issue 15: a staff member was refused many complaint URLs within an hour.
    REFUSED_ACCESS = "refused_access", _("alert: repeated refused access to complaints")
    # Issue 18: a party's e-mail entered the dossier; one of our messages bounced.
    MAIL_RECEIVED = "mail_received", _("new e-mail in a dossier")
    MESSAGE_BOUNCED = "message_bounced", _("alert: a message was returned undelivered")
    # Issue 17: a new staff user's invitation, and a link to set a new password.
    STAFF_INVITATION = "staff_invitation", _("invitation to a new staff user")
    PASSWORD_LINK = "password_link", _("link to set a new password")


# Messages that carry what a person wrote by hand for this recipient: the proposed solution
# (by the officer or the person complained about), the judgment (the officer's letter), the
# reasons why a complaint is not admissible or its term is extended, the answer to a
# question. They go out without `Auto-Submitted` (RFC 3834): a person sent them, so the
# recipient's out-of-office reply may answer. Every other kind is sent by the system on its
# own (acknowledgements, notices of a step, reminders, digests, alerts) and is marked
# `Auto-Submitted: auto-generated`.
HAND_WRITTEN = frozenset(
    {
        MessageKind.PROPOSAL,
        MessageKind.JUDGMENT,
        MessageKind.NOT_ADMISSIBLE,
        MessageKind.DEADLINE_EXTENDED,
        MessageKind.QUESTION_ANSWER,
    }
)
