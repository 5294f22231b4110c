"""Who may do what: the one authorization policy (R-5.4, R-6.1).

Every view, API endpoint and service asks `can()` or `require()`; selectors
apply the same predicates as query filters. Existence is confidential, so a
refusal on a complaint is shown as "not found".
"""

from collections.abc import Callable

from django.utils.translation import gettext_lazy as _

from klachtenregeling.complaints.constants import OPEN_STATUSES, Status
from klachtenregeling.complaints.rules.routing import may_handle
from klachtenregeling.core.errors import NotPermitted

COMPLAINT_VIEW = "complaint.view"
COMPLAINT_HANDLE = "complaint.handle"
# the handling officer records a referral and exports the case file — also for a
# complaint declared not admissible (final otherwise: the disputes body may still take it).
COMPLAINT_REFER = "complaint.refer"
COMPLAINT_REGISTER = "complaint.register"
# an oral complaint awaiting its written confirmation (oral app).
ORAL_RECORD_HANDLE = "oral_record.handle"
COMPLAINT_APPOINT_OFFICER = "complaint.appoint_officer"
COMPLAINT_LIST_UNASSIGNED = "complaint.list_unassigned"
ORGANISATION_ADMINISTER = "organisation.administer"
# The person complained about, once informed: sees the parts needed for a reply.
COMPLAINT_VIEW_AS_RESPONDENT = "complaint.view_as_respondent"
COMPLAINT_RESPOND = "complaint.respond"
# The published regulation: its wording and the house style are the admin's;
# every staff member may use the text for order confirmations.
REGULATION_EDIT = "regulation.edit"
REGULATION_USE_ORDER_TEXT = "regulation.use_order_text"
BRANDING_EDIT = "branding.edit"
# Questions from the regulation page are confidential: the organisation's officers only.
QUESTION_LIST = "question.list"
QUESTION_VIEW = "question.view"
QUESTION_ANSWER = "question.answer"
QUESTION_CONVERT = "question.convert"
# an officer's deadlines in their own calendar program (a secret address).
CALENDAR_USE = "calendar.use"
# the organisation's admin exports who read a complaint (never its content).
COMPLAINT_EXPORT_ACCESS_LOG = "complaint.export_access_log"
# the managed lists of subjects and causes (officers and the admin).
REGISTRATION_LISTS_MANAGE = "registration.manage_lists"
# the periodic report from the anonymous statistics; the officers write and
# finalise it. A finalised report (figures and recommendations only, never complaint
# content) is also read by the board and the administrator.
REPORT_COMPOSE = "report.compose"
REPORT_VIEW_FINALISED = "report.view_finalised"
# recommendations as actions: the officers follow all of them up; the owner
# updates their own.
RECOMMENDATION_LIST_ALL = "recommendation.list_all"
RECOMMENDATION_MANAGE = "recommendation.manage"
RECOMMENDATION_UPDATE = "recommendation.update"
# the yearly review is recorded by an officer; read by the officers and the admin,
# and by the board once submitted to it; the board records its decision.
REVIEW_RECORD = "review.record"
REVIEW_VIEW = "review.view"
BOARD_DECIDE = "review.board_decide"
BOARD_HOME = "board.home"
# holds on destruction: the officer handling the complaint (also once it ended), or
# the organisation's administrator (reference and dates only; never about themselves).
HOLD_MANAGE = "retention.hold_manage"
# the destruction list after a review. An officer proposes it (and sees the
# references); the officers and the administrator confirm (four eyes) and may cancel; the
# administrator sees counts and dates only. The statement of destruction is read by the
# officers, the administrator and the board. Objects: the organisation, a review or a list.
DESTRUCTION_PROPOSE = "retention.destruction_propose"
DESTRUCTION_DECIDE = "retention.destruction_decide"
DESTRUCTION_STATEMENT_VIEW = "retention.destruction_statement_view"
# The organisation's API keys (README: "API"): made and revoked by its administrator.
API_KEY_MANAGE = "api_key.manage"
# Issue 18: the triage inbox of incoming e-mail is the officers' only (object: the
# organisation); a message naming an officer is not shown to that officer (R-5.4; object:
# the message). The mailbox settings and failed mail are the administrator's.
MAIL_TRIAGE_LIST = "mail.triage_list"
MAIL_TRIAGE_HANDLE = "mail.triage_handle"
MAILBOX_CONFIGURE = "mail.mailbox_configure"
# Issue 17: the administrator's own pages: the staff users of the organisation (invite,
# roles, a link to set a new password, resetting two-step log-in) and the organisation log.
STAFF_USER_MANAGE = "staff.manage_user"


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def _same_organisation(user, obj) -> bool:
    return user.organisation_id is not None and user.organisation_id == obj.organisation_id


