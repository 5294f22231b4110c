"""Fixed lists of the complaints domain. Stored values are English; labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    """The complaint's place in the procedure of Art. 5 (steps: workflow.TRANSITIONS)."""

    RECEIVED = "received", _("received")
    IN_HANDLING = "in_handling", _("in handling")
    HEARING = "hearing", _("hearing both sides")
    JUDGED = "judged", _("judgment sent")
    RESOLVED = "resolved", _("resolved")
    UNRESOLVED = "unresolved", _("not resolved")
    REFERRED = "referred", _("with the disputes body")
    CLOSED = "closed", _("closed")
    WITHDRAWN = "withdrawn", _("withdrawn")
    NOT_ADMISSIBLE = "not_admissible", _("not admissible")


# Final: read-only from here on.
FINAL_STATUSES = frozenset({Status.CLOSED, Status.WITHDRAWN, Status.NOT_ADMISSIBLE})
OPEN_STATUSES = frozenset(Status.values) - FINAL_STATUSES
# The term of runs until the judgment is sent.
AWAITING_JUDGMENT = frozenset({Status.RECEIVED, Status.IN_HANDLING, Status.HEARING})


class Channel(models.TextChoices):
    """How the written complaint reached the organisation (R-1.1)."""

    WEB = "web", _("web form")
    API = "api", _("API")
    EMAIL = "email", _("e-mail")
    LETTER = "letter", _("letter")
    # second sentence: told by phone or in person, put in writing by an officer and
    # confirmed in writing by the complainant; a complaint from that confirmation on.
    ORAL = "oral", _("by phone or in person, confirmed in writing")


# Channels through which an officer registers a complaint received elsewhere.
REGISTERED_CHANNELS = (Channel.EMAIL, Channel.LETTER)


class Concern(models.TextChoices):
    """What a complaint is about (R-1.2); a complaint names one or more."""

    FORMING = "forming", _("the forming of the engagement")
    PERFORMANCE = "performance", _("the performance of the engagement")
    QUALITY = "quality", _("the quality of the service")
    INVOICE = "invoice", _("the invoice amount")
    CONDUCT = "conduct", _("the conduct of someone working for the organisation")


class AttachmentKind(models.TextChoices):
    ORIGINAL = "original", _("original complaint (letter or e-mail)")
    SUPPORTING = "supporting", _("supporting document")
    LETTER = "letter", _("letter (PDF)")
    # A letter addressed to the person complained about: without the complainant's contact
    # details, and never offered to the complainant (nor the complainant's to them).
    RESPONDENT_LETTER = "respondent_letter", _("letter to the person complained about (PDF)")
    RULING = "ruling", _("ruling of the disputes body")


class Satisfaction(models.TextChoices):
    """How the complainant felt about the handling, asked at closing (R-3.3)."""

    SATISFIED = "satisfied", _("satisfied")
    PARTLY = "partly", _("partly satisfied")
    DISSATISFIED = "dissatisfied", _("dissatisfied")
    UNKNOWN = "unknown", _("unknown")


class ExtensionReason(models.TextChoices):
    """Why the term was extended (R-5.5), as the reports count it; the letter gives the
    reasons in full."""

    HEARING = "hearing", _("hearing both sides takes longer")
    INFORMATION = "information", _("waiting for information or documents")
    AVAILABILITY = "availability", _("someone involved is not available")
    COMPLEXITY = "complexity", _("the complaint is complex")
    SOLUTION = "solution", _("a solution is being worked out")
    OTHER = "other", _("other reason")


class Language(models.TextChoices):
    NL = "nl", "Nederlands"
    EN = "en", "English"


class Due(models.TextChoices):
    """The officer's dashboard by urgency (R-7.1)."""

    OVERDUE = "overdue", _("Overdue")
    THIS_WEEK = "week", _("Due this week")
    AWAITING_ANSWER = "awaiting", _("Awaiting a party's account")
    # Issue 14: a rule of the regulation breached or at risk (Complaint.compliance_status).
    COMPLIANCE = "compliance", _("Breach or at risk")


class ComplianceStatus(models.IntegerChoices):
    """The worst verdict of a complaint's compliance checks (issue 14), as stored on the
    complaint; lower is worse, so "breach first" is an ascending index scan."""

    BREACHED = 0, _("breached")
    AT_RISK = 1, _("at risk")
    FINE = 2, _("in order")


# Complaint.attention for a finished complaint: after every open one, whatever its status.
ATTENTION_FINISHED = 3


REFERENCE_PREFIX = "KL"
MAX_DESCRIPTION_LENGTH = 10_000
MAX_SHORT_TEXT_LENGTH = 2_000
