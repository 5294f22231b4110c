"""`manage.py compliance_check`: text and JSON, exit code 1 on a breach."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from klachtenregeling.handling.services.endings import complaint_withdraw_by_complainant
from klachtenregeling.handling.tests import steps

from .test_selectors import read_by

pytestmark = pytest.mark.django_db


def _run(*args):
    out = StringIO()
    with translation.override("en"):
        try:
            call_command("compliance_check", *args, stdout=out)
            code = 0
        except CommandError as error:
            code = error.returncode
    return code, out.getvalue()


@pytest.fixture
def overdue(submit, officer, at):
    """An open complaint past its term: R-5.5 breached."""
    with at("2026-03-02 10:00"):
        complaint = steps.start(submit(), officer)
    with at("2026-03-31 09:00"):
        yield complaint


def test_no_breach_exits_0_and_lists_at_risk_items(submit, officer, at):
    with at("2026-03-02 10:00"):
        complaint = steps.start(submit(), officer)
        read_by(officer, complaint)
    with at("2026-03-26 09:00"):  # four days before the deadline
        code, out = _run()
    assert code == 0
    assert f"{complaint.reference} ({complaint.organisation.name}): at risk: " in out
    assert "Article 5: a judgment within the term (due by 2026-03-30)" in out
    assert "1 open complaints checked: 0 breaches" in out


def test_breach_exits_1_with_rule_and_since(overdue):
    code, out = _run()
    assert code == 1
    assert "breached: Article 5: a judgment within the term (since 2026-03-31)" in out
    assert "R-5.5" not in out


def test_json_lists_breaches_and_at_risk_items(overdue):
    code, out = _run("--json")
    document = json.loads(out)
    assert code == 1
    assert document["checked"] == 1
    assert document["breaches"] >= 1
    item = next(i for i in document["items"] if i["rule"] == "R-5.5")
    assert item == {
        "reference": overdue.reference,
        "organisation": overdue.organisation.slug,
        "organisation_name": overdue.organisation.name,
        "rule": "R-5.5",
        "title": "Article 5: a judgment within the term",
        "status": "breached",
        "since": "2026-03-31",
        "missing": "No judgment was given within the term, nor was the term extended in time.",
    }


def test_finished_complaints_are_not_checked(submit, officer):
    steps.start(submit(), officer)
    withdrawn = submit()
    complaint_withdraw_by_complainant(
        complaint=withdrawn, reason="", link=steps.link_for(withdrawn)
    )
    _code, out = _run("--json")
    assert json.loads(out)["checked"] == 1
