"""PDF letters and documents with WeasyPrint (imported lazily: the import takes a second).

Every PDF is tagged (its structure is there for screen readers) and follows a standard that
the caller chooses (README, "PDF documents"): a record to keep is PDF/A-2a (archival and
tagged), a published document is PDF/UA-1. The metadata come from the template's <head>
(<title>, <meta name=author>, <meta name=description>, <html lang>) and the creation date
from the caller: for a record the document's own date, so that rendering it again gives
the same date.
"""

from datetime import datetime
from enum import StrEnum

from django.template.loader import render_to_string
from django.utils import translation

from klachtenregeling.core import clock


class PdfVariant(StrEnum):
    """The standard a PDF follows; WeasyPrint's names for them."""

    # Records (letters, judgments, the case file, compliance and destruction statements,
    # reports): PDF/A-2 for archiving, level A for tagged structure and Unicode text.
    RECORD = "pdf/a-2a"
    # Published documents (the regulation and its text for order confirmations).
    PUBLIC = "pdf/ua-1"


class MissingMetadata(ValueError):
    """A template without title, author, subject or language: a PDF must name them."""


# The system's installed fonts: WeasyPrint reads a `local()` font face through the fetcher.
FONT_DIRS = ("file:///usr/share/fonts/", "file:///usr/local/share/fonts/")


def _no_fetching(url: str, *args, **kwargs):
    # Letters use no external resources: nothing in a letter may make the server fetch a URL.
    # Only the machine's own font files are read (the emoji face of the letters' style).
    if url.startswith(FONT_DIRS) and ".." not in url:
        from weasyprint.urls import URLFetcher

        return URLFetcher(allowed_protocols={"file"})(url)
    raise ValueError(f"external resource refused: {url[:80]}")


def render_pdf(
    template: str,
    context: dict,
    *,
    language: str,
    variant: PdfVariant,
    created: datetime | None = None,
) -> bytes:
    """The template as a tagged PDF of `variant`. A record needs `created` (its own date);
    a published document without one is dated now."""
    from weasyprint import HTML

    if created is None:
        if variant is PdfVariant.RECORD:
            raise ValueError("a record is dated from its own data: pass created=")
        created = clock.now()
    with translation.override(language):
        html = render_to_string(template, {**context, "LANGUAGE_CODE": language})
    options = {"pdf_variant": str(variant), "pdf_tags": True}
    document = HTML(string=html, url_fetcher=_no_fetching).render(**options)
    metadata = document.metadata
    missing = [
        name
        for name, value in (
            ("<title>", metadata.title),
            ('<meta name="author">', metadata.authors),
            ('<meta name="description">', metadata.description),
            ("<html lang>", metadata.lang),
        )
        if not value or (isinstance(value, str) and not value.strip())
    ]
    if missing:
        raise MissingMetadata(f"{template} lacks {', '.join(missing)}")
    metadata.created = metadata.modified = created.astimezone(clock.AMSTERDAM).isoformat(
        timespec="seconds"
    )
    return document.write_pdf(**options)
