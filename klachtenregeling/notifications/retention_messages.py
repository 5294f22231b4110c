"""Messages of retention (R-8.5): the administrators' alert about an unreadable file.

Reference and date only, no content and no file name (R-6.1).
"""

from klachtenregeling.audit.constants import ActorRole

from .constants import MessageKind
from .procedure_messages import site_url, to_staff


def file_unreadable(complaint, admins, *, uploaded_at) -> list:
    return [
        message
        for admin in admins
        if admin.pk != complaint.respondent_id
        and (
            message := to_staff(
                complaint,
                MessageKind.FILE_UNREADABLE,
                admin,
                role=ActorRole.ADMIN,
                url=site_url("staff-home"),
                uploaded_at=uploaded_at,
            )
        )
        is not None
    ]
