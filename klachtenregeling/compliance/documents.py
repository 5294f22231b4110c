"""The compliance statement of one complaint as PDF (issue 14), rendered like the letters."""

from django.utils import translation

from klachtenregeling.core import clock
from klachtenregeling.letters.pdf import render_pdf

from .timeline import Finding


def statement_pdf(complaint, findings: list[Finding]) -> bytes:
    """Rule by rule with the evidence dates and the dossier's hash-chain result (R-7.4);
    event types and dates only, no complaint content."""
    return render_pdf(
        "compliance/statement.html",
        {
            "complaint": complaint,
            "organisation": complaint.organisation,
            "findings": findings,
            "chain": next(f for f in findings if f.rule == "R-7.4"),
            "generated_at": clock.now(),
        },
        language=translation.get_language(),
    )


def statement_filename(complaint) -> str:
    """Reference only: a file name never carries a name or content."""
    return f"{complaint.reference}-naleving.pdf"
