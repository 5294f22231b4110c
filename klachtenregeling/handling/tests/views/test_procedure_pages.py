"""The procedure through its pages: officer, person complained about, complainant (R-5.2 to R-5.7,
R-4.3, R-7.3). Services are tested elsewhere; here: routes, permissions, forms, messages."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.urls import reverse

from klachtenregeling.complaints.constants import Status
from klachtenregeling.complaints.services import complaint_start_handling
from klachtenregeling.core import clock
from klachtenregeling.handling.constants import Party, Signer
from klachtenregeling.handling.forms import DEFAULT_DAYS_TO_ANSWER
from klachtenregeling.handling.models import Signature, Statement
from klachtenregeling.handling.services import hearing_invite
from klachtenregeling.portal import tokens
from klachtenregeling.retention.selectors import has_open_referral_hold
from tests.access.test_page_language import visible_text

from .. import steps


def step(name, complaint) -> str:
    return reverse(f"handling:{name}", args=[complaint.reference])


def portal(name, complaint) -> str:
    return reverse(f"portal:{name}", args=[complaint.organisation.slug])


def prefixed(prefix: str, data: dict) -> dict:
    """The dossier page's forms carry a prefix each (unique field ids)."""
    return {f"{prefix}-{key}": value for key, value in data.items()}


def sent(data: dict) -> dict:
    """A letter's step as sent from its preview page ("send", after the look)."""
    return {**data, "confirm": "send"}


def fresh(complaint):
    complaint.refresh_from_db()
    return complaint


@pytest.fixture
def in_handling(submit, officer, staff_member):
    complaint = submit(respondent_id=staff_member.pk)
    complaint = complaint_start_handling(complaint=complaint, by=officer)
    return steps.classify(complaint, officer)  # registered with a subject


def enter_portal(client, complaint):
    token = tokens.issue(complaint, purpose="test")
    response = client.get(portal("enter", complaint) + f"?t={token}")
    assert response.status_code == 302
    assert token not in response["Location"]  # the token leaves the address bar at once
    return token


