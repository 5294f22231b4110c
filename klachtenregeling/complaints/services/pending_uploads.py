"""Files kept across a form error (issue 17): the one mechanism for every form with files.

A form sent back with an error keeps each file that passed the checks (`uploads.py`) as a
`PendingUpload`: encrypted with a random key that only the visitor's session holds, listed
on the form as "al toegevoegd: x.pdf — verwijderen", sent along with the next submit
(hidden `kept_upload` values, checked against the session) and removed when the form is
sent, when the visitor ticks "verwijderen", or after `PENDING_UPLOAD_HOURS`.

    form = SomeForm(request.POST or None, request.FILES or None, ...)
    kept = FormUploads.of(request, form)    # attached: shows them; a kept file fills a required field
    ... form valid: kept.fill(form)         # cleaned_data holds the kept files beside the new ones
    ... sent: kept.consume()
    ... form invalid or refused: kept.keep_new(form)   # the new files that pass the checks

`form_step` (core/forms.py) does this for every form step with a file field; the two views
that do not go through it (the public form and the officer's registration) call the same
four methods.
"""

import uuid
from datetime import timedelta
from tempfile import SpooledTemporaryFile

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.forms import FileInput, Form
from django.utils.translation import gettext as _

from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput
from klachtenregeling.retention import crypto

from ..models import PendingUpload
from ..uploads import check_upload

SESSION_KEY = "pending_uploads"  # {upload id: key (hex)}
PENDING_UPLOAD_HOURS = 24
POST_KEPT = "kept_upload"
POST_REMOVE = "remove_upload"
FILE_WIDGETS = (FileInput,)  # ClearableFileInput and MultipleFileInput are FileInputs


def _ids(values) -> list[uuid.UUID]:
    ids = []
    for value in values:
        try:
            ids.append(uuid.UUID(str(value)))
        except ValueError:
            continue
    return ids


class FormUploads:
    """The files kept for one form of one session."""

    def __init__(self, request, form_name: str):
        self.request = request
        self.form_name = form_name
        self.kept: list[PendingUpload] = []
        if request.method != "POST":
            return
        keys = self._keys()
        wanted = [i for i in _ids(request.POST.getlist(POST_KEPT)) if str(i) in keys]
        removed = {str(i) for i in _ids(request.POST.getlist(POST_REMOVE))}
        since = clock.now() - timedelta(hours=PENDING_UPLOAD_HOURS)
        rows = PendingUpload.objects.filter(pk__in=wanted, form=form_name, created_at__gte=since)
        for row in rows.order_by("created_at"):
            if str(row.pk) in removed:
                _discard(row)
                keys.pop(str(row.pk), None)
            else:
                self.kept.append(row)
        self._save_keys(keys)

    @classmethod
    def of(cls, request, form: Form) -> "FormUploads | None":
        """The kept files of `form` (named by its class and prefix), already attached to
        it; None for a form without a file field."""
        if not any(isinstance(f.widget, FILE_WIDGETS) for f in form.fields.values()):
            return None
        name = type(form).__name__ + (f":{form.prefix}" if form.prefix else "")
        kept = cls(request, name[:40])
        kept.attach(form)
        return kept

    def _keys(self) -> dict:
        return dict(self.request.session.get(SESSION_KEY, {}))

    def _save_keys(self, keys: dict) -> None:
        if keys or SESSION_KEY in self.request.session:
            self.request.session[SESSION_KEY] = keys

    def for_field(self, field: str) -> list[PendingUpload]:
        return [row for row in self.kept if row.field == field]

    def attach(self, form) -> None:
        """Show the kept files under their fields; a kept file fills a required file field."""
        for name, field in form.fields.items():
            if isinstance(field.widget, FILE_WIDGETS):
                field.kept_uploads = self.for_field(name)
                if field.kept_uploads:
                    field.required = False

    def fill(self, form: Form) -> None:
        """A valid form: its kept files join the new ones in `cleaned_data`, as files with
        their name, so the step reads them as if they had been attached again (a new file
        in a one-file field wins over the kept one)."""
        keys = self._keys()
        for name, field in form.fields.items():
            rows = self.for_field(name)
            if not rows or not isinstance(field.widget, FILE_WIDGETS):
                continue
            files = [File(_plaintext(row, keys[str(row.pk)]), name=row.filename) for row in rows]
            if field.widget.allow_multiple_selected:
                form.cleaned_data[name] = files + list(form.cleaned_data.get(name) or [])
            elif not form.cleaned_data.get(name):
                form.cleaned_data[name] = files[0]

    def keep_new(self, form) -> None:
        """After a form error: keep the new files that pass the checks; a file that does
        not gets its reason on the form (the checks would say it at the next submit)."""
        keys = self._keys()
        for name, field in form.fields.items():
            if not isinstance(field.widget, FILE_WIDGETS):
                continue
            if not field.widget.allow_multiple_selected and name in form.errors:
                continue  # the form's own checks refused this one file (e.g. a logo too big)
            room = _room(field) - len(self.for_field(name))
            for upload in self.request.FILES.getlist(form.add_prefix(name)):
                try:
                    checked = check_upload(upload.name, upload, field=name)
                except InvalidInput as error:
                    _add_errors(form, name, error.errors.get(name, []))
                    continue
                if room <= 0:
                    _add_errors(form, name, [_too_many(field)])
                    continue
                key = crypto.new_key()
                row = pending_upload_keep(form=self.form_name, field=name, checked=checked, key=key)
                keys[str(row.pk)] = key.hex()
                self.kept.append(row)
                room -= 1
        self._save_keys(keys)
        self.attach(form)

    def consume(self) -> None:
        """The form was sent: its kept files are part of it now; remove the copies."""
        keys = self._keys()
        for row in self.kept:
            _discard(row)
            keys.pop(str(row.pk), None)
        self.kept = []
        self._save_keys(keys)


