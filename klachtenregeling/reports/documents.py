"""The report as PDF, in the letters' house style (letters/_styles.html, rendered by
letters.pdf.render_pdf, which fetches nothing), and the file names of its downloads."""

from django.http import HttpResponse
from django.utils import translation

from klachtenregeling.core import clock
from klachtenregeling.letters.pdf import PdfVariant, render_pdf

from .charts import CHART_OF_SECTION, chart_svg


def report_pdf(*, organisation, figures: dict, context: dict) -> bytes:
    """`context` is presentation.report_context(...) plus the frozen report, if any."""
    charts = {section: chart_svg(figures, name) for section, name in CHART_OF_SECTION.items()}
    report = context.get("report")  # a finalised version is a record of its own date
    return render_pdf(
        "reports/pdf/report.html",
        {**context, "organisation": organisation, "charts": charts},
        language=translation.get_language(),
        variant=PdfVariant.RECORD,
        created=report.finalised_at if report else clock.now(),
    )


def report_filename(organisation, figures: dict, extension: str, version: int | None) -> str:
    """Organisation, period and version: never a name or a number of the database."""
    period = figures["period"]
    suffix = f"-v{version}" if version else "-concept"
    return f"verslag-{organisation.slug}-{period['start']}-{period['end']}{suffix}.{extension}"


def download(content: bytes, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
