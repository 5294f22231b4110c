"""PDF letters and documents with WeasyPrint (imported lazily: the import takes a second)."""

from django.template.loader import render_to_string
from django.utils import translation


def _no_fetching(url: str, *args, **kwargs):
    # Letters use no external resources: nothing in a letter may make the server fetch a URL.
    raise ValueError(f"external resource refused: {url[:80]}")


def render_pdf(template: str, context: dict, *, language: str) -> bytes:
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string(template, {**context, "LANGUAGE_CODE": language})
    return HTML(string=html, url_fetcher=_no_fetching).write_pdf()
