from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import LANGUAGE_NAMES, LANGUAGES, MAX_BODY_LENGTH, MAX_TITLE_LENGTH
from .rules.publication import Problem, Wording


class ArticleForm(forms.Form):
    """The wording of one article, in every language; values are placeholders."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for language in LANGUAGES:
            name = LANGUAGE_NAMES[language]
            self.fields[f"title_{language}"] = forms.CharField(
                label=_("Title (%(language)s)") % {"language": name},
                max_length=MAX_TITLE_LENGTH,
            )
            self.fields[f"body_{language}"] = forms.CharField(
                label=_("Text (%(language)s)") % {"language": name},
                max_length=MAX_BODY_LENGTH,
                required=False,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 14, "lang": language, "spellcheck": "true"}),
                help_text=_(
                    "A blank line starts a paragraph; “1.” starts a numbered item, “-” a bullet."
                ),
            )
            self.fields[f"title_{language}"].widget.attrs["lang"] = language

    def wordings(self) -> dict[str, Wording]:
        data = self.cleaned_data
        return {
            language: Wording(data[f"title_{language}"], data[f"body_{language}"])
            for language in LANGUAGES
        }

    def add_problems(self, problems: list[Problem], article: str) -> None:
        """Each problem of this article next to its text; everything else at the top."""
        for problem in problems:
            field = f"body_{problem.language}" if problem.article == article else None
            self.add_error(field if field in self.fields else None, problem.message)
