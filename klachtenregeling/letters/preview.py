"""A letter shown before it is sent: the PDF exactly as it will go out, as page images in
the page (a phone's browser shows no embedded PDF), with who receives it."""

import base64
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pypdfium2
from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# The button of the preview page: "send" sends, "change" goes back to the form.
CONFIRM = "confirm"

# 110 dpi: sharp enough to read on a laptop, light enough to send several pages inline.
SCALE = 110 / 72


@dataclass(frozen=True)
class Recipient:
    role: "StrOrPromise"
    name: str
    email: str


@dataclass(frozen=True)
class LetterPreview:
    """One letter to one recipient: its pages as PNG data URLs, in order."""

    recipient: Recipient
    pages: list[str]


def page_images(pdf: bytes) -> list[str]:
    """Each page of `pdf` as a `data:image/png;base64,...` URL."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        images = []
        for page in document:
            bitmap = page.render(scale=SCALE)
            buffer = io.BytesIO()
            bitmap.to_pil().save(buffer, format="PNG", optimize=True)
            images.append("data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode())
            page.close()
        return images
    finally:
        document.close()


def preview(recipient: Recipient, pdf: bytes) -> LetterPreview:
    return LetterPreview(recipient=recipient, pages=page_images(pdf))


def preview_page(
    request: HttpRequest,
    *,
    complaint,
    form: forms.Form,
    action: str,
    letters: list[LetterPreview],
    title: "StrOrPromise",
    send_label: "StrOrPromise",
    next_steps: "StrOrPromise",
) -> HttpResponse:
    """The look before an irreversible step: the letter(s) as they will be sent, who gets
    them, and what happens next; "send" posts the same input again with `confirm`, "change"
    goes back to the form with everything typed still in it."""
    response = render(
        request,
        "letters/preview.html",
        {
            "complaint": complaint,
            "form": form,
            "action": action,
            "letters": letters,
            "title": title,
            "send_label": send_label,
            "next_steps": next_steps,
        },
    )
    # The pages are inline images (data: URLs) of this response only.
    response._csp_update = {"img-src": "data:"}  # type: ignore[attr-defined]
    response["Cache-Control"] = "private, no-store"
    return response


def confirmed(request: HttpRequest) -> bool:
    """The officer looked at the letter and chose to send it."""
    return request.POST.get(CONFIRM) == "send"


def going_back(request: HttpRequest) -> bool:
    """The officer looked at the letter and wants to change the input."""
    return request.POST.get(CONFIRM) == "change"
