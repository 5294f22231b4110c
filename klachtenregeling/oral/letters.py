"""The written record of an oral complaint as a letter, for a complainant without e-mail
(R-1.1; issue 16): the letters' one prologue (letters/_letter.html), the address block
placed for a window envelope, the confirmation link as a QR code and an address to type."""

from klachtenregeling.complaints.models import Complaint
from klachtenregeling.complaints.rules import intake
from klachtenregeling.letters.pdf import PdfVariant, render_pdf
from klachtenregeling.notifications.post import qr_svg

from .constants import LetterKind


def addressee(record) -> Complaint:
    """An unsaved complaint carrying the record's name and address, as the letters'
    prologue reads them (it has no reference yet)."""
    draft = record.draft
    return Complaint(
        organisation=record.organisation,
        reference="",
        complainant_name=record.complainant_name,
        complainant_email=record.complainant_email,
        address_street=draft.get("address_street", "").strip(),
        address_number=draft.get("address_number", "").strip(),
        address_postcode=intake.normalised_postcode(draft.get("address_postcode", "")),
        address_city=draft.get("address_city", "").strip(),
        address_foreign=draft.get("address_foreign", "").strip(),
        is_representative=draft.get("is_representative", False),
        on_behalf_of=draft.get("on_behalf_of", ""),
        assigned_officer=record.officer,
    )


TEMPLATES = {
    LetterKind.RECORD: "oral/letter.html",
    LetterKind.REMINDER: "oral/letter.html",
    LetterKind.NOT_CONFIRMED: "oral/letter_not_confirmed.html",
}


def render(record, kind: str, *, dated, url: str = "", close_from=None) -> bytes:
    """The letter of `kind` about the record: the written record (with the link to confirm),
    its reminder (the same, with the date from which it may be closed), or the letter
    saying it was closed as not confirmed."""
    return render_pdf(
        TEMPLATES[LetterKind(kind)],
        {
            "complaint": addressee(record),
            "organisation": record.organisation,
            "record": record,
            "letter_date": dated,
            "reminder": kind == LetterKind.REMINDER,
            "close_from": close_from,
            "url": url,
            "qr_svg": qr_svg(url) if url else "",
        },
        language=record.draft.get("language", "nl"),
        variant=PdfVariant.RECORD,
        created=dated,
    )
