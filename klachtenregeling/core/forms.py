"""Shared form pieces: the one place a DomainError becomes form errors."""

from django import forms

from .errors import DomainError, InvalidInput


def apply_domain_error(form: forms.Form, error: DomainError) -> None:
    """Show a domain error next to the field it names, else at the top of the form."""
    items = (
        error.errors.items()
        if isinstance(error, InvalidInput)
        else [(error.field, [error.message])]
    )
    for field, messages in items:
        for message in messages:
            form.add_error(field if field in form.fields else None, message)


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
