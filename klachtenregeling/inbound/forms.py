"""Forms of the triage inbox and the mailbox settings. No ORM writes: the views call services."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from klachtenregeling.complaints.forms import RegistrationForm
from klachtenregeling.core import clock

from .models import Mailbox


class EmlUploadForm(forms.Form):
    eml = forms.FileField(
        label=_("Saved e-mail (.eml)"),
        help_text=_("A message saved from your mail program, e.g. one sent to you directly."),
    )

    def clean_eml(self):
        upload = self.cleaned_data["eml"]
        if upload.size > settings.MAX_INBOUND_MAIL_BYTES:
            raise forms.ValidationError(
                _("This file is larger than %(mb)s MB.")
                % {"mb": settings.MAX_INBOUND_MAIL_BYTES // (1024 * 1024)}
            )
        return upload


class MailRegistrationForm(RegistrationForm):
    """Register a message as a complaint (R-1.1): channel, date received and original come
    from the message itself; the rest is filled in from it and checked by the officer."""

    def __init__(self, *args, mail, **kwargs):
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("complainant_name", mail.from_name)
        initial.setdefault("complainant_email", mail.from_address)
        initial.setdefault("description", mail.text[:10_000])
        super().__init__(*args, **kwargs)
        for name in ("channel", "received_on", "original"):
            del self.fields[name]
        self.received_on = clock.local_date(mail.received_at)


class DiscardForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this message discarded?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "E.g. spam, a newsletter, or sent to the wrong address. Kept with the message."
        ),
    )


class MailboxForm(forms.ModelForm):
    secret = forms.CharField(
        label=_("Password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_(
            "Leave empty to keep the stored one. For Microsoft 365 and Google an access "
            "token is set by a command instead (see the README, “E-mail”)."
        ),
    )

    class Meta:
        model = Mailbox
        fields = [
            "address",
            "host",
            "port",
            "security",
            "username",
            "auth_method",
            "folder",
            "move_to",
            "enabled",
        ]
