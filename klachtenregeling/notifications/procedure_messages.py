"""Messages of the procedure (Art. 5, R-7.3: every step is notified to whom it concerns).

The complainant's messages carry a new personal link (R-7.3) and are written in
the complainant's language; staff messages link to the log-in pages.
"""

from django.conf import settings
from django.urls import reverse

from klachtenregeling.audit.constants import ActorRole
from klachtenregeling.portal import tokens

from . import outbox
from .constants import MessageKind
from .messages import reply_address


def site_url(name: str, *args) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def complainant_link(complaint, *, purpose: str) -> str:
    """The personal link (R-7.3); on a letter (no e-mail address, issue 16) a short one that
    can be typed from paper."""
    if complaint.by_post:
        return site_url("short-link", tokens.issue_short(complaint, purpose=purpose))
    token = tokens.issue(complaint, purpose=purpose)
    return site_url("portal:enter", complaint.organisation.slug) + f"?t={token}"


def to_complainant(complaint, kind: str, *, attachment=None, with_link: bool = True, **context):
    url = complainant_link(complaint, purpose=kind) if with_link else ""
    return outbox.enqueue(
        organisation=complaint.organisation,
        complaint=complaint,
        kind=kind,
        to_email=complaint.complainant_email,
        recipient_role=ActorRole.COMPLAINANT,
        language=complaint.language,
        context={
            "recipient_name": complaint.complainant_name,
            "url": url,
            "role": "complainant",
            **context,
        },
        reply_to=reply_address(complaint),
        attachment=attachment,
    )


def to_staff(
    complaint, kind: str, user, *, role: str, url: str, reply_to="", attachment=None, **context
):
    """A staff member is written to in the site's language, with a link to log in."""
    if user is None or not user.email:
        return None
    return outbox.enqueue(
        organisation=complaint.organisation,
        complaint=complaint,
        kind=kind,
        to_email=user.email,
        recipient_role=role,
        language=settings.LANGUAGE_CODE,
        context={"recipient_name": user.display_name, "role": role, "url": url, **context},
        reply_to=reply_to,
        attachment=attachment,
    )


def to_respondent(complaint, kind: str, *, attachment=None, **context):
    officer = complaint.assigned_officer
    return to_staff(
        complaint,
        kind,
        complaint.respondent,
        role=ActorRole.RESPONDENT,
        url=site_url("handling:about-me-detail", complaint.reference),
        reply_to=officer.email if officer else "",
        attachment=attachment,
        **context,
    )


def to_officer(complaint, kind: str, **context):
    return to_staff(
        complaint,
        kind,
        complaint.assigned_officer,
        role=ActorRole.OFFICER,
        url=site_url("complaints:detail", complaint.reference),
        **context,
    )


def link_resent(complaint):
    """R-7.3: the complainant asked for a new personal link ("lost my link")."""
    return to_complainant(complaint, MessageKind.LINK_RESENT)


def deadline_extended(complaint, extension):
    """R-5.5: the complainant is told in writing why the term is extended and until when."""
    return to_complainant(
        complaint, MessageKind.DEADLINE_EXTENDED, extension=extension, attachment=extension.letter
    )


def respondent_notified(complaint):
    return to_respondent(complaint, MessageKind.RESPONDENT_NOTIFIED)


def hearing_invitation(complaint, invitation, note: str = ""):
    """R-5.2: the invitation to give an account, with the officer's personal text if any."""
    context = {"due_date": invitation.due_date, "party": invitation.party, "note": note}
    if invitation.party == ActorRole.COMPLAINANT:
        return to_complainant(complaint, MessageKind.HEARING_INVITATION, **context)
    return to_respondent(complaint, MessageKind.HEARING_INVITATION, **context)


def statement_received(complaint, statement):
    return to_officer(complaint, MessageKind.STATEMENT_RECEIVED, party=statement.party)


def proposal(complaint, proposal):
    return to_complainant(complaint, MessageKind.PROPOSAL, proposal=proposal)


def proposal_answered(complaint, proposal):
    return to_officer(complaint, MessageKind.PROPOSAL_ANSWERED, proposal=proposal)


def _to_each_party(complaint, kind: str, judgment, letters: dict) -> list:
    """The complainant and (when there is one) the person complained about, each with the
    letter addressed to them (`letters`: party -> attachment)."""
    sent = [to_complainant(complaint, kind, judgment=judgment, attachment=letters["complainant"])]
    if "respondent" in letters:
        sent.append(
            to_respondent(complaint, kind, judgment=judgment, attachment=letters["respondent"])
        )
    return sent


def judgment(complaint, judgment, letters: dict):
    """R-5.6: the judgment in writing to complainant and respondent, each with the letter
    addressed to them; the mail itself says only that a letter is attached and what to do
    next."""
    sent = _to_each_party(complaint, MessageKind.JUDGMENT, judgment, letters)
    return [m for m in sent if m is not None]


def judgment_accepted(complaint, judgment):
    """The complainant accepted and signed: the officer and the respondent are asked to sign."""
    sent = [to_officer(complaint, MessageKind.JUDGMENT_ACCEPTED, judgment=judgment)]
    sent.append(to_respondent(complaint, MessageKind.JUDGMENT_ACCEPTED, judgment=judgment))
    return [m for m in sent if m is not None]


def judgment_declined(complaint, answer):
    """R-4.3: the officer hears of it; the complainant is told how to go to the disputes body."""
    return [
        m
        for m in (
            to_officer(complaint, MessageKind.JUDGMENT_DECLINED, answer=answer),
            referral_info(complaint, reason="not_resolved"),
        )
        if m is not None
    ]


def referral_info(complaint, *, reason: str):
    """R-4.3: how to go to the disputes body — after a judgment not accepted
    ("not_resolved") or when the term passed without a judgment ("term_passed")."""
    return to_complainant(complaint, MessageKind.REFERRAL_INFO, reason=reason)


def resolved(complaint, judgment, letters: dict):
    """R-5.7: the judgment signed by all, to everyone who signed, each party with the signed
    letter addressed to them."""
    sent = _to_each_party(complaint, MessageKind.RESOLVED, judgment, letters)
    sent.append(to_officer(complaint, MessageKind.RESOLVED, judgment=judgment))
    return [m for m in sent if m is not None]


def withdrawn(complaint, *, by_complainant: bool):
    sent = [to_complainant(complaint, MessageKind.WITHDRAWN, with_link=False)]
    if by_complainant:
        sent.append(to_officer(complaint, MessageKind.WITHDRAWN))
    if complaint.respondent_notified_at:
        sent.append(to_respondent(complaint, MessageKind.WITHDRAWN))
    return [m for m in sent if m is not None]


def not_admissible(complaint, reasons: str, letter):
    """Not a complaint under R-1.x: the reasons in writing, with the letter."""
    return to_complainant(
        complaint, MessageKind.NOT_ADMISSIBLE, reasons=reasons, attachment=letter, with_link=False
    )


def closed(complaint, *, letter=None):
    """Closed; `letter`: closed because the complainant did not answer the judgment — the
    letter says so and that the disputes body remains open (R-5.7, R-4.3)."""
    sent = [
        to_complainant(
            complaint,
            MessageKind.CLOSED,
            with_link=False,
            attachment=letter,
            no_answer=letter is not None,
        )
    ]
    if complaint.respondent_notified_at:
        sent.append(to_respondent(complaint, MessageKind.CLOSED))
    return [m for m in sent if m is not None]
