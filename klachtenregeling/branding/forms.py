from django import forms
from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.errors import InvalidInput

from .logos import check_logo
from .rules import colour_problem


class ColourField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 7)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if problem := colour_problem(value):
            raise forms.ValidationError(problem)


class BrandingForm(forms.Form):
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG or JPEG, at most 512 KB. Shown at the top of your public pages."),
        widget=forms.FileInput(attrs={"accept": ".png,.jpg,.jpeg,image/png,image/jpeg"}),
    )
    remove_logo = forms.BooleanField(label=_("Remove the current logo"), required=False)
    primary_colour = ColourField(
        label=_("Primary colour"),
        help_text=_(
            "Buttons and links, as a hex code like #0b5cab. Empty: the standard blue. "
            "It must be dark enough for white text (contrast at least 4.5:1)."
        ),
    )
    accent_colour = ColourField(
        label=_("Accent colour"),
        help_text=_(
            "The banner at the top of your pages and the line under the header. Empty: a "
            "darker shade of the standard blue. Also dark enough for white text."
        ),
    )

    def clean_logo(self):
        """Checked here as well, so that every error shows at once (the service checks again)."""
        logo = self.cleaned_data.get("logo")
        if logo:
            try:
                check_logo(logo)
            except InvalidInput as error:
                raise forms.ValidationError(error.errors["logo"]) from None
        return logo
