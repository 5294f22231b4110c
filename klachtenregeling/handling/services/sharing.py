"""Issue 17: the officer shares a complaint's attachments, one by one, with the person
complained about; every choice is a row of its own (AttachmentShare), so it is logged."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.complaints.constants import AttachmentKind
from klachtenregeling.core import clock
from klachtenregeling.core.errors import NotPermitted, TransitionRefused

from ..models import AttachmentShare
from .common import locked

# Letters have their own addressee; only what the complainant sent, or a document the
# officer added, can be shared.
SHAREABLE_KINDS = (AttachmentKind.ORIGINAL, AttachmentKind.SUPPORTING)


def attachment_share_with_respondent(*, complaint, attachment_id, shared: bool, by):
    """Share (or stop sharing) one attachment with the person complained about."""
    with transaction.atomic():
        complaint = locked(complaint)
        policies.require(by, policies.COMPLAINT_HANDLE, complaint)
        if complaint.respondent_id is None:
            raise TransitionRefused(_("This complaint is not about a particular person."))
        attachment = complaint.attachments.filter(
            pk=attachment_id, kind__in=SHAREABLE_KINDS
        ).first()
        if attachment is None:
            raise NotPermitted("not a shareable attachment of this complaint")
        return AttachmentShare.objects.create(
            complaint=complaint, attachment=attachment, shared=shared, by=by, at=clock.now()
        )
