"""The only writer of finalised periodic reports (R-8.3).

A finalised report is frozen: its content is the canonical JSON of what the officer saw
and wrote, with the SHA-256 of that JSON beside it. A correction is a new version of the
same period, never an edit (the model is append-only).
"""

import hashlib
import json

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from klachtenregeling.accounts import policies
from klachtenregeling.compliance.selectors import compliance_table, compliance_too_large
from klachtenregeling.core import clock
from klachtenregeling.core.errors import InvalidInput
from klachtenregeling.improvements.services import recommendations_create_for_report
from klachtenregeling.organisations.models import Organisation

from . import rules, selectors
from .constants import MAX_INTRODUCTION
from .models import Report
from .periods import Period


def canonical_json(content: dict) -> str:
    """Sorted keys, no spaces, UTF-8 characters as they are: the bytes that are hashed."""
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_sha256(content: dict) -> str:
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def report_is_intact(report) -> bool:
    """R-8.3: the frozen content still has the fingerprint it was finalised with (a change
    made in the database afterwards, past the ORM's append-only guard, shows here)."""
    return content_sha256(report.content) == report.sha256


def report_finalise(
    *,
    organisation: Organisation,
    period: Period,
    introduction: str,
    recommendations: list[str],
    by,
) -> Report:
    """Freeze the figures of `period` with the officer's text and recommendations (R-8.3),
    as the next version for that period, and make each recommendation an action (R-3.5)."""
    policies.require(by, policies.REPORT_COMPOSE, organisation)
    introduction = introduction.strip()
    recommendations = [text.strip() for text in recommendations if text.strip()]
    errors = {}
    if not introduction:
        errors["introduction"] = [_("Write the text of the report.")]
    elif len(introduction) > MAX_INTRODUCTION:
        errors["introduction"] = [_("At most %(n)s characters.") % {"n": MAX_INTRODUCTION}]
    if problems := rules.recommendation_errors(recommendations):
        errors["recommendations"] = problems
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        # One finaliser at a time per organisation: the version number is taken once.
        Organisation.objects.select_for_update().only("pk").get(pk=organisation.pk)
        figures = selectors.report_figures(organisation=organisation, period=period)
        content = {
            "period": period.as_dict(),
            "figures": figures,
            "introduction": introduction,
            "recommendations": recommendations,
        }
        # The regulation held against the period's complaints, rule by rule (when the period
        # is small enough to check now; else the statement PDF of the period holds it).
        if not compliance_too_large(organisation, period):
            content["compliance"] = compliance_table(organisation, period)
        # Stored as the canonical text, so reading it back gives exactly what was hashed.
        content = json.loads(canonical_json(content))
        highest = Report.objects.filter(
            organisation=organisation, period_start=period.start, period_end=period.end
        ).aggregate(v=Max("version"))["v"]
        report = Report.objects.create(
            organisation=organisation,
            period_kind=period.kind,
            period_start=period.start,
            period_end=period.end,
            version=(highest or 0) + 1,
            introduction=introduction,
            content=content,
            sha256=content_sha256(content),
            finalised_by=by,
            finalised_at=clock.now(),
        )
        recommendations_create_for_report(report=report, texts=recommendations, by=by)
    return report
