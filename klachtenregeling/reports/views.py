"""The periodic report (R-8.3) and the finalised reports.

The live report is for the organisation's officers (GET: the period is in the address);
a finalised report is also read by the board and the administrator, from its frozen
content only. Anyone else gets "not found".
"""

from urllib.parse import urlencode

from csp.constants import NONE
from csp.decorators import csp_replace
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_POST, require_safe

from klachtenregeling.accounts import policies
from klachtenregeling.compliance import documents as compliance_documents
from klachtenregeling.compliance.selectors import compliance_table, compliance_too_large
from klachtenregeling.core.errors import DomainError
from klachtenregeling.core.forms import apply_domain_error

from . import documents, presentation, selectors, services
from .charts import CHART_OF_SECTION, CHARTS, chart_svg
from .documents import download
from .forms import FinaliseForm, PeriodForm
from .models import Report
from .report_csv import report_csv

FIGURES_CACHE_SECONDS = 60
# A chart is an image of its own: its styles are inside the SVG, nothing else is allowed.
_CHART_POLICY = {
    "default-src": [NONE],
    "script-src": [NONE],
    "style-src": ["'unsafe-inline'"],
    "img-src": [NONE],
    "font-src": [NONE],
    "connect-src": [NONE],
}


def _composer_organisation(request):
    organisation = request.user.organisation
    if organisation is None or not policies.can(
        request.user, policies.REPORT_COMPOSE, organisation
    ):
        raise Http404
    return organisation


def _finalised_report(request, report_id: int) -> Report:
    organisation = request.user.organisation
    report = organisation and selectors.report_get(organisation=organisation, report_id=report_id)
    if not report or not policies.can(request.user, policies.REPORT_VIEW_FINALISED, report):
        raise Http404
    return report


def _live(request, organisation, data, *, cached: bool = False):
    """The period form and, when it is valid, the live figures.

    The page computes them and keeps them for a minute; its charts (separate requests
    right after it) use those (`cached`) instead of computing them four times again."""
    form = PeriodForm(data)
    if not form.is_valid() and form.is_bound:
        return form, None
    period = form.period
    key = (
        f"report-figures:{organisation.pk}:{period.kind}:{period.start}:{period.end}:"
        f"{translation.get_language()}"
    )
    figures = cache.get(key) if cached else None
    if figures is None:
        figures = selectors.report_figures(organisation=organisation, period=period)
        cache.set(key, figures, FIGURES_CACHE_SECONDS)
    return form, figures


def _compliance_table(organisation, period):
    """The period's compliance table (issue 14). It reads every dossier of the period, so
    the page computes it and keeps it for a minute for its PDF, CSV and statement."""
    key = (
        f"report-compliance:{organisation.pk}:{period.kind}:{period.start}:{period.end}:"
        f"{translation.get_language()}"
    )
    table = cache.get(key)
    if table is None:
        table = compliance_table(organisation, period)
        cache.set(key, table, FIGURES_CACHE_SECONDS)
    return table


def _compliance(organisation, form, figures):
    """The compliance table of the form's period, when the period is valid and not too big
    to check while the page waits (then it is the statement PDF's, computed on request)."""
    if figures is None or compliance_too_large(organisation, form.period):
        return None
    return _compliance_table(organisation, form.period)


def _page(request, organisation, form, figures, finalise_form=None, status=200):
    context = {
        "organisation": organisation,
        "form": form,
        "finalise_form": finalise_form or FinaliseForm(),
        "finalised": selectors.report_list_for_organisation(organisation)[:10],
    }
    if figures is not None:
        query = urlencode(form.query())
        context.update(
            presentation.report_context(
                figures=figures, compliance=_compliance(organisation, form, figures)
            ),
            query=query,
            period_query=form.query(),
            chart_urls=_chart_urls(reverse("reports:chart", args=["_"]), query),
        )
    return render(request, "reports/index.html", context, status=status)


def _chart_urls(template_url: str, query: str = "") -> dict:
    """{section key: URL of its chart}; `template_url` has '_' where the name goes."""
    suffix = f"?{query}" if query else ""
    return {
        section: template_url.replace("/_.svg", f"/{name}.svg") + suffix
        for section, name in CHART_OF_SECTION.items()
    }


@login_required
@require_safe
def index(request):
    organisation = _composer_organisation(request)
    form, figures = _live(request, organisation, request.GET)
    return _page(request, organisation, form, figures, status=200 if figures else 400)


