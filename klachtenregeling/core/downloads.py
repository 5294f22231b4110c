"""Serving a stored private file: always as a download, never cached, never sniffed."""

from django.http import FileResponse


def private_download(document) -> FileResponse:
    """`document` has .file, .filename and .content_type (an attachment or a letter)."""
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.filename,
        content_type=document.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
