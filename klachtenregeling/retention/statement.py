"""The statement of destruction (verklaring van vernietiging) of a list, as PDF in the
letters' house style: the records, the review, the two confirmations and the date. It
belongs to the organisation and is kept permanently (not encrypted per complaint)."""

import hashlib
from collections.abc import Iterator

from django.conf import settings
from django.utils import dateformat, translation
from django.utils.translation import gettext as _

from klachtenregeling.letters.pdf import PdfVariant, render_pdf

from .models import DestructionList, DestructionListItem

# The destroyed records are listed two to a line, in blocks of a page at most: WeasyPrint's
# time goes mostly per line box, so pairs lay out about four times faster than one record a
# line (10,000 records: under 2 s instead of 7.6 s; bench/destruction.py), on half the pages.
# Dates as everywhere ("15 september 2025", at most 17 characters): two records are 106
# characters, which fit the page's width at 7 pt.
PER_LINE = 2
GAP = "  "
LINES_PER_BLOCK = 80
RECORD = "{reference:<16}{received:<18}{ended:<18}"


def _record_blocks(items) -> Iterator[str]:
    """The destroyed records as aligned text blocks (reference, received, ended)."""
    header = RECORD.format(reference=_("Reference"), received=_("Received"), ended=_("Ended"))
    heading = GAP.join([header] * PER_LINE).rstrip()
    line, lines = [], [heading]
    for item in items:
        line.append(
            RECORD.format(
                reference=item.reference,
                received=dateformat.format(item.received_on, "j F Y"),
                ended=dateformat.format(item.ended_on, "j F Y"),
            )
        )
        if len(line) == PER_LINE:
            lines.append(GAP.join(line).rstrip())
            line = []
        if len(lines) == LINES_PER_BLOCK:
            yield "\n".join(lines)
            lines = []
    if line:
        lines.append(GAP.join(line).rstrip())
    if lines:
        yield "\n".join(lines)


def statement_pdf(destruction_list: DestructionList) -> tuple[bytes, str]:
    """The PDF and its SHA-256."""
    items = (
        DestructionListItem.objects.filter(destruction_list=destruction_list)
        .only("reference", "received_on", "ended_on", "result", "skip_reason", "held", "excluded")
        .order_by("pk")
    )
    with translation.override(settings.LANGUAGE_CODE):
        destroyed = items.filter(result="destroyed")
        pdf = render_pdf(
            "retention/pdf/statement.html",
            {
                "organisation": destruction_list.organisation,
                "list": destruction_list,
                "review": destruction_list.review,
                "destroyed_count": destroyed.count(),
                "record_blocks": list(_record_blocks(destroyed.iterator(chunk_size=2000))),
                "not_destroyed": items.exclude(result="destroyed"),
            },
            language=settings.LANGUAGE_CODE,
            variant=PdfVariant.RECORD,  # kept permanently
            created=destruction_list.destroyed_at or destruction_list.created_at,
        )
    return pdf, hashlib.sha256(pdf).hexdigest()


def statement_filename(destruction_list: DestructionList) -> str:
    """Organisation and date only: never a number of the database."""
    day = destruction_list.destroyed_at or destruction_list.created_at
    return f"verklaring-van-vernietiging-{destruction_list.organisation.slug}-{day:%Y-%m-%d}.pdf"