@login_required
@require_POST
def finalise(request):
    organisation = _composer_organisation(request)
    form, figures = _live(request, organisation, request.POST)
    finalise_form = FinaliseForm(request.POST)
    if figures is not None and finalise_form.is_valid():
        try:
            report = services.report_finalise(
                organisation=organisation,
                period=form.period,
                introduction=finalise_form.cleaned_data["introduction"],
                recommendations=finalise_form.cleaned_data["recommendations"],
                by=request.user,
            )
            return redirect("reports:detail", report_id=report.pk)
        except DomainError as error:
            apply_domain_error(finalise_form, error)
    return _page(request, organisation, form, figures, finalise_form, status=400)


def _export(request, organisation, figures, *, kind: str, compliance, report=None, context=None):
    version = report.version if report else None
    if kind == "pdf":
        context = context or presentation.report_context(figures=figures, compliance=compliance)
        content = documents.report_pdf(organisation=organisation, figures=figures, context=context)
        content_type = "application/pdf"
    else:
        content, content_type = report_csv(figures, compliance), "text/csv; charset=utf-8"
    filename = documents.report_filename(organisation, figures, kind, version)
    return documents.download(content, content_type=content_type, filename=filename)


@login_required
@require_safe
def live_export(request, kind: str):
    organisation = _composer_organisation(request)
    form, figures = _live(request, organisation, request.GET)
    if figures is None:
        return _page(request, organisation, form, None, status=400)
    compliance = _compliance(organisation, form, figures)
    return _export(request, organisation, figures, kind=kind, compliance=compliance)


@login_required
@require_safe
def compliance_statement(request):
    """The period's compliance statement as PDF (issue 14, for the yearly review): rule by
    rule, and how many dossiers' hash chains verify (R-7.4). The organisation's officers."""
    organisation = _composer_organisation(request)
    form = PeriodForm(request.GET)
    if form.is_bound and not form.is_valid():
        return _page(request, organisation, form, None, status=400)
    table = _compliance_table(organisation, form.period)
    content = compliance_documents.period_statement_pdf(organisation, table)
    return download(
        content,
        content_type="application/pdf",
        filename=compliance_documents.period_statement_filename(organisation, table),
    )


@csp_replace(_CHART_POLICY)
def _svg(figures, chart: str) -> HttpResponse:
    if chart not in CHARTS:
        raise Http404
    response = HttpResponse(chart_svg(figures, chart), content_type="image/svg+xml")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
@require_safe
def live_chart(request, chart: str):
    organisation = _composer_organisation(request)
    _form, figures = _live(request, organisation, request.GET, cached=True)
    if figures is None:
        return HttpResponse(status=400)
    return _svg(figures, chart)


@login_required
@require_safe
def finalised_list(request):
    organisation = request.user.organisation
    probe = Report(organisation_id=getattr(organisation, "pk", None))
    if organisation is None or not policies.can(
        request.user, policies.REPORT_VIEW_FINALISED, probe
    ):
        raise Http404
    reports = selectors.report_list_for_organisation(organisation)
    return render(request, "reports/list.html", {"reports": reports})


def _frozen_context(report: Report) -> dict:
    content = report.content
    return {
        **presentation.report_context(
            figures=content["figures"],
            introduction=content["introduction"],
            recommendations=content["recommendations"],
            compliance=content.get("compliance"),
        ),
        "report": report,
    }


@login_required
@require_safe
def finalised_detail(request, report_id: int):
    report = _finalised_report(request, report_id)
    context = {
        **_frozen_context(report),
        "organisation": report.organisation,
        "chart_urls": _chart_urls(reverse("reports:finalised-chart", args=[report.pk, "_"])),
        "show_fingerprint": policies.can(
            request.user, policies.REPORT_COMPOSE, report.organisation
        ),
        "intact": services.report_is_intact(report),
    }
    return render(request, "reports/detail.html", context)


@login_required
@require_safe
def finalised_export(request, report_id: int, kind: str):
    report = _finalised_report(request, report_id)
    figures = report.content["figures"]
    return _export(
        request,
        report.organisation,
        figures,
        kind=kind,
        compliance=report.content.get("compliance"),
        report=report,
        context=_frozen_context(report),
    )


@login_required
@require_safe
def finalised_chart(request, report_id: int, chart: str):
    report = _finalised_report(request, report_id)
    return _svg(report.content["figures"], chart)
