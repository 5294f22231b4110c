"""Reads of incoming e-mail, already scoped by the policy."""

from django.db.models import QuerySet

from .constants import MailStatus
from .models import InboundMail, Mailbox
from .rules import addressing


def mailbox_of(organisation) -> Mailbox | None:
    return Mailbox.objects.filter(organisation=organisation).first()


def reply_address_of(complaint) -> str:
    """The complaint's keyed reply address, or "" when the organisation reads no mailbox."""
    mailbox = (
        Mailbox.objects.filter(organisation_id=complaint.organisation_id, enabled=True)
        .only("address")
        .first()
    )
    if mailbox is None or not mailbox.address:
        return ""
    return addressing.reply_address(
        mailbox_address=mailbox.address,
        organisation_id=complaint.organisation_id,
        reference=complaint.reference,
    )


def triage_for_officer(user) -> QuerySet[InboundMail]:
    """The triage inbox: the organisation's waiting messages, without those that name
    this officer (R-5.4)."""
    return (
        InboundMail.objects.filter(organisation_id=user.organisation_id, status=MailStatus.TRIAGE)
        .exclude(named_officers=user)
        .defer("raw")
        .order_by("-received_at", "-pk")
    )


def failed_for_admin(user) -> QuerySet[InboundMail]:
    return (
        InboundMail.objects.filter(organisation_id=user.organisation_id, status=MailStatus.FAILED)
        .defer("raw")
        .order_by("-imported_at")
    )


def mails_in_dossier(complaint) -> QuerySet[InboundMail]:
    return (
        InboundMail.objects.filter(complaint=complaint, status=MailStatus.IN_DOSSIER)
        .defer("raw")
        .order_by("received_at", "pk")
    )


def triage_mail_for(user, mail_id: int) -> InboundMail:
    """One message of the triage inbox (waiting or discarded), if this officer may see it;
    else NotPermitted (shown as "not found"). A message in a dossier is the dossier's."""
    from klachtenregeling.accounts import policies
    from klachtenregeling.core.errors import NotPermitted

    mail = (
        InboundMail.objects.filter(pk=mail_id, status__in=(MailStatus.TRIAGE, MailStatus.DISCARDED))
        .select_related("handled_by")
        .first()
    )
    if mail is None or not policies.can(user, policies.MAIL_TRIAGE_HANDLE, mail):
        raise NotPermitted("not found")
    return mail
