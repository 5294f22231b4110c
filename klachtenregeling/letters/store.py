"""A generated letter becomes an attachment of the complaint, recorded in the dossier."""

import hashlib
import io

from klachtenregeling.audit import procedure_events
from klachtenregeling.complaints.constants import AttachmentKind
from klachtenregeling.complaints.services.attachments import StoredFiles
from klachtenregeling.complaints.uploads import CheckedFile

from .pdf import render_pdf


def letter_filename(complaint, letter: str, suffix: str = "") -> str:
    """Reference and kind only: a file name never carries a name or content."""
    return f"{complaint.reference}-{letter}{suffix}.pdf"


def issue_letter(
    complaint, stored: StoredFiles, *, letter: str, template: str, context: dict, by, suffix=""
):
    """Render, store and record a letter inside the caller's transaction."""
    pdf = render_pdf(
        template,
        {"complaint": complaint, "organisation": complaint.organisation, **context},
        language=complaint.language,
    )
    checked = CheckedFile(
        filename=letter_filename(complaint, letter, suffix),
        content_type="application/pdf",
        size=len(pdf),
        sha256=hashlib.sha256(pdf).hexdigest(),
        stream=io.BytesIO(pdf),
    )
    attachment = stored.add(
        complaint, checked, kind=AttachmentKind.LETTER, by=by, role=None, record_event=False
    )
    procedure_events.letter_issued(complaint, attachment=attachment, letter=letter, by=by)
    return attachment