def _room(field) -> int:
    return settings.MAX_ATTACHMENTS_PER_UPLOAD if field.widget.allow_multiple_selected else 1


def _too_many(field) -> str:
    if field.widget.allow_multiple_selected:
        return _("Attach at most %(n)d files.") % {"n": settings.MAX_ATTACHMENTS_PER_UPLOAD}
    return _("One file only: remove the one already added first.")


def _add_errors(form, name: str, messages: list) -> None:
    present = {str(m) for m in form.errors.get(name, [])}
    for message in messages:
        if str(message) not in present:
            form.add_error(name, message)


def _plaintext(row: PendingUpload, key_hex: str) -> SpooledTemporaryFile:
    copy = SpooledTemporaryFile(max_size=1024 * 1024)  # noqa: SIM115 - returned open
    with row.file.storage.open(row.file.name, "rb") as raw:
        reader = crypto.DecryptingReader(bytes.fromhex(key_hex), raw)
        for chunk in iter(lambda: reader.read(1024 * 1024), b""):
            copy.write(chunk)
    copy.seek(0)
    return copy


def pending_upload_keep(*, form: str, field: str, checked, key: bytes) -> PendingUpload:
    """Store one checked file, encrypted with `key` (kept by the caller in the session)."""
    row = PendingUpload(
        form=form,
        field=field,
        filename=checked.filename,
        content_type=checked.content_type,
        size=checked.size,
        created_at=clock.now(),
    )
    checked.stream.seek(0)
    reader = crypto.EncryptingReader(key, checked.stream)
    row.file.save(checked.filename, File(reader, name=checked.filename), save=False)
    try:
        with transaction.atomic():
            row.save()
    except BaseException:
        row.file.storage.delete(row.file.name)
        raise
    return row


def _discard(row: PendingUpload) -> None:
    name = row.file.name
    row.delete()
    if name:
        row.file.storage.delete(name)


def pending_uploads_prune() -> int:
    """Remove the kept files of forms that were never sent (after 24 hours); how many."""
    since = clock.now() - timedelta(hours=PENDING_UPLOAD_HOURS)
    old = list(PendingUpload.objects.filter(created_at__lt=since))
    for row in old:
        _discard(row)
    return len(old)
