"""Issue 17, item 1 on the dossier: a step's form sent back with an error keeps the file
that passed the checks ("al toegevoegd: x.pdf — verwijderen") and what was typed; the next
submit, without attaching it again, stores it (one mechanism: `form_step` with
`FormUploads`)."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from klachtenregeling.complaints.constants import AttachmentKind, Status
from klachtenregeling.complaints.models import PendingUpload
from klachtenregeling.handling import selectors
from klachtenregeling.handling.constants import Signer
from klachtenregeling.retention.files import read_plaintext
from tests import samples

from .. import steps

KEPT = re.compile(r'name="kept_upload" value="([0-9a-f-]{36})"')


def step(name, complaint) -> str:
    return reverse(f"handling:{name}", args=[complaint.reference])


def pdf(name="scan.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, samples.pdf(), content_type="application/pdf")


def kept_in(response, filename) -> list[str]:
    html = response.content.decode()
    assert "al toegevoegd:" in html and filename in html and "verwijderen" in html
    return KEPT.findall(html)


def judged(at, submit, officer, respondent, *, accepted=False):
    with at("2026-02-16 10:00"):
        complaint = steps.start(submit(respondent_id=respondent.pk), officer)
    with at("2026-03-02 10:00"):
        complaint = steps.hear_both(complaint, officer)
        judgment = steps.judge(complaint, officer)
        if accepted:
            steps.accept(complaint, judgment)
    return steps.fresh(complaint)


def test_the_paper_answer_keeps_its_scan_across_a_form_error(
    at, client, submit, officer, staff_member
):
    complaint = judged(at, submit, officer, staff_member)
    client.force_login(officer)
    data = {
        "paper-answer-version": complaint.version,
        "paper-answer-answer": "accepted",
        "paper-answer-signed_version": "1",
        "paper-answer-comment": "Getekend teruggestuurd per post.",
    }
    with at("2026-03-03 10:00"):
        response = client.post(
            step("paper-answer", complaint), {**data, "paper-answer-document": pdf("brief.pdf")}
        )
        assert response.status_code == 400  # "via" is missing
        assert "Getekend teruggestuurd per post." in response.content.decode()
        [kept] = kept_in(response, "brief.pdf")
        response = client.post(
            step("paper-answer", complaint),
            {**data, "paper-answer-via": "writing", "kept_upload": [kept]},
        )
    assert response.status_code == 302
    assert selectors.current_judgment(complaint).signatures.filter(signer=Signer.COMPLAINANT)
    scan = complaint.attachments.get(filename="brief.pdf")
    assert read_plaintext(scan) == samples.pdf()
    assert not PendingUpload.objects.exists()


def test_the_paper_signature_keeps_its_scan_across_a_form_error(
    at, client, submit, officer, staff_member
):
    complaint = judged(at, submit, officer, staff_member, accepted=True)
    client.force_login(officer)
    data = {"paper-signature-version": complaint.version}
    with at("2026-03-03 10:00"):
        response = client.post(
            step("paper-signature", complaint),
            {**data, "paper-signature-document": pdf("getekend.pdf")},
        )
        assert response.status_code == 400  # the version on the letter is missing
        [kept] = kept_in(response, "getekend.pdf")
        response = client.post(
            step("paper-signature", complaint),
            {**data, "paper-signature-signed_version": "1", "kept_upload": [kept]},
        )
    assert response.status_code == 302
    assert selectors.current_judgment(complaint).signatures.filter(signer=Signer.RESPONDENT)
    assert read_plaintext(complaint.attachments.get(filename="getekend.pdf")) == samples.pdf()
    assert not PendingUpload.objects.exists()


def test_the_ruling_keeps_its_document_and_text_across_a_form_error(client, complaint, officer):
    complaint = steps.refer(steps.unresolve(complaint, officer), officer)
    client.force_login(officer)
    data = {
        "ruling-version": complaint.version,
        "ruling-outcome": "partly_upheld",
        "ruling-text": "De commissie acht de klacht deels gegrond.",
        "ruling-cause": steps.cause_for(complaint, officer),
        "ruling-root_cause": "Planning.",
        "ruling-satisfaction": "unknown",
    }
    response = client.post(step("record-ruling", complaint), {**data, "ruling-document": pdf()})
    assert response.status_code == 400  # the date of the ruling is missing
    assert "De commissie acht de klacht deels gegrond." in response.content.decode()
    [kept] = kept_in(response, "scan.pdf")
    response = client.post(
        step("record-ruling", complaint),
        {**data, "ruling-ruling_on": str(complaint.referral.referred_on), "kept_upload": [kept]},
    )
    assert response.status_code == 302
    complaint = steps.fresh(complaint)
    assert complaint.status == Status.CLOSED
    document = complaint.referral.ruling_document
    assert document.kind == AttachmentKind.RULING and read_plaintext(document) == samples.pdf()
    assert not PendingUpload.objects.exists()
