"""What every step of the procedure shares: the row lock, the version check and the status
(from complaints.services.state), the actor's role, clean texts."""

from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.audit.constants import ActorRole
from klachtenregeling.complaints.constants import MAX_DESCRIPTION_LENGTH
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.complaints.services.state import (
    advance,
    locked,
    render_before_lock,
    save_step,
)
from klachtenregeling.core.errors import InvalidInput, NotPermitted

__all__ = [
    "advance",
    "clean_optional_text",
    "clean_text",
    "locked",
    "render_before_lock",
    "save_step",
    "staff_role",
]


def staff_role(user, complaint: Complaint) -> ActorRole:
    """The officer handling it, or the person complained about (once informed); else refused."""
    if policies.can(user, policies.COMPLAINT_HANDLE, complaint):
        return ActorRole.OFFICER
    if policies.can(user, policies.COMPLAINT_RESPOND, complaint):
        return ActorRole.RESPONDENT
    raise NotPermitted(_("This complaint does not exist or you have no access to it."))


def clean_text(text: str, field: str, *, required_message) -> str:
    text = (text or "").strip()
    if not text:
        raise InvalidInput({field: [required_message]})
    if len(text) > MAX_DESCRIPTION_LENGTH or "\x00" in text:
        raise InvalidInput(
            {field: [_("Use at most %(max)d characters.") % {"max": MAX_DESCRIPTION_LENGTH}]}
        )
    return text


def clean_optional_text(text: str, field: str) -> str:
    """As clean_text, but an empty text is fine."""
    text = (text or "").strip()
    return clean_text(text, field, required_message="") if text else ""
