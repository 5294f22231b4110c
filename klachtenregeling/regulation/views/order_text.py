"""For order confirmations (R-4.1, R-4.2): the text to copy, and the same as a PDF."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from klachtenregeling.accounts import policies

from .. import documents, selectors
from ..constants import LANGUAGE_NAMES, LANGUAGES


def _version(request):
    organisation = request.user.organisation
    if organisation is None:
        raise Http404
    policies.require(request.user, policies.REGULATION_USE_ORDER_TEXT, organisation)
    return organisation, selectors.current_version(organisation)


@login_required
def order_text(request):
    organisation, version = _version(request)
    texts = []
    if version is not None:
        texts = [
            (lang, LANGUAGE_NAMES[lang], documents.order_text(version, lang)) for lang in LANGUAGES
        ]
    return render(
        request,
        "regulation/staff/order_text.html",
        {"organisation_name": organisation.name, "version": version, "texts": texts},
    )


@login_required
def order_text_pdf(request, language):
    organisation, version = _version(request)
    if version is None or language not in LANGUAGES:
        raise Http404
    response = HttpResponse(
        documents.order_text_pdf(version, language), content_type="application/pdf"
    )
    filename = f"klachtenregeling-opdrachtbevestiging-{organisation.slug}-{language}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
