"""The compliance page of a complaint: who sees it, what it shows."""

import zipfile
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from klachtenregeling.audit.models import AccessLogEntry
from klachtenregeling.handling import case_file
from klachtenregeling.handling.tests import steps

pytestmark = pytest.mark.django_db


def _url(complaint):
    return reverse("compliance:complaint", args=[complaint.reference])


def test_handling_officer_sees_each_rule_with_status_word_and_class(client, submit, officer):
    complaint = steps.start(submit(), officer)
    client.force_login(officer)
    response = client.get(_url(complaint))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Article 5: a judgment within the term" in html
    assert 'class="badge verdict verdict--not_yet_due"' in html
    assert "R-5" not in html  # internal ids never reach the user
    assert complaint.description not in html  # no complaint content


def test_reading_it_is_not_an_access_log_entry(client, submit, officer):
    complaint = steps.start(submit(), officer)
    client.force_login(officer)
    client.get(_url(complaint))
    assert not AccessLogEntry.objects.filter(complaint=complaint).exists()


def test_another_officer_gets_not_found(client, submit, officer, second_officer):
    complaint = steps.start(submit(), officer)
    client.force_login(second_officer)
    assert client.get(_url(complaint)).status_code == 404


def test_dossier_links_to_it(client, submit, officer):
    complaint = steps.start(submit(), officer)
    client.force_login(officer)
    html = client.get(reverse("complaints:detail", args=[complaint.reference])).content.decode()
    assert _url(complaint) in html


def test_statement_pdf_lists_each_rule_and_the_chain_result(client, submit, officer):
    complaint = steps.start(submit(), officer)
    client.force_login(officer)
    response = client.get(reverse("compliance:complaint-pdf", args=[complaint.reference]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="{complaint.reference}-naleving.pdf"' in response["Content-Disposition"]
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "hash chain verifies" in text
    assert "Article 5: a judgment within the term" in text
    assert "R-5" not in text


def test_case_file_for_the_disputes_body_holds_the_statement(submit, officer):
    complaint = steps.start(submit(), officer)
    archive = zipfile.ZipFile(BytesIO(case_file.build(complaint).content))
    assert archive.read("06-naleving.pdf").startswith(b"%PDF")
