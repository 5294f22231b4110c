"""R-5.5, R-5.6: a letter (extension, judgment, not admissible) is rendered before the write
transaction — rendering a PDF takes a moment, and on SQLite the write lock would hold every
other writer that long — and stored only if the complaint did not change meanwhile.

The real renderer runs; the test only watches it (was a transaction open?) and, for the
stale case, lets another step happen while the PDF is being made."""

from datetime import timedelta

import pytest
from django.db import connection

from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.complaints.constants import AttachmentKind
from klachtenregeling.core.errors import StaleObject
from klachtenregeling.handling import services
from klachtenregeling.handling.constants import Verdict
from klachtenregeling.handling.models import Judgment
from klachtenregeling.letters import store

from .. import steps

pytestmark = pytest.mark.django_db(transaction=True)


def _watch(monkeypatch) -> list:
    """Each letter rendering, with whether a transaction was open at that moment."""
    seen = []
    real = store.render_pdf

    def watched(template, context, **options):
        seen.append((template, connection.in_atomic_block))
        return real(template, context, **options)

    monkeypatch.setattr(store, "render_pdf", watched)
    return seen


@pytest.fixture
def complaint(complaint, officer):
    """R-8.1: registered with a subject, as before a judgment or an ending."""
    return steps.classify(complaint, officer)


@pytest.fixture
def heard(complaint, officer):
    return steps.hear_both(complaint, officer)


def _judge(complaint, officer):
    return services.judgment_issue(
        complaint=complaint,
        verdict=Verdict.PARTLY,
        reasoning="Deels terecht.",
        recommendations=["Begin op tijd."],
        by=officer,
    )


def test_r5_6_judgment_letter_is_rendered_outside_the_transaction(heard, officer, monkeypatch):
    seen = _watch(monkeypatch)
    judgment = _judge(heard, officer)
    # Each party's letter, both before the transaction.
    assert seen == [("letters/judgment.html", False), ("letters/judgment_respondent.html", False)]
    assert judgment.letter.kind == AttachmentKind.LETTER


def test_r5_5_extension_and_not_admissible_letters_are_rendered_outside_the_transaction(
    complaint, officer, monkeypatch
):
    seen = _watch(monkeypatch)
    complaint_services.complaint_extend_deadline(
        complaint=complaint,
        new_deadline=complaint.deadline + timedelta(days=14),
        reason="De trainer is ziek.",
        by=officer,
    )
    services.complaint_declare_not_admissible(
        complaint=complaint, reasons="Geen opdracht van ons.", by=officer
    )
    assert seen == [("letters/extension.html", False), ("letters/not_admissible.html", False)]


def test_r5_6_a_step_taken_while_the_letter_was_made_stops_the_judgment(
    heard, officer, monkeypatch
):
    """Another step commits between rendering and the lock: nothing is stored, the officer
    is asked to look again (the letter might not match the dossier any more)."""
    real = store.render_pdf

    def render_while_someone_acts(template, context, **options):
        if template == "letters/judgment.html":  # meanwhile the term is extended
            complaint_services.complaint_extend_deadline(
                complaint=heard,
                new_deadline=heard.deadline + timedelta(days=7),
                reason="Wachten op een getuige.",
                by=officer,
            )
        return real(template, context, **options)

    monkeypatch.setattr(store, "render_pdf", render_while_someone_acts)
    with pytest.raises(StaleObject):
        _judge(heard, officer)
    assert not Judgment.objects.filter(complaint=heard).exists()
    letters = heard.attachments.filter(kind=AttachmentKind.LETTER)
    assert [a.filename for a in letters] == [f"{heard.reference}-verlenging-1.pdf"]
