"""The publication check (R-4.1, R-4.2, R-6.3): is this regulation fit to publish?

Before a version is published — and so before any change of the settings or the
wording it contains is accepted — the text and the values are checked. Every problem
says where it is (article and language, or the setting) and what to do about it.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.text import not_storable

from ..constants import (
    ARTICLE_NUMBER,
    ARTICLE_ORDER,
    LANGUAGES,
    MAX_BODY_LENGTH,
    MAX_TITLE_LENGTH,
    TEXT_NAMES,
    Article,
)
from . import placeholders
from .parameters import Parameters
from .terms import stated_terms

EDITORIAL_NOTES = re.compile(
    r"\bnog\s+in\s+te\s+vullen\b|\bin\s+te\s+vullen\b|\bnog\s+te\s+bepalen\b|\btodo\b|\bfixme\b"
    r"|\btbd\b|\bsubtitel\b|\blorem\s+ipsum\b|\bx{3,}\b|\?{3,}|\[[^\]\n]{0,60}\]|…\]|\[…"
    r"|\bnoot\s+van\s+de\s+redactie\b|\b(?:nb|n\.b\.)\s*:?\s*redactie\b|\bredactie\s*:"
    r"|\bn\.t\.b\.?(?!\w)|\bntb\b|\bnader\s+te\s+bepalen\b|<<[^<>\n]{0,60}>>|«[^«»\n]{0,60}»",
    re.IGNORECASE,
)
# "PM" (pro memorie) as a note to self: only in capitals, as a word of its own.
PRO_MEMORIE = re.compile(r"(?<![\w.])PM(?!\w|\.\w)")

# Letters of other scripts that look like Latin ones (Unicode's confusables for the letters
# that make up the words checked here): todo written with Cyrillic o (U+043E) is still todo.
CONFUSABLES = str.maketrans(
    "аеорсхуіјѕԁһӏАВЕКМНОРСТХІЈЅαεορτυνικΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcxyijsdhlABEKMHOPCTXIJSaeoptuvikABEZHIKMNOPTYX",
)


def normalised(text: str) -> str:
    """The text as the check reads it: compatibility forms folded (NFKC: full-width and
    ligature letters), invisible format characters removed (zero-width spaces and joiners,
    soft hyphens, direction marks) and look-alike letters of other scripts mapped to Latin,
    so that a note cannot hide from the patterns."""
    # The ellipsis stays one character: "[…]" is reported as written.
    folded = "…".join(unicodedata.normalize("NFKC", part) for part in text.split("…"))
    visible = "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")
    return visible.translate(CONFUSABLES)


def editorial_notes(text: str) -> list[str]:
    """The editorial notes in `text`, as normalised, each once, in order."""
    plain = normalised(text)
    found = [m.group(0) for m in EDITORIAL_NOTES.finditer(plain)]
    found += [m.group(0) for m in PRO_MEMORIE.finditer(plain)]
    return list(dict.fromkeys(found))


MONEY = re.compile(
    r"[€$£]\s*\d|\bEUR\s*\d|\d(?:[\d.,]*\d)?\s*(?:euro|eur|€)(?![\w])", re.IGNORECASE
)

SETTING_LABELS = {
    "name": _("the organisation's name"),
    "website": _("the organisation's website"),
    "contact_email": _("the contact e-mail for complaints"),
    "slug": _("the organisation's short name"),
    "default_officer": _("the complaints officers"),
    "officers": _("the complaints officers"),
    "term_days": _("the term for a judgment"),
    "disputes_body_name": _("the disputes body"),
    "disputes_body_address": _("the disputes body's address"),
    "disputes_body_url": _("the disputes body's website"),
}


@dataclass(frozen=True)
class Wording:
    title: str
    body: str


# language -> article -> wording
Texts = dict[str, dict[str, Wording]]


@dataclass(frozen=True)
class Problem:
    """One reason not to publish. `article`/`language` say where in the text; `setting`
    names the organisation setting involved (the form field to show it on)."""

    message: str
    code: str
    article: str | None = None
    language: str | None = None
    setting: str | None = None

    def __str__(self) -> str:
        return str(self.message)


def where(article: str, language: str) -> str:
    label = Article(article).label
    number = ARTICLE_NUMBER[article]
    text = TEXT_NAMES[language]
    if number is None:
        return _("%(title)s, %(text)s") % {"title": label, "text": text}
    return _("Article %(n)d (%(title)s), %(text)s") % {"n": number, "title": label, "text": text}


def publication_problems(texts: Texts, parameters: Parameters) -> list[Problem]:
    """Everything that stops this text with these values from being published; [] = fine."""
    problems = settings_problems(parameters)
    # A setting already reported is not reported again for each placeholder it leaves empty.
    reported = {p.setting for p in problems}
    for language in LANGUAGES:
        articles = texts.get(language, {})
        for article in ARTICLE_ORDER:
            wording = articles.get(article) or Wording("", "")
            problems += article_problems(
                article, language, wording, parameters, reported_settings=reported
            )
        problems += _required_problems(language, articles)
    return problems


def settings_problems(parameters: Parameters) -> list[Problem]:
    """The values: R-1.4 officers with e-mail, R-4.2 a complete disputes body, R-5.5 a term."""
    problems = []

    def add(code, setting, message):
        problems.append(Problem(message=message, code=code, setting=setting))

    if not parameters.organisation_name.strip():
        add("missing_value", "name", _("The organisation has no name."))
    if not parameters.officers:
        add(
            "no_officer",
            "default_officer",
            _(
                "There is no active complaints officer. The regulation names the officer who "
                "handles complaints: make a user complaints officer first (article 1)."
            ),
        )
    for officer in parameters.officers:
        if not officer.email.strip():
            add(
                "officer_without_email",
                "officers",
                _(
                    "Complaints officer %(name)s has no e-mail address. The regulation names "
                    "each officer with an e-mail address: add one to their user (article 1)."
                )
                % {"name": officer.name},
            )
    disputes = [
        ("disputes_body_name", parameters.disputes_body_name, _("The disputes body has no name.")),
        (
            "disputes_body_address",
            parameters.disputes_body_address,
            _("The disputes body has no address. Fill in its postal address (article 4)."),
        ),
        (
            "disputes_body_url",
            parameters.disputes_body_url,
            _("The disputes body has no website. Fill in its website (article 4)."),
        ),
    ]
    for setting, value, message in disputes:
        if not value.strip():
            add("missing_value", setting, message)
    if not 1 <= parameters.term_days <= 365:
        add("term_range", "term_days", _("The term must be between 1 and 365 days."))
    written = {
        "name": parameters.organisation_name,
        "disputes_body_name": parameters.disputes_body_name,
        "disputes_body_address": parameters.disputes_body_address,
    }
    for setting, value in written.items():
        if found := editorial_notes(value):
            add(
                "editorial_note",
                setting,
                _("%(setting)s contains “%(found)s”, which looks like an editorial note.")
                % {"setting": capfirst(str(SETTING_LABELS[setting])), "found": found[0]},
            )
    return problems


def article_problems(
    article: str,
    language: str,
    wording: Wording,
    parameters: Parameters,
    *,
    reported_settings: frozenset | set = frozenset(),
) -> list[Problem]:
    """One article in one language: complete, no loose ends, values only as placeholders."""
    place = where(article, language)
    problems = []

    def add(code, message, setting=None):
        problems.append(
            Problem(
                message=f"{place}: {message}",
                code=code,
                article=article,
                language=language,
                setting=setting,
            )
        )

    title, body = wording.title.strip(), wording.body.strip()
    if not title:
        add("empty", _("the title is empty."))
    if not body and article != Article.INTRO:
        add("empty", _("the text is empty."))
    if len(wording.title) > MAX_TITLE_LENGTH or len(wording.body) > MAX_BODY_LENGTH:
        add(
            "too_long",
            _("use at most %(title)d characters for the title and %(body)d for the text.")
            % {"title": MAX_TITLE_LENGTH, "body": MAX_BODY_LENGTH},
        )
    text = f"{wording.title}\n{wording.body}"
    if not_storable(text):
        add("control_characters", _("the text contains characters that are not allowed."))
    filled = placeholders.values(parameters, language)
    for name in dict.fromkeys(placeholders.names_in(text)):
        known = placeholders.PLACEHOLDERS.get(name)
        if known is None:
            add(
                "unknown_placeholder",
                _(
                    "{%(name)s} is not a known placeholder. Use one from the list of "
                    "placeholders, or remove the braces."
                )
                % {"name": name},
            )
        elif not filled[name].strip() and known.setting not in reported_settings:
            add(
                "unfilled_placeholder",
                _("{%(name)s} has no value. Fill in %(setting)s in the settings, or remove it.")
                % {"name": name, "setting": SETTING_LABELS.get(known.setting, known.setting)},
                setting=known.setting or None,
            )
    if "{" in (rest := placeholders.PATTERN.sub("", text)) or "}" in rest:
        add(
            "loose_brace",
            _("a brace “{” or “}” has no partner. Write placeholders like {termijn}."),
        )
    for found in editorial_notes(text):
        add(
            "editorial_note",
            _("“%(found)s” looks like an editorial note. Finish the text or remove it.")
            % {"found": found},
        )
    for term in stated_terms(text):
        if term.days != parameters.term_days:
            add(
                "term_differs",
                _(
                    "the text states the term “%(phrase)s”, but the term for a judgment is "
                    "%(days)d days. Write {termijn} instead of a fixed term."
                )
                % {"phrase": term.phrase, "days": parameters.term_days},
                setting="term_days",
            )
    for found in dict.fromkeys(m.group(0) for m in MONEY.finditer(normalised(text))):
        add(
            "fee",
            _(
                "“%(found)s” looks like an amount of money. Handling a complaint is free of "
                "charge (article 6): no fee may appear in the regulation."
            )
            % {"found": found.strip()},
        )
    return problems


def _required_problems(language: str, articles: dict[str, Wording]) -> list[Problem]:
    written = set()
    for wording in articles.values():
        written.update(placeholders.names_in(f"{wording.title}\n{wording.body}"))
    return [
        Problem(
            message=capfirst(
                _("%(text)s does not state %(what)s.")
                % {"text": TEXT_NAMES[language], "what": what}
            ),
            code="missing_statement",
            language=language,
        )
        for names, what in placeholders.REQUIRED
        if not written & set(names)
    ]
