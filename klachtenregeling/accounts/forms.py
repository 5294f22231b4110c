"""Forms of the staff account: the second-factor code."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, help_text="", numeric=False, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.help_text = help_text
        if numeric:
            field.widget.attrs.update({"inputmode": "numeric", "pattern": "[0-9 ]*"})


class StaffUserForm(forms.Form):
    """A staff user on the administrator's pages: person, roles and (when changed) active.
    Parses input only; the service checks the rules (accounts/roles.py, R-4.1)."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    is_employee = forms.BooleanField(
        label=_("Staff member"),
        required=False,
        help_text=_("Works under the organisation's responsibility; complaints can be about them."),
    )
    is_officer = forms.BooleanField(
        label=_("Complaints officer"),
        required=False,
        help_text=_("Handles complaints and is named in the published regulation (article 1)."),
    )
    is_board = forms.BooleanField(
        label=_("Board member"),
        required=False,
        help_text=_("Reads the finalised reports and decides on the yearly review."),
    )
    is_org_admin = forms.BooleanField(
        label=_("Administrator"),
        required=False,
        help_text=_("Manages settings and users; sees no complaint content (article 6)."),
    )
    is_active = forms.BooleanField(
        label=_("Active"),
        required=False,
        help_text=_("An inactive user cannot log in; what they did stays on record."),
    )

    def __init__(self, *args, invite: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if invite:
            del self.fields["is_active"]
            self.fields["email"].help_text = _(
                "The invitation with a link to choose a password goes to this address."
            )
        for name in ("first_name", "last_name"):
            self.fields[name].widget.attrs["autocomplete"] = "off"
