import io

import pypdf
import pytest
from django.urls import reverse

from klachtenregeling.regulation import services


@pytest.fixture
def publish(org, officer):
    """Publish the organisation's regulation as it now is (optionally at a frozen moment)."""

    def _publish(organisation=None, by=None):
        return services.regulation_publish(organisation=organisation or org, by=by).version

    return _publish


def pdf_text(content: bytes) -> str:
    """The PDF's text on one line, with words hyphenated at a line end joined again."""
    reader = pypdf.PdfReader(io.BytesIO(content))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    return text.replace("\u2010 ", "").replace("\u00ad ", "")


def organisation_form(organisation, **changes) -> dict:
    """What the back-office's organisation page posts, with `changes` applied."""
    data = {
        **({"deadline_moves_off_days": "on"} if organisation.deadline_moves_off_days else {}),
        "name": organisation.name,
        "slug": organisation.slug,
        "website": organisation.website,
        "contact_email": organisation.contact_email,
        "default_officer": organisation.default_officer_id or "",
        "term_days": organisation.term_days,
        "reminder_days": organisation.reminder_days,
        "statement_reminder_days": organisation.statement_reminder_days,
        "answer_reminder_days": organisation.answer_reminder_days,
        "no_answer_days": organisation.no_answer_days,
        "oral_confirmation_days": organisation.oral_confirmation_days,
        "extra_days_off": organisation.extra_days_off,
        "destruction_cooling_off_days": organisation.destruction_cooling_off_days,
        "disputes_body_name": organisation.disputes_body_name,
        "disputes_body_address": organisation.disputes_body_address,
        "disputes_body_url": organisation.disputes_body_url,
        "subjects-TOTAL_FORMS": "0",
        "subjects-INITIAL_FORMS": "0",
        "subjects-MIN_NUM_FORMS": "0",
        "subjects-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def organisation_url(organisation) -> str:
    return reverse("beheer:organisations_organisation_change", args=[organisation.pk])
