from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from klachtenregeling.complaints.uploads import ALLOWED_EXTENSIONS, max_size_label
from klachtenregeling.core.forms import MultipleFileField


class AddFilesForm(forms.Form):
    """Issue 17: the complainant adds files to their complaint from their page."""

    attachments = MultipleFileField(label=_("Add files"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["attachments"]
        field.help_text = _(
            "At most %(n)d files of %(max)s each: PDF, PNG, JPEG, DOCX, TXT or EML."
        ) % {"n": settings.MAX_ATTACHMENTS_PER_UPLOAD, "max": max_size_label()}
        field.widget.attrs["accept"] = ",".join(ALLOWED_EXTENSIONS)

    def uploads(self) -> list:
        return [(f.name, f) for f in self.cleaned_data.get("attachments") or []]


class LostLinkForm(forms.Form):
    """R-7.3: ask for a new personal link, sent to the e-mail address of the complaint."""

    email = forms.EmailField(
        label=_("The e-mail address you used for your complaint"), max_length=254
    )
    reference = forms.RegexField(
        label=_("Reference (optional)"),
        regex=r"^\s*[Kk][Ll]-\d{4}-\d{1,9}\s*$",
        required=False,
        max_length=20,
        help_text=_("For example KL-2026-0042, from the acknowledgement of receipt."),
        error_messages={"invalid": _("A reference looks like KL-2026-0042.")},
    )
