"""A generated letter becomes an attachment of the complaint, recorded in the dossier."""

import hashlib
import io
from datetime import datetime

from klachtenregeling.audit import procedure_events
from klachtenregeling.complaints.constants import AttachmentKind
from klachtenregeling.complaints.services.attachments import StoredFiles
from klachtenregeling.complaints.uploads import CheckedFile

from .pdf import PdfVariant, render_pdf


def letter_filename(complaint, letter: str, suffix: str = "") -> str:
    """Reference and kind only: a file name never carries a name or content."""
    return f"{complaint.reference}-{letter}{suffix}.pdf"


def render_letter(
    complaint, *, template: str, context: dict, dated: datetime, language: str = ""
) -> bytes:
    """The letter as PDF bytes, in the complainant's language unless `language` says
    otherwise (a letter to the person complained about: the site's) (no database writes).

    `dated` is the moment of what the letter records (the extension, the judgment, ...):
    the letter's date and the PDF's creation date, so that the same letter rendered again
    is the same file. A letter is a record: PDF/A, tagged."""
    return render_pdf(
        template,
        {
            "complaint": complaint,
            "organisation": complaint.organisation,
            "letter_date": dated,
            **context,
        },
        language=language or complaint.language,
        variant=PdfVariant.RECORD,
        created=dated,
    )


def issue_letter(
    complaint,
    stored: StoredFiles,
    *,
    letter: str,
    template: str,
    context: dict,
    dated: datetime,
    by,
    suffix="",
    language: str = "",
    kind: str = AttachmentKind.LETTER,
):
    """Render, store and record a letter inside the caller's transaction."""
    pdf = render_letter(
        complaint, template=template, context=context, dated=dated, language=language
    )
    return store_letter(complaint, stored, pdf=pdf, letter=letter, by=by, suffix=suffix, kind=kind)


def store_letter(
    complaint,
    stored: StoredFiles,
    *,
    pdf: bytes,
    letter: str,
    by,
    suffix="",
    kind: str = AttachmentKind.LETTER,
):
    """Store and record a letter rendered before the transaction (see render_letter).
    `kind`: a letter to the complainant, or one to the person complained about."""
    checked = CheckedFile(
        filename=letter_filename(complaint, letter, suffix),
        content_type="application/pdf",
        size=len(pdf),
        sha256=hashlib.sha256(pdf).hexdigest(),
        stream=io.BytesIO(pdf),
    )
    attachment = stored.add(complaint, checked, kind=kind, by=by, role=None, record_event=False)
    procedure_events.letter_issued(complaint, attachment=attachment, letter=letter, by=by)
    return attachment
