"""Shared form pieces: the one place a DomainError becomes form errors, and the one
helper for "a form step on a page" (`form_step`), and the cache key of an unbound form's
markup (`unbound_form_key`)."""

import hashlib
import json
import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages as flash
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.choices import CallableChoiceIterator

from .errors import DomainError, InvalidInput

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def apply_domain_error(form: forms.Form, error: DomainError) -> None:
    """Show a domain error next to the field it names, else at the top of the form."""
    items = (
        error.errors.items()
        if isinstance(error, InvalidInput)
        else [(error.field, [error.message])]
    )
    for field, messages in items:
        for message in messages:
            form.add_error(field if field in form.fields else None, str(message))


class DateInput(forms.DateInput):
    """<input type="date">: the browser shows the date in the visitor's language, but the
    value it reads and sends is always ISO 8601; a Dutch "11-12-2026" would leave it empty."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Zero or more files from one <input type=file multiple>."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


def form_step(
    request: HttpRequest,
    form: forms.Form,
    action: Callable[[dict[str, Any]], Any],
    *,
    success: "StrOrPromise | None",
    done: Callable[[Any], HttpResponse],
    page: Callable[[forms.Form], HttpResponse],
    passes: tuple[type[DomainError], ...] = (),
) -> HttpResponse:
    """A form step on a page: a valid form whose `action(cleaned_data)` the domain accepts
    gets the `success` message (if any) and `done(result)` (a redirect, or the next page); otherwise `page(form)` shows
    the page again with the form's errors (status 400), nothing typed lost.

    A refusal that names no field of the form (the step is not possible in this state, a
    stale version, ...) is a non-field error of the form *and* a message at the top of the
    page: the form may be folded away, and the reason must be seen. Refusals in `passes`
    are left to the caller (e.g. a judgment that changed shows the new text instead).

    Nothing attached is lost either (issue 17): a form with a file field keeps the files
    that passed the checks across an error (`FormUploads`), and a valid form finds them in
    its `cleaned_data` as if they had been attached again.
    """
    from klachtenregeling.complaints.services.pending_uploads import FormUploads

    kept = FormUploads.of(request, form)
    if form.is_valid():
        if kept is not None:
            kept.fill(form)
        try:
            result = action(form.cleaned_data)
        except passes:
            raise
        except DomainError as error:
            apply_domain_error(form, error)
            if not isinstance(error, InvalidInput) and error.field not in form.fields:
                flash.error(request, str(error.message))
        else:
            if kept is not None:
                kept.consume()
            if success:
                flash.success(request, success)
            return done(result)
    if kept is not None:
        kept.keep_new(form)
    response = page(form)
    response.status_code = 400
    return response


def submitted(form: forms.Form, action) -> bool:
    """True when the form is valid and the domain accepted `action(form.cleaned_data)`;
    otherwise the reasons are on the form (one place for every form-driven step)."""
    if not form.is_valid():
        return False
    try:
        action(form.cleaned_data)
    except DomainError as error:
        apply_domain_error(form, error)
        return False
    return True


# Issue 19: the markup of an unbound form is the same for every visitor of an organisation
# in one language, and rendering its fields is most of a public form's request. It is kept
# in the cache under a digest of everything it is made of (below), so it can never be shown
# for other fields, choices, labels or language; PROCESS keeps markup of an earlier release
# (another template) out of a new process. A bound form (errors, values, kept files) is
# rendered every time.
PROCESS = secrets.token_hex(8)
FRAGMENT_SECONDS = 300


def _plain(value: Any) -> Any:
    if isinstance(value, CallableChoiceIterator):
        value = list(value)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in sorted(value.items())}
    return str(value)


def unbound_form_key(form: forms.Form, *context: Any, exclude: tuple[str, ...] = ()) -> str:
    """The cache key of `form`'s rendered fields (those not in `exclude`), or "" when the
    form must be rendered: bound, or with kept files (pending uploads)."""
    if form.is_bound:
        return ""
    parts: list[Any] = [PROCESS, translation.get_language(), form.prefix, form.auto_id]
    parts += [_plain(c) for c in context]
    for name, field in form.fields.items():
        if name in exclude:
            continue
        if getattr(field, "kept_uploads", None):
            return ""
        parts.append(
            [
                name,
                field.label,
                field.help_text,
                field.required,
                field.disabled,
                type(field.widget).__name__,
                field.widget.attrs,
                getattr(field, "choices", ()),
                form.get_initial_for_field(field, name),
            ]
        )
    text = json.dumps(_plain(parts), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()
