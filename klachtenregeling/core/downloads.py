"""Serving a stored private file: always as a download, never cached, never sniffed."""

from django.http import FileResponse


def private_download(document) -> FileResponse:
    """`document` is an attachment or a letter: decrypted while streamed (R-8.5).

    The whole file is authenticated before the response starts, so a changed file gives
    the error page (FileUnreadable) instead of a download cut off halfway.
    """
    from klachtenregeling.retention.files import open_verified

    response = FileResponse(
        open_verified(document),
        as_attachment=True,
        filename=document.filename,
        content_type=document.content_type,
    )
    response["Content-Length"] = str(document.size)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
