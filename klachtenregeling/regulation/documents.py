"""The regulation as a PDF (R-4.1) and the text for order confirmations (R-4.2).

Both are made from a published version — its stored text and the values it states —
so a download is the same regulation as the page, and an old version stays the same.
"""

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from klachtenregeling.letters.pdf import PdfVariant, render_pdf

from .rules.parameters import Parameters

PDF_CACHE_SECONDS = 24 * 60 * 60


def regulation_filename(version, language: str) -> str:
    return f"klachtenregeling-{version.organisation.slug}-v{version.number}-{language}.pdf"


def regulation_pdf(version, language: str) -> bytes:
    """The version's PDF; cached, since a version never changes."""
    key = f"regulation-pdf:{version.pk}:{version.sha256[:16]}:{language}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_pdf(
            "regulation/pdf/regulation.html",
            {
                "organisation": version.organisation,
                "version": version,
                "articles": version.articles_in(language),
            },
            language=language,
            variant=PdfVariant.PUBLIC,  # published for everyone: tagged, PDF/UA
            # Dated by its publication: the same version is the same file (and ETag).
            created=version.published_at,
        )
        cache.set(key, pdf, PDF_CACHE_SECONDS)
    return pdf


def order_text_context(version) -> dict:
    organisation = version.organisation
    return {
        "organisation": organisation,
        "version": version,
        "parameters": Parameters.from_dict(version.parameters),
        "complaint_form_url": settings.SITE_URL
        + reverse("public:complaint-form", args=[organisation.slug]),
    }


def order_text(version, language: str) -> str:
    """The paragraph for an order confirmation: the regulation applies, where to read it,
    and which independent body gives a binding ruling on an unresolved complaint."""
    with translation.override(language):
        text = render_to_string("regulation/order_confirmation.txt", order_text_context(version))
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


def order_text_pdf(version, language: str) -> bytes:
    paragraphs = order_text(version, language).split("\n\n")
    return render_pdf(
        "regulation/pdf/order_confirmation.html",
        {**order_text_context(version), "paragraphs": paragraphs},
        language=language,
        variant=PdfVariant.PUBLIC,
        created=version.published_at,
    )
