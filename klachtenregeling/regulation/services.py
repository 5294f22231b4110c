"""Publishing the regulation (R-4.1): the only writers of wording and versions.

Every change of the regulation's values or wording publishes a new version in the same
transaction, after the publication check; when the check fails, the change is refused
and nothing is stored. So the page always shows the current published version, and the
term it states is the term complaints get.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput, StaleObject
from klachtenregeling.organisations.models import Organisation

from . import rendering, selectors
from .constants import ARTICLE_NUMBER, LANGUAGES, MAX_BODY_LENGTH, MAX_TITLE_LENGTH, Article
from .errors import PublicationRefused
from .models import ArticleText, RegulationVersion
from .rules.publication import Wording, publication_problems

REASON_FIRST = _("First publication")
REASON_SETTINGS = _("Settings changed")
REASON_OFFICERS = _("Complaints officers changed")
REASON_REPUBLISHED = _("Published again")


@dataclass(frozen=True)
class PublishResult:
    version: RegulationVersion
    created: bool


def _require_admin(by, organisation) -> None:
    """An organisation's administrator (or the platform administrator); None = the system."""
    if by is not None and not by.is_superuser:
        policies.require(by, policies.REGULATION_EDIT, organisation)


def _stored_reason(reason) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return str(reason)[:300]


def regulation_publish(*, organisation, by=None, reason=REASON_REPUBLISHED) -> PublishResult:
    """Check the regulation as the settings and wording now are, and publish it.

    The same text with the same values is not published twice: the current version
    is returned. Raises PublicationRefused with every problem found.
    """
    _require_admin(by, organisation)
    with transaction.atomic():
        locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
        parameters = selectors.parameters_of(locked)
        texts = selectors.texts_of(locked)
        problems = publication_problems(texts, parameters)
        if problems:
            raise PublicationRefused(problems)
        articles = rendering.render(texts, parameters)
        text = rendering.canonical_text(articles, parameters)
        digest = rendering.sha256(text)
        current = selectors.current_version(locked)
        if current and current.sha256 == digest and current.parameters == parameters.as_dict():
            return PublishResult(current, created=False)
        version = RegulationVersion.objects.create(
            organisation=locked,
            number=current.number + 1 if current else 1,
            published_at=clock.now(),
            published_by=by,
            published_by_name=by.display_name if by else "",
            reason=_stored_reason(reason if current else REASON_FIRST),
            term_days=parameters.term_days,
            parameters=parameters.as_dict(),
            articles=articles,
            text=text,
            sha256=digest,
        )
    return PublishResult(version, created=True)


def regulation_republish(*, organisation, by=None, reason=REASON_SETTINGS) -> PublishResult | None:
    """After a change of the values: publish again — once the regulation is published at all.

    Call inside the transaction of the change; a refusal rolls the change back.
    """
    if selectors.current_version(organisation) is None:
        return None
    return regulation_publish(organisation=organisation, by=by, reason=reason)


def article_update(
    *,
    organisation,
    article: str,
    wordings: dict[str, Wording],
    by,
    expected_version: int | None = None,
) -> PublishResult:
    """Change the wording of one article (per language) and publish the result (R-4.1).

    A wording equal to the default is stored as "the default", so later improvements of
    the default reach it. `expected_version`: the version the editor saw; if another
    version was published meanwhile, the change is refused (nothing overwritten unseen).
    """
    _require_admin(by, organisation)
    if article not in Article.values or set(wordings) - set(LANGUAGES):
        raise InvalidInput({"__all__": [_("This article does not exist.")]})
    too_long = [
        language
        for language, w in wordings.items()
        if len(w.title) > MAX_TITLE_LENGTH or len(w.body) > MAX_BODY_LENGTH
    ]
    if too_long:
        raise InvalidInput(
            {
                f"body_{language}": [
                    _("Use at most %(title)d characters for the title and %(body)d for the text.")
                    % {"title": MAX_TITLE_LENGTH, "body": MAX_BODY_LENGTH}
                ]
                for language in too_long
            }
        )
    with transaction.atomic():
        Organisation.objects.select_for_update().get(pk=organisation.pk)
        current = selectors.current_version(organisation)
        if expected_version is not None and (current.number if current else 0) != expected_version:
            raise StaleObject(
                _(
                    "Someone else published the regulation while you were editing. "
                    "Your change was not saved: check the current text and try again."
                )
            )
        for language, wording in wordings.items():
            wording = Wording(wording.title.strip(), wording.body.strip().replace("\r\n", "\n"))
            own = ArticleText.objects.filter(
                organisation=organisation, article=article, language=language
            )
            if wording == selectors.default_wording(article, language):
                own.delete()
            else:
                own.update_or_create(
                    organisation=organisation,
                    article=article,
                    language=language,
                    defaults={
                        "title": wording.title,
                        "body": wording.body,
                        "updated_at": clock.now(),
                        "updated_by": by,
                    },
                )
        number = ARTICLE_NUMBER[article]
        with translation.override(settings.LANGUAGE_CODE):
            reason = (
                str(_("Introduction changed"))
                if number is None
                else _("Article %(n)d changed") % {"n": number}
            )
        return regulation_publish(organisation=organisation, by=by, reason=reason)