def test_r5_2_r5_6_r5_7_full_procedure_through_the_pages(
    client, in_handling, officer, staff_member
):
    complaint = in_handling
    client.force_login(officer)
    # inform the person complained about; they now see it under "complaints about me".
    response = client.post(
        step("notify-respondent", complaint), prefixed("notify", {"version": complaint.version})
    )
    assert response.status_code == 302
    client.force_login(staff_member)
    listing = client.get(reverse("handling:about-me"))
    assert complaint.reference in listing.content.decode()
    # The respondent gives an account, logged in.
    response = client.post(
        step("respondent-statement", complaint), {"text": "Ik was op tijd, de zaal niet."}
    )
    assert response.status_code == 302
    # The complainant gives theirs through the personal link.
    enter_portal(client, complaint)
    page = client.get(portal("status", complaint))
    assert 'action="' + portal("statement", complaint) in page.content.decode()
    response = client.post(
        portal("statement", complaint), {"text": "Wij stonden een uur te wachten."}
    )
    assert response.status_code == 302
    assert fresh(complaint).status == Status.HEARING
    # The officer judges.
    client.force_login(officer)
    response = client.post(
        step("judge", complaint),
        sent(
            prefixed(
                "judgment",
                {
                    "version": fresh(complaint).version,
                    "verdict": "partly_well_founded",
                    "reasoning": "De zaal was niet op tijd open.",
                    "recommendations": "Zaal een uur eerder openen\nSleutelbeheer vastleggen",
                },
            )
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert fresh(complaint).status == Status.JUDGED
    judgment = complaint.judgments.get()
    assert judgment.recommendations == ["Zaal een uur eerder openen", "Sleutelbeheer vastleggen"]
    # complainant accepts (signs), then officer and respondent sign.
    enter_portal(client, complaint)
    response = client.post(
        portal("answer-judgment", complaint), {"answer": "accepted", "sha256": judgment.text_sha256}
    )
    assert response.status_code == 302
    client.force_login(officer)
    assert (
        client.post(
            step("sign", complaint), prefixed("sign", {"sha256": judgment.text_sha256})
        ).status_code
        == 302
    )
    client.force_login(staff_member)
    response = client.post(step("respondent-sign", complaint), {"sha256": judgment.text_sha256})
    assert response.status_code == 302
    assert fresh(complaint).status == Status.RESOLVED
    assert set(Signature.objects.filter(judgment=judgment).values_list("signer", flat=True)) == set(
        Signer.values
    )
    # The complainant sees "resolved" and the signed letter.
    enter_portal(client, complaint)
    page = client.get(portal("status", complaint)).content.decode()
    assert "opgelost" in page
    assert "ondertekend.pdf" in page


def test_r5_6_judgment_form_refused_before_both_sides_heard(client, in_handling, officer):
    client.force_login(officer)
    judge = {"verdict": "unfounded", "reasoning": "Geen grond."}
    response = client.post(
        step("judge", in_handling),
        sent(prefixed("judgment", {"version": in_handling.version, **judge})),
    )
    assert response.status_code == 400
    assert "niet mogelijk zolang de klacht de status" in response.content.decode()
    client.post(
        step("notify-respondent", in_handling), prefixed("notify", {"version": in_handling.version})
    )
    client.post(
        step("invite", in_handling),
        prefixed(
            "invite",
            {
                "version": fresh(in_handling).version,
                "party": "complainant",
                "due_date": clock.today(),
            },
        ),
    )
    assert fresh(in_handling).status == Status.HEARING
    response = client.post(
        step("judge", in_handling),
        sent(prefixed("judgment", {"version": in_handling.version, **judge})),
    )
    assert response.status_code == 400
    assert "Niet alle partijen zijn gehoord" in response.content.decode()
    assert not in_handling.judgments.exists()


def test_r7_4_stale_form_gets_a_clear_message_and_changes_nothing(client, in_handling, officer):
    client.force_login(officer)
    stale = in_handling.version
    client.post(step("notify-respondent", in_handling), prefixed("notify", {"version": stale}))
    response = client.post(
        step("invite", in_handling),
        prefixed(
            "invite",
            {
                "version": stale,
                "party": "complainant",
                "due_date": clock.today() + timedelta(days=7),
            },
        ),
    )
    assert response.status_code == 400
    assert "iemand anders" in response.content.decode().lower()
    assert not in_handling.invitations.exists()


@pytest.mark.parametrize("role", ["second_officer", "board_member", "org_admin"])
def test_r6_1_others_cannot_take_steps(client, request, in_handling, role):
    client.force_login(request.getfixturevalue(role))
    response = client.post(
        step("notify-respondent", in_handling), prefixed("notify", {"version": in_handling.version})
    )
    assert response.status_code == 404
    assert fresh(in_handling).respondent_notified_at is None


def test_r5_2_respondent_sees_the_complaint_only_once_informed(
    client, in_handling, officer, staff_member
):
    client.force_login(staff_member)
    assert client.get(step("about-me-detail", in_handling)).status_code == 404
    client.force_login(officer)
    client.post(
        step("notify-respondent", in_handling), prefixed("notify", {"version": in_handling.version})
    )
    client.force_login(staff_member)
    page = client.get(step("about-me-detail", in_handling))
    assert page.status_code == 200
    content = page.content.decode()
    assert in_handling.description in content
    assert in_handling.complainant_email not in content  # not needed for a reply


def test_r7_4_statements_cannot_be_edited_a_correction_is_a_new_one(
    client, in_handling, officer, staff_member
):
    client.force_login(officer)
    client.post(
        step("notify-respondent", in_handling), prefixed("notify", {"version": in_handling.version})
    )
    client.force_login(staff_member)
    client.post(step("respondent-statement", in_handling), {"text": "Eerste versie."})
    first = Statement.objects.get(complaint=in_handling)
    client.post(
        step("respondent-statement", in_handling), {"text": "Tweede versie.", "corrects": first.pk}
    )
    texts = list(Statement.objects.filter(complaint=in_handling).values_list("text", "corrects_id"))
    assert texts == [("Eerste versie.", None), ("Tweede versie.", first.pk)]


def test_r7_3_expired_and_revoked_links_show_nothing(client, in_handling, at):
    token = tokens.issue(in_handling, purpose="test")
    with at(
        (clock.now() + timedelta(days=91)).astimezone(clock.AMSTERDAM).strftime("%Y-%m-%d %H:%M")
    ):
        response = client.get(portal("enter", in_handling) + f"?t={token}")
    assert response.status_code == 404
    assert in_handling.reference not in response.content.decode()
    assert "niet meer geldig" in response.content.decode()
    # A valid link, then the officer revokes all links: the open page stops working.
    enter_portal(client, in_handling)
    assert client.get(portal("status", in_handling)).status_code == 200
    in_handling.links.update(revoked_at=clock.now())
    response = client.get(portal("status", in_handling))
    assert response.status_code == 404
    assert in_handling.description not in response.content.decode()


def test_r7_3_a_link_of_another_organisation_does_not_open(client, in_handling, other_org):
    token = tokens.issue(in_handling, purpose="test")
    response = client.get(reverse("portal:enter", args=[other_org.slug]) + f"?t={token}")
    assert response.status_code == 404


def test_r4_3_not_accepted_complainant_sees_the_way_to_the_disputes_body(
    client, in_handling, officer
):
    client.force_login(officer)
    client.post(
        step("notify-respondent", in_handling), prefixed("notify", {"version": in_handling.version})
    )
    version = fresh(in_handling).version
    for party in ("complainant", "respondent"):
        client.post(
            step("waive", in_handling),
            prefixed("waiver", {"version": version, "party": party, "reason": "Geen reactie."}),
        )
        version = fresh(in_handling).version
    client.post(
        step("judge", in_handling),
        sent(
            prefixed(
                "judgment",
                {
                    "version": version,
                    "verdict": "unfounded",
                    "reasoning": "Afspraken zijn nagekomen.",
                },
            )
        ),
    )
    judgment = in_handling.judgments.get()
    enter_portal(client, in_handling)
    client.post(
        portal("answer-judgment", in_handling),
        {"answer": "declined", "sha256": judgment.text_sha256, "confirm": "decline"},
    )
    assert fresh(in_handling).status == Status.UNRESOLVED
    page = client.get(portal("status", in_handling)).content.decode()
    assert in_handling.organisation.disputes_body_name in page
    assert in_handling.organisation.disputes_body_address in page
    # The officer records the referral and downloads the case file (a ZIP with a manifest).
    client.force_login(officer)
    response = client.post(
        step("refer", in_handling),
        prefixed(
            "referral",
            {
                "version": fresh(in_handling).version,
                "referred_on": clock.today(),
                "body_reference": "GC-1",
            },
        ),
    )
    assert response.status_code == 302
    assert has_open_referral_hold(in_handling)
    response = client.post(step("case-file", in_handling))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-dossier-geschillencommissie.zip"')
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert "manifest.json" in names and "01-dossier.pdf" in names


def test_r5_4_officer_cannot_name_themself_as_respondent(client, submit, officer):
    complaint = submit()
    client.force_login(officer)
    response = client.post(
        step("set-respondent", complaint),
        prefixed("respondent", {"version": complaint.version, "respondent": officer.pk}),
    )
    assert response.status_code == 400
    assert fresh(complaint).respondent_id is None


def test_r5_2_the_proposed_answer_date_reaches_the_browsers_date_field(
    client, in_handling, officer
):
    """<input type="date"> only takes ISO 8601: in Dutch ("11-12-2026") it would stay empty
    and the invitation be refused as incomplete."""
    client.force_login(officer)
    response = client.get(reverse("complaints:detail", args=[in_handling.reference]))
    proposed = (clock.today() + timedelta(days=DEFAULT_DAYS_TO_ANSWER)).isoformat()
    html = response.content.decode()
    assert f'type="date" name="invite-due_date" value="{proposed}"' in html


def test_r5_2_the_person_complained_about_is_no_longer_asked_once_they_replied(
    client, in_handling, officer, staff_member
):
    """Issue 17: a stale prompt ("we vragen je om uiterlijk … te reageren") goes once done."""
    complaint = steps.notify(in_handling, officer)
    hearing_invite(
        complaint=complaint,
        party=Party.RESPONDENT,
        due_date=clock.today() + timedelta(days=14),
        by=officer,
    )
    client.force_login(staff_member)
    page = reverse("handling:about-me-detail", args=[complaint.reference])
    assert "We vragen je om uiterlijk" in client.get(page).content.decode()
    client.post(step("respondent-statement", complaint), {"text": "Ik was op tijd."})
    html = client.get(page).content.decode()
    assert "Ik was op tijd." in html
    assert "We vragen je om uiterlijk" not in html


def test_the_judgments_fingerprint_is_for_the_officer_not_the_parties(
    client, in_handling, officer, staff_member
):
    """Issue 17, item 7: the complainant and the person complained about see the judgment
    without its SHA-256 (it is in the PDF's signature block, explained in words)."""
    complaint = steps.hear_both(in_handling, officer)
    judgment = steps.judge(complaint, officer)
    enter_portal(client, complaint)
    # What a reader sees (the signing form keeps the shown text's hash in a hidden field).
    complainant_page = visible_text(client.get(portal("status", complaint)).content.decode())
    assert "Deels terecht." in complainant_page
    assert judgment.text_sha256 not in complainant_page and "SHA-256" not in complainant_page
    client.force_login(staff_member)
    respondent_page = visible_text(
        client.get(reverse("handling:about-me-detail", args=[complaint.reference])).content.decode()
    )
    assert "Deels terecht." in respondent_page
    assert judgment.text_sha256 not in respondent_page
