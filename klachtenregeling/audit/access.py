"""The access log (R-6.2): one function per kind of read, called by the view that serves it.

Officer and respondent keep secrecy, so every read of a dossier, an attachment, a statement
(they are read on the dossier, the respondent's page and the complainant's page) or a
letter/case file is recorded: who (a staff member, or the complainant through a personal
link), as what, what, when and from which address. Rows are inserted only, here.
"""

import ipaddress

from klachtenregeling.core import clock
from klachtenregeling.core.client_ip import client_ip

from .constants import AccessKind, ActorRole
from .models import AccessLogEntry


def _ip(request) -> str | None:
    try:
        return str(ipaddress.ip_address(client_ip(request).strip()))
    except ValueError:
        return None


def _record(request, complaint, kind: AccessKind, *, role: ActorRole, link=None, obj=None):
    return AccessLogEntry.objects.create(
        organisation_id=complaint.organisation_id,
        complaint_id=complaint.pk,
        kind=kind,
        at=clock.now(),
        actor=None if link is not None else request.user,
        actor_role=role,
        link_id=link.pk if link is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        ip_address=_ip(request),
    )


def scripted_read(complaint, *, user, kind: AccessKind, role: ActorRole) -> AccessLogEntry:
    """A read made outside a web request: the demo's scripted handling opens the dossier as
    a person would before taking a step, so the log tells the same story (no address)."""
    return AccessLogEntry.objects.create(
        organisation_id=complaint.organisation_id,
        complaint_id=complaint.pk,
        kind=kind,
        at=clock.now(),
        actor=user,
        actor_role=role,
        object_id="",
        ip_address=None,
    )


def dossier_read(request, complaint) -> AccessLogEntry:
    """The officer opened the dossier page (events, statements, attachments, parties)."""
    return _record(request, complaint, AccessKind.DOSSIER, role=ActorRole.OFFICER)


def attachment_read(request, complaint, attachment) -> AccessLogEntry:
    return _record(
        request, complaint, AccessKind.ATTACHMENT, role=ActorRole.OFFICER, obj=attachment
    )


def case_file_read(request, complaint) -> AccessLogEntry:
    """The officer downloaded the case file for the disputes body (R-4.3)."""
    return _record(request, complaint, AccessKind.CASE_FILE, role=ActorRole.OFFICER)


def dossier_read_as_respondent(request, complaint) -> AccessLogEntry:
    """The person complained about opened the complaint about them (statements, judgment)."""
    return _record(request, complaint, AccessKind.DOSSIER_AS_RESPONDENT, role=ActorRole.RESPONDENT)


def letter_read_as_respondent(request, complaint, letter) -> AccessLogEntry:
    return _record(request, complaint, AccessKind.LETTER, role=ActorRole.RESPONDENT, obj=letter)


def file_read_as_respondent(request, complaint, attachment) -> AccessLogEntry:
    """The person complained about downloaded an attachment shared with them (issue 17)."""
    return _record(
        request, complaint, AccessKind.ATTACHMENT, role=ActorRole.RESPONDENT, obj=attachment
    )


def status_page_read(request, link) -> AccessLogEntry:
    """The complainant opened their page through the personal link (R-7.3)."""
    return _record(
        request, link.complaint, AccessKind.STATUS_PAGE, role=ActorRole.COMPLAINANT, link=link
    )


def letter_read_by_complainant(request, link, letter) -> AccessLogEntry:
    return _record(
        request,
        link.complaint,
        AccessKind.LETTER,
        role=ActorRole.COMPLAINANT,
        link=link,
        obj=letter,
    )


def file_read_by_complainant(request, link, attachment) -> AccessLogEntry:
    """The complainant downloaded one of their own files (issue 17)."""
    return _record(
        request,
        link.complaint,
        AccessKind.ATTACHMENT,
        role=ActorRole.COMPLAINANT,
        link=link,
        obj=attachment,
    )


def access_log_exported(request, complaint) -> AccessLogEntry:
    """An organisation administrator exported this complaint's access log."""
    return _record(request, complaint, AccessKind.ACCESS_LOG_EXPORT, role=ActorRole.ADMIN)
