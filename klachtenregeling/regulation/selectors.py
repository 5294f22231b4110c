"""Reads of the regulation: its wording, its values and its published versions."""

from datetime import date, datetime

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse

from klachtenregeling.accounts.selectors import officers_of
from klachtenregeling.complaints.rules.days_off import DaysOffRule, parse_extra_days
from klachtenregeling.core import clock

from . import rendering
from .constants import ARTICLE_ORDER, LANGUAGES
from .defaults import DEFAULT_TEXTS
from .models import ArticleText, RegulationVersion
from .rules.parameters import Officer, Parameters
from .rules.publication import Texts, Wording


def texts_of(organisation) -> Texts:
    """The wording per language and article: the organisation's own, else the default."""
    own = {
        (a.article, a.language): Wording(a.title, a.body)
        for a in ArticleText.objects.filter(organisation=organisation)
    }
    return {
        language: {
            key: own.get((key, language)) or Wording(*DEFAULT_TEXTS[key][language])
            for key in ARTICLE_ORDER
        }
        for language in LANGUAGES
    }


def default_wording(article: str, language: str) -> Wording:
    return Wording(*DEFAULT_TEXTS[article][language])


def officers_in_order(organisation, officers=None) -> list:
    """Active officers, the default officer first — the order routing uses (R-1.4, R-5.1)."""
    users = list(officers_of(organisation) if officers is None else officers)
    users.sort(key=lambda u: (u.pk != organisation.default_officer_id, u.date_joined, u.pk or 0))
    return users


def regulation_url(organisation) -> str:
    return settings.SITE_URL + reverse("regulation:page", args=[organisation.slug])


def parameters_of(organisation, *, officers=None) -> Parameters:
    """The values the regulation states, read from the settings the workflow enforces.

    `organisation` may carry unsaved changes and `officers` a proposed list of officers:
    the back-office checks a change with them before it saves anything.
    """
    return Parameters(
        organisation_name=organisation.name,
        term_days=organisation.term_days,
        officers=tuple(
            Officer(name=u.display_name, email=u.email or "")
            for u in officers_in_order(organisation, officers)
        ),
        disputes_body_name=organisation.disputes_body_name,
        disputes_body_address=organisation.disputes_body_address,
        disputes_body_url=organisation.disputes_body_url,
        contact_email=organisation.contact_email,
        website=organisation.website,
        regulation_url=regulation_url(organisation),
        deadline_moves_off_days=organisation.deadline_moves_off_days,
        extra_days_off=tuple(
            d.isoformat() for d in parse_extra_days(organisation.extra_days_off)[0]
        ),
    )


def current_version(organisation) -> RegulationVersion | None:
    return RegulationVersion.objects.filter(organisation=organisation).order_by("-number").first()


def version_in_force(organisation, at: datetime) -> RegulationVersion | None:
    """The version published last at or before `at`: the one that applies to a complaint
    received then (R-4.1). None when nothing had been published yet."""
    return (
        RegulationVersion.objects.filter(organisation=organisation, published_at__lte=at)
        .order_by("-published_at", "-number")
        .first()
    )


def term_days_in_force(organisation, at: datetime | None = None) -> int:
    """R-4.1, R-5.5: the term a complaint received at `at` (default: now) gets — the one
    published in the version in force, or the setting before anything was published."""
    return term_days_of(organisation, version_in_force(organisation, at or clock.now()))


def term_days_of(organisation, version: RegulationVersion | None) -> int:
    return version.term_days if version else organisation.term_days


def days_off_rule_of(organisation, version: RegulationVersion | None) -> DaysOffRule:
    """R-5.5: whether a term ending on a day off moves, and the extra days off — as the
    version in force published them, or the setting before anything was published."""
    parameters = (
        Parameters.from_dict(version.parameters)
        if version
        else parameters_of(organisation, officers=())
    )
    return DaysOffRule(
        moves=parameters.deadline_moves_off_days,
        extra=frozenset(date.fromisoformat(d) for d in parameters.extra_days_off),
    )


def versions_of(organisation) -> QuerySet[RegulationVersion]:
    return RegulationVersion.objects.filter(organisation=organisation).order_by("-number")


def version_numbered(organisation, number: int) -> RegulationVersion | None:
    return RegulationVersion.objects.filter(organisation=organisation, number=number).first()


def unpublished_changes(organisation) -> bool:
    """True when the settings or wording no longer match the published version — which the
    services never allow; a change made around them (a shell, a script) shows here."""
    version = current_version(organisation)
    if version is None:
        return False
    parameters = parameters_of(organisation)
    articles = rendering.render(texts_of(organisation), parameters)
    # Read back through Parameters: a version published before a value existed has its default.
    stored = Parameters.from_dict(version.parameters).as_dict()
    return stored != parameters.as_dict() or version.sha256 != rendering.sha256(
        rendering.canonical_text(articles, parameters)
    )
