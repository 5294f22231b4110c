"""R-5.7, R-4.3 on the dossier page: the answer on paper, "no answer", the referral of a
complaint declared not admissible — forms, messages, nothing typed lost on an error."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from klachtenregeling.complaints.constants import Status
from klachtenregeling.handling import selectors, services
from klachtenregeling.handling.constants import Signer
from tests import samples

from .. import steps


def step(name, complaint) -> str:
    return reverse(f"handling:{name}", args=[complaint.reference])


def dossier(complaint) -> str:
    return reverse("complaints:detail", args=[complaint.reference])


def test_r5_7_paper_answer_with_an_old_scan_is_refused_on_the_page_and_kept(
    at, client, submit, officer, staff_member
):
    with at("2026-02-16 10:00"):
        complaint = steps.start(submit(respondent_id=staff_member.pk), officer)
    with at("2026-03-02 10:00"):
        complaint = steps.hear_both(complaint, officer)
        steps.judge(complaint, officer)
        steps.judge(steps.fresh(complaint), officer, reasoning="Herzien.")
    complaint = steps.fresh(complaint)
    client.force_login(officer)
    with at("2026-03-03 10:00"):
        page = client.get(dossier(complaint)).content.decode()
        assert "Antwoord van de klager vastleggen" in page
        assert "16 maart 2026" in page and "30 maart 2026" in page  # reminder, no answer
        data = {
            "paper-answer-version": complaint.version,
            "paper-answer-answer": "accepted",
            "paper-answer-via": "writing",
            "paper-answer-signed_version": "1",
            "paper-answer-comment": "Getekend teruggestuurd per post.",
            "paper-answer-document": SimpleUploadedFile(
                "getekend.pdf", samples.pdf(), content_type="application/pdf"
            ),
        }
        response = client.post(step("paper-answer", complaint), data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "De getekende brief moet van het huidige oordeel zijn, versie 2" in text
    assert "Getekend teruggestuurd per post." in text  # nothing typed is lost
    assert steps.fresh(complaint).status == Status.JUDGED

    with at("2026-03-03 10:05"):
        data["paper-answer-signed_version"] = "2"
        data["paper-answer-document"] = SimpleUploadedFile(
            "getekend.pdf", samples.pdf(), content_type="application/pdf"
        )
        response = client.post(step("paper-answer", complaint), data)
    assert response.status_code == 302
    judgment = selectors.current_judgment(complaint)
    assert judgment.signatures.filter(signer=Signer.COMPLAINANT).exists()


def test_r5_7_no_answer_offered_only_after_the_period(at, client, submit, officer):
    with at("2026-02-16 10:00"):
        complaint = steps.start(submit(), officer)
    with at("2026-03-02 10:00"):
        complaint = steps.hear_both(complaint, officer)
        steps.judge(complaint, officer)
    complaint = steps.fresh(complaint)
    cause = steps.cause_for(complaint, officer)
    client.force_login(officer)
    with at("2026-03-29 10:00"):
        assert "geen reactie op het oordeel" not in client.get(dossier(complaint)).content.decode()
        response = client.post(
            step("close-no-answer", complaint),
            {
                "no-answer-version": complaint.version,
                "no-answer-cause": cause,
                "no-answer-satisfaction": "unknown",
            },
        )
    assert response.status_code == 400
    assert "vanaf 30 maart 2026" in response.content.decode()
    with at("2026-03-30 10:00"):
        assert "geen reactie op het oordeel" in client.get(dossier(complaint)).content.decode()
        response = client.post(
            step("close-no-answer", complaint),
            {
                "no-answer-version": complaint.version,
                "no-answer-cause": cause,
                "no-answer-satisfaction": "unknown",
            },
        )
    assert response.status_code == 302
    assert steps.fresh(complaint).status == Status.CLOSED


def test_r4_3_not_admissible_complaint_can_be_referred_from_its_page(at, client, submit, officer):
    with at("2026-03-05 10:00"):
        complaint = steps.classify(steps.start(submit(), officer), officer)
        services.complaint_declare_not_admissible(
            complaint=complaint, reasons="Geen opdracht van ons.", by=officer
        )
    complaint = steps.fresh(complaint)
    client.force_login(officer)
    with at("2026-03-09 10:00"):
        page = client.get(dossier(complaint)).content.decode()
        assert reverse("handling:refer", args=[complaint.reference]) in page
        response = client.post(
            step("refer", complaint),
            {
                "referral-version": complaint.version,
                "referral-referred_on": "2026-03-09",
                "referral-body_reference": "GC-12",
            },
        )
    assert response.status_code == 302, [
        line for line in response.content.decode().splitlines() if "error" in line
    ][:5]
    complaint = steps.fresh(complaint)
    assert complaint.status == Status.REFERRED
    assert complaint.referral.referred_on == date(2026, 3, 9)
