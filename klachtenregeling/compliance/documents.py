"""The compliance statement of one complaint as PDF (issue 14), rendered like the letters."""

from django.utils import translation

from klachtenregeling.core import clock
from klachtenregeling.letters.pdf import PdfVariant, render_pdf

from .presentation import table_for_display
from .timeline import Finding


def statement_pdf(complaint, findings: list[Finding]) -> bytes:
    """Rule by rule with the evidence dates and the dossier's hash-chain result (R-7.4);
    event types and dates only, no complaint content. A record (PDF/A), dated when made."""
    generated_at = clock.now()
    return render_pdf(
        "compliance/statement.html",
        {
            "complaint": complaint,
            "organisation": complaint.organisation,
            "findings": findings,
            "chain": next(f for f in findings if f.rule == "R-7.4"),
            "generated_at": generated_at,
        },
        language=translation.get_language(),
        variant=PdfVariant.RECORD,
        created=generated_at,
    )


def statement_filename(complaint) -> str:
    """Reference only: a file name never carries a name or content."""
    return f"{complaint.reference}-naleving.pdf"


def period_statement_pdf(organisation, table: dict) -> bytes:
    """The compliance statement of a period (for the yearly review, R-8.4): per rule, how
    many of the period's complaints met it, breached it, ...; and how many dossiers' hash
    chains verify (R-7.4). Counts only, no complaint."""
    from klachtenregeling.reports.presentation import period_words

    generated_at = clock.now()
    return render_pdf(
        "compliance/pdf/period_statement.html",
        {
            "organisation": organisation,
            "compliance": table_for_display(table),
            "period_text": period_words(table["period"]),
            "generated_at": generated_at,
        },
        language=translation.get_language(),
        variant=PdfVariant.RECORD,
        created=generated_at,
    )


def period_statement_filename(organisation, table: dict) -> str:
    period = table["period"]
    return f"naleving-{organisation.slug}-{period['start']}-{period['end']}.pdf"
