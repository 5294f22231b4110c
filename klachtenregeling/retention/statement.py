"""The statement of destruction (verklaring van vernietiging) of a list, as PDF in the
letters' house style: the records, the review, the two confirmations and the date. It
belongs to the organisation and is kept permanently (not encrypted per complaint)."""

import hashlib

from django.conf import settings

from klachtenregeling.letters.pdf import render_pdf

from .models import DestructionList, DestructionListItem


def statement_pdf(destruction_list: DestructionList) -> tuple[bytes, str]:
    """The PDF and its SHA-256."""
    items = DestructionListItem.objects.filter(destruction_list=destruction_list).only(
        "reference", "received_on", "ended_on", "result", "skip_reason", "held", "excluded"
    )
    pdf = render_pdf(
        "retention/pdf/statement.html",
        {
            "organisation": destruction_list.organisation,
            "list": destruction_list,
            "review": destruction_list.review,
            "destroyed": [i for i in items if i.result == "destroyed"],
            "not_destroyed": [i for i in items if i.result != "destroyed"],
        },
        language=settings.LANGUAGE_CODE,
    )
    return pdf, hashlib.sha256(pdf).hexdigest()


def statement_filename(destruction_list: DestructionList) -> str:
    """Organisation and date only: never a number of the database."""
    day = destruction_list.destroyed_at or destruction_list.created_at
    return f"verklaring-van-vernietiging-{destruction_list.organisation.slug}-{day:%Y-%m-%d}.pdf"
