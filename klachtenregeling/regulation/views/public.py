"""The published regulation (R-4.1): the page, its PDF and every earlier version."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.views.decorators.http import require_safe
from django_ratelimit.decorators import ratelimit

from klachtenregeling.organisations.models import Organisation
from klachtenregeling.questions.forms import QuestionForm

from .. import documents, selectors


def _language() -> str:
    language = translation.get_language()[:2]
    return language if language in ("nl", "en") else "nl"


def _organisation(slug: str) -> Organisation:
    return get_object_or_404(Organisation, slug=slug)


def _show(request, organisation, version, *, current):
    if version is None:
        raise Http404
    language = _language()
    articles = version.articles_in(language)
    context = {
        "organisation": organisation,
        "version": version,
        "current": current,
        "intro": next((a for a in articles if a["number"] is None), None),
        "articles": [a for a in articles if a["number"] is not None],
        "question_form": QuestionForm() if current is version else None,
    }
    return render(request, "regulation/page.html", context)


@require_safe
def page(request, org):
    organisation = _organisation(org)
    current = selectors.current_version(organisation)
    return _show(request, organisation, current, current=current)


@require_safe
def version_page(request, org, number):
    organisation = _organisation(org)
    version = selectors.version_numbered(organisation, number)
    return _show(request, organisation, version, current=selectors.current_version(organisation))


@require_safe
def versions(request, org):
    organisation = _organisation(org)
    context = {"organisation": organisation, "versions": selectors.versions_of(organisation)}
    return render(request, "regulation/versions.html", context)


def _pdf_response(version, language) -> HttpResponse:
    response = HttpResponse(
        documents.regulation_pdf(version, language), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{documents.regulation_filename(version, language)}"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
@ratelimit(key="ip", rate="120/h", block=True)
def pdf(request, org):
    version = selectors.current_version(_organisation(org))
    if version is None:
        raise Http404
    return _pdf_response(version, _language())


@require_safe
@ratelimit(key="ip", rate="120/h", block=True)
def version_pdf(request, org, number):
    version = selectors.version_numbered(_organisation(org), number)
    if version is None:
        raise Http404
    return _pdf_response(version, _language())
