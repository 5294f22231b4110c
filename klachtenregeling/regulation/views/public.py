"""The published regulation (R-4.1): the page, its PDF and every earlier version.

The pages are public text and are sent compressed (see README, Standards → HTTP, on why
only these); the PDF carries an ETag (a hash of its bytes) and answers 304 to a client
that has it already.
"""

import hashlib

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import quote_etag
from django.views.decorators.gzip import gzip_page
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


# The current PDF changes when a new version is published; a numbered version never does.
CURRENT_PDF_CACHE = "private, max-age=300"
VERSION_PDF_CACHE = "private, max-age=86400"


@require_safe
@gzip_page
def page(request, org):
    organisation = _organisation(org)
    current = selectors.current_version(organisation)
    return _show(request, organisation, current, current=current)


@require_safe
@gzip_page
def version_page(request, org, number):
    organisation = _organisation(org)
    version = selectors.version_numbered(organisation, number)
    return _show(request, organisation, version, current=selectors.current_version(organisation))


@require_safe
@gzip_page
def versions(request, org):
    organisation = _organisation(org)
    context = {"organisation": organisation, "versions": selectors.versions_of(organisation)}
    return render(request, "regulation/versions.html", context)


def _pdf_response(request, version, language, cache_control: str) -> HttpResponse:
    """The PDF, or 304 Not Modified when the client's copy (If-None-Match) is this one.

    Private: the language follows the visitor (cookie or browser), and a shared cache
    must never keep a response that may refresh a session cookie."""
    pdf = documents.regulation_pdf(version, language)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{documents.regulation_filename(version, language)}"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["ETag"] = quote_etag(hashlib.sha256(pdf).hexdigest())
    response["Cache-Control"] = cache_control
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return get_conditional_response(request, etag=response["ETag"], response=response)


@require_safe
@ratelimit(key="ip", rate="120/h", block=True)
def pdf(request, org):
    version = selectors.current_version(_organisation(org))
    if version is None:
        raise Http404
    return _pdf_response(request, version, _language(), CURRENT_PDF_CACHE)


@require_safe
@ratelimit(key="ip", rate="120/h", block=True)
def version_pdf(request, org, number):
    version = selectors.version_numbered(_organisation(org), number)
    if version is None:
        raise Http404
    return _pdf_response(request, version, _language(), VERSION_PDF_CACHE)