def _view_complaint(user, complaint) -> bool:
    """R-6.1: only the assigned officer; R-5.4: never the officer the complaint is about."""
    return (
        _same_organisation(user, complaint)
        and user.is_officer
        and complaint.assigned_officer_id == user.pk
        and may_handle(officer_id=user.pk, respondent_id=complaint.respondent_id)
    )


def _handle_complaint(user, complaint) -> bool:
    return _view_complaint(user, complaint) and complaint.status in OPEN_STATUSES


def _refer_complaint(user, complaint) -> bool:
    return _view_complaint(user, complaint) and (
        complaint.status in OPEN_STATUSES or complaint.status == Status.NOT_ADMISSIBLE
    )


def _view_as_respondent(user, complaint) -> bool:
    return (
        _same_organisation(user, complaint)
        and complaint.respondent_id == user.pk
        and complaint.respondent_notified_at is not None
    )


def _respond(user, complaint) -> bool:
    return _view_as_respondent(user, complaint) and complaint.status in OPEN_STATUSES


def _register_complaint(user, organisation) -> bool:
    return user.is_officer and user.organisation_id == organisation.pk


def _handle_oral_record(user, record) -> bool:
    """The officer who wrote it down; never the officer it is about (R-5.4)."""
    return (
        _same_organisation(user, record)
        and user.is_officer
        and record.officer_id == user.pk
        and may_handle(officer_id=user.pk, respondent_id=record.respondent_id)
    )


def _appoint_officer(user, complaint) -> bool:
    """The organisation's admin appoints an officer to a complaint without one, without
    seeing its content (R-6.1) — unless the complaint is about that admin (R-5.4)."""
    return (
        user.is_org_admin
        and _same_organisation(user, complaint)
        and complaint.assigned_officer_id is None
        and complaint.status in OPEN_STATUSES
        and complaint.respondent_id != user.pk
    )


def _export_access_log(user, complaint) -> bool:
    """The admin of the complaint's organisation — unless the complaint is about them."""
    return (
        user.is_org_admin
        and _same_organisation(user, complaint)
        and complaint.respondent_id != user.pk
    )


def _administer(user, organisation) -> bool:
    return user.is_org_admin and user.organisation_id == organisation.pk


def _manage_staff_user(user, other) -> bool:
    """The organisation's administrator manages its users; never the platform's own."""
    return user.is_org_admin and _same_organisation(user, other) and not other.is_superuser


def _staff_of(user, organisation) -> bool:
    return user.organisation_id is not None and user.organisation_id == organisation.pk


def _use_calendar(user, organisation) -> bool:
    return user.is_officer and organisation is not None and _staff_of(user, organisation)


def _list_questions(user, organisation) -> bool:
    return user.is_officer and _staff_of(user, organisation)


def _view_question(user, question) -> bool:
    return user.is_officer and _same_organisation(user, question)


def _answer_question(user, question) -> bool:
    return _view_question(user, question) and question.is_open


def _convert_question(user, question) -> bool:
    """Only with the sender's consent does a question become a complaint."""
    return _answer_question(user, question) and question.consent_to_complaint


def _manage_registration_lists(user, organisation) -> bool:
    return (user.is_officer or user.is_org_admin) and _staff_of(user, organisation)


def _compose_report(user, organisation) -> bool:
    return user.is_officer and _staff_of(user, organisation)


def _view_finalised_report(user, report) -> bool:
    return (user.is_officer or user.is_board or user.is_org_admin) and _same_organisation(
        user, report
    )


def _manage_recommendation(user, recommendation) -> bool:
    return user.is_officer and _same_organisation(user, recommendation)


def _update_recommendation(user, recommendation) -> bool:
    """The owner, or an officer of the organisation; a finished one is read-only."""
    from klachtenregeling.improvements.constants import FINISHED

    return (
        _same_organisation(user, recommendation)
        and (user.is_officer or recommendation.owner_id == user.pk)
        and recommendation.status not in FINISHED
    )


def _view_review(user, review) -> bool:
    if not _same_organisation(user, review):
        return False
    return user.is_officer or user.is_org_admin or (user.is_board and review.submitted_to_board)


def _board_decide(user, review) -> bool:
    return (
        user.is_board
        and _same_organisation(user, review)
        and review.submitted_to_board
        and not has_board_decision(review)
    )


def has_board_decision(review) -> bool:
    from klachtenregeling.reviews.models import BoardDecision

    return BoardDecision.objects.filter(review=review).exists()


