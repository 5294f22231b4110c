"""R-7.3: the complainant's page — status, current deadline, the steps that concern them
(never internal notes), their letters and the actions open to them."""

from datetime import date

import pytest
from django.urls import reverse

from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.handling import services as handling
from klachtenregeling.handling.constants import Party
from klachtenregeling.handling.tests import steps
from klachtenregeling.portal import tokens


def open_page(client, complaint):
    token = tokens.issue(complaint, purpose="test")
    slug = complaint.organisation.slug
    response = client.get(reverse("portal:enter", args=[slug]) + f"?t={token}")
    assert response.status_code == 302
    return client.get(reverse("portal:status", args=[slug]))


@pytest.fixture
def complaint(at, submit, officer, staff_member):
    with at("2026-03-02 10:00"):
        complaint = steps.start(submit(respondent_id=staff_member.pk), officer)
        complaint = steps.notify(complaint, officer)
        handling.hearing_invite(
            complaint=complaint, party=Party.COMPLAINANT, due_date=date(2026, 3, 12), by=officer
        )
        complaint_services.complaint_add_note(
            complaint=complaint, text="Interne notitie: trainer eerder gewaarschuwd.", by=officer
        )
        complaint_services.complaint_extend_deadline(
            complaint=complaint,
            new_deadline=date(2026, 4, 13),
            reason="We wachten op de verklaring van een getuige.",
            by=officer,
        )
    return steps.fresh(complaint)


def test_r7_3_page_shows_status_deadline_extension_steps_letters_and_actions(at, client, complaint):
    with at("2026-03-05 10:00"):
        response = open_page(client, complaint)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    page = response.content.decode()
    assert "hoor en wederhoor" in page.lower()  # the status
    assert "maandag 13 april 2026" in page  # the current deadline
    assert "van 30 maart 2026 tot 13 april 2026" in page  # the extension, with its reason
    assert "We wachten op de verklaring van een getuige." in page
    assert f"{complaint.reference}-verlenging-1.pdf" in page  # the letter sent to them
    assert "Wat je nu kunt doen" in page
    assert 'href="#account-heading">Geef je reactie' in page
    assert 'href="#withdraw">Trek je klacht in' in page
    assert "Termijn verlengd van" in page  # the timeline
    assert "Interne notitie" not in page  # never internal notes
    assert "gewaarschuwd" not in page


def test_r7_3_the_extension_letter_can_be_downloaded(at, client, complaint):
    with at("2026-03-05 10:00"):
        open_page(client, complaint)
        letter = complaint.extensions.get().letter
        response = client.get(
            reverse("portal:letter", args=[complaint.organisation.slug, letter.pk])
        )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")


def test_r7_3_the_timeline_shows_steps_not_mail_traffic(at, client, complaint, smtp_server):
    """Issue 17: "bericht klaargezet / afgeleverd" are not steps of the complaint."""
    from klachtenregeling.audit.constants import EventType
    from klachtenregeling.notifications.delivery import deliver_due

    with at("2026-03-05 10:00"):
        deliver_due()
        assert complaint.events.filter(
            type=EventType.MESSAGE_SENT, visible_to_complainant=True
        ).exists()
        page = open_page(client, complaint).content.decode()
    timeline = page.split('id="timeline-heading"')[1].split("</section>")[0]
    assert "Termijn verlengd van" in timeline
    for mail_words in ("klaargezet", "afgeleverd", "Bericht"):
        assert mail_words not in timeline, mail_words


def test_r7_3_the_prompt_to_give_an_account_goes_once_it_is_given(at, client, complaint):
    slug = complaint.organisation.slug
    with at("2026-03-05 10:00"):
        open_page(client, complaint)
        response = client.post(
            reverse("portal:statement", args=[slug]), {"text": "Het ging mis bij de start."}
        )
        assert response.status_code == 302
        page = client.get(reverse("portal:status", args=[slug])).content.decode()
    assert "Het ging mis bij de start." in page
    assert 'href="#account-heading"' not in page  # not among the open actions any more
    assert "We vragen je om uiterlijk" not in page  # nor asked again
    assert "correctie" in page.lower()  # a correction can still be added
