"""The scheduler's messages (R-7.1, R-5.2): reminders, the overdue digest, the admin's alert.

Like every message they name the reference only; the digest lists references and dates.
"""

from django.conf import settings
from django.urls import reverse

from klachtenregeling.audit.constants import ActorRole

from . import outbox
from .constants import MessageKind
from .procedure_messages import site_url, to_complainant, to_officer, to_respondent, to_staff


def deadline_reminder(complaint, *, days_left: int):
    """R-7.1: the handling officer is reminded that the judgment is due soon."""
    return to_officer(
        complaint, MessageKind.DEADLINE_REMINDER, days_left=days_left, deadline=complaint.deadline
    )


def statement_reminder(complaint, invitation):
    """R-5.2: a party who was invited and has not given an account yet is reminded."""
    context = {"due_date": invitation.due_date, "party": invitation.party}
    if invitation.party == ActorRole.COMPLAINANT:
        return to_complainant(complaint, MessageKind.STATEMENT_REMINDER, **context)
    return to_respondent(complaint, MessageKind.STATEMENT_REMINDER, **context)


def answer_reminder(complaint, *, close_from):
    """R-5.7: the complainant has not answered the judgment yet; from `close_from` the
    officer may close the complaint as "no answer"."""
    return to_complainant(complaint, MessageKind.ANSWER_REMINDER, close_from=close_from)


def deadline_passed(complaint, admins) -> list:
    """R-7.1: the organisation's administrators hear that a term passed without a judgment
    or an extension — the reference and the officer only, no content (R-6.1)."""
    return [
        message
        for admin in admins
        if admin.pk != complaint.respondent_id
        and (
            message := to_staff(
                complaint,
                MessageKind.DEADLINE_PASSED,
                admin,
                role=ActorRole.ADMIN,
                url=site_url("staff-home"),
                officer=complaint.assigned_officer,
            )
        )
        is not None
    ]


def overdue_digest(
    recipient,
    rows: list[dict],
    *,
    own_recommendations: list[dict] = (),
    all_recommendations: list[dict] = (),
    review_due=None,
):
    """R-7.1: once a day, the officer's overdue complaints (reference, deadline, days over);
    R-3.5: the recipient's own overdue recommendations and, for an officer, all overdue ones
    of the organisation; R-8.4: an overdue yearly review (officers and administrators)."""
    return outbox.enqueue(
        organisation=recipient.organisation,
        kind=MessageKind.OVERDUE_DIGEST,
        to_email=recipient.email,
        recipient_role=ActorRole.OFFICER
        if recipient.is_officer
        else ActorRole.ADMIN
        if recipient.is_org_admin
        else "staff",
        language=settings.LANGUAGE_CODE,
        context={
            "recipient_name": recipient.display_name,
            "rows": rows,
            "url": settings.SITE_URL + reverse("complaints:dashboard") + "?due=overdue",
            "own_recommendations": list(own_recommendations),
            "all_recommendations": list(all_recommendations),
            "recommendations_url": settings.SITE_URL
            + reverse("improvements:index")
            + "?status=overdue",
            "review_due": review_due,
            "reviews_url": settings.SITE_URL + reverse("reviews:index"),
        },
    )


def review_due(recipient, due):
    """R-8.4: the yearly review of the reports and recommendations is coming due."""
    return outbox.enqueue(
        organisation=recipient.organisation,
        kind=MessageKind.REVIEW_DUE,
        to_email=recipient.email,
        recipient_role=ActorRole.OFFICER if recipient.is_officer else ActorRole.ADMIN,
        language=settings.LANGUAGE_CODE,
        context={
            "recipient_name": recipient.display_name,
            "due": due,
            "url": settings.SITE_URL + reverse("reviews:index"),
        },
    )


def compliance_digest(admin, rows: list[dict]):
    """Issue 14: once a day, the complaints of the organisation that became breached since
    the administrator's last digest — reference and article title only, no content."""
    return outbox.enqueue(
        organisation=admin.organisation,
        kind=MessageKind.COMPLIANCE_DIGEST,
        to_email=admin.email,
        recipient_role=ActorRole.ADMIN,
        language=settings.LANGUAGE_CODE,
        context={
            "recipient_name": admin.display_name,
            "rows": rows,
            "url": settings.SITE_URL + reverse("staff-home"),
        },
    )