def _board_home(user, organisation) -> bool:
    return user.is_board and _staff_of(user, organisation)


def _manage_holds(user, complaint) -> bool:
    return _view_complaint(user, complaint) or _export_access_log(user, complaint)


def _organisation_id(obj):
    """The organisation itself, or an object of an organisation (a review, a list)."""
    return obj.pk if obj._meta.model_name == "organisation" else obj.organisation_id


def _propose_destruction(user, obj) -> bool:
    return user.is_officer and user.organisation_id == _organisation_id(obj)


def _handle_mail(user, mail) -> bool:
    """R-5.4: an officer the message names does not see it (it may be about them)."""
    return (
        user.is_officer
        and _same_organisation(user, mail)
        and not mail.named_officers.filter(pk=user.pk).exists()
    )


def _decide_destruction(user, obj) -> bool:
    return (user.is_officer or user.is_org_admin) and user.organisation_id == _organisation_id(obj)


def _view_destruction_statement(user, obj) -> bool:
    return (
        user.is_officer or user.is_org_admin or user.is_board
    ) and user.organisation_id == _organisation_id(obj)


_RULES: dict[str, Callable] = {
    COMPLAINT_VIEW: _view_complaint,
    COMPLAINT_HANDLE: _handle_complaint,
    COMPLAINT_REFER: _refer_complaint,
    COMPLAINT_VIEW_AS_RESPONDENT: _view_as_respondent,
    COMPLAINT_RESPOND: _respond,
    COMPLAINT_REGISTER: _register_complaint,
    ORAL_RECORD_HANDLE: _handle_oral_record,
    COMPLAINT_APPOINT_OFFICER: _appoint_officer,
    COMPLAINT_LIST_UNASSIGNED: _administer,
    COMPLAINT_EXPORT_ACCESS_LOG: _export_access_log,
    ORGANISATION_ADMINISTER: _administer,
    API_KEY_MANAGE: _administer,
    STAFF_USER_MANAGE: _manage_staff_user,
    REGULATION_EDIT: _administer,
    REGULATION_USE_ORDER_TEXT: _staff_of,
    BRANDING_EDIT: _administer,
    QUESTION_LIST: _list_questions,
    QUESTION_VIEW: _view_question,
    QUESTION_ANSWER: _answer_question,
    QUESTION_CONVERT: _convert_question,
    CALENDAR_USE: _use_calendar,
    REGISTRATION_LISTS_MANAGE: _manage_registration_lists,
    REPORT_COMPOSE: _compose_report,
    REPORT_VIEW_FINALISED: _view_finalised_report,
    RECOMMENDATION_LIST_ALL: _compose_report,
    RECOMMENDATION_MANAGE: _manage_recommendation,
    RECOMMENDATION_UPDATE: _update_recommendation,
    REVIEW_RECORD: _compose_report,
    REVIEW_VIEW: _view_review,
    BOARD_DECIDE: _board_decide,
    BOARD_HOME: _board_home,
    HOLD_MANAGE: _manage_holds,
    DESTRUCTION_PROPOSE: _propose_destruction,
    DESTRUCTION_DECIDE: _decide_destruction,
    DESTRUCTION_STATEMENT_VIEW: _view_destruction_statement,
    MAIL_TRIAGE_LIST: _list_questions,
    MAIL_TRIAGE_HANDLE: _handle_mail,
    MAILBOX_CONFIGURE: _administer,
}


def can(user, action: str, obj) -> bool:
    """True when `user` may perform `action` on `obj`."""
    return _active(user) and _RULES[action](user, obj)


def require(user, action: str, obj) -> None:
    """Raise NotPermitted unless can(user, action, obj)."""
    if not can(user, action, obj):
        raise NotPermitted(_("This complaint does not exist or you have no access to it."))


def complainant_may(link, complaint) -> bool:
    """The complainant acts through a valid personal link to this complaint (R-7.3)."""
    from klachtenregeling.portal.tokens import is_valid

    return (
        link is not None
        and link.complaint_id == complaint.pk
        and is_valid(link)
        and complaint.status in OPEN_STATUSES
    )


def require_complainant(link, complaint) -> None:
    if not complainant_may(link, complaint):
        raise NotPermitted(_("This link is no longer valid."))


def can_be_assigned(officer, complaint) -> bool:
    """An officer may be given a complaint: an active officer of its organisation, not its subject."""
    return (
        officer is not None
        and officer.is_active
        and officer.is_officer
        and officer.organisation_id == complaint.organisation_id
        and may_handle(officer_id=officer.pk, respondent_id=complaint.respondent_id)
    )
