"""The question form on the site, and the officers' inbox (R-4.1)."""

from datetime import timedelta

from django.urls import reverse

from klachtenregeling.core import clock
from klachtenregeling.questions import services
from klachtenregeling.questions.models import Question

ASK = reverse("questions:ask", args=["interactie"])
RECEIVED = reverse("questions:received", args=["interactie"])
INBOX = reverse("questions_staff:inbox")


def form(**overrides) -> dict:
    data = {
        "name": "Joost Mulder",
        "email": "joost@example.org",
        "text": "Geldt de regeling ook voor open trainingen?",
        "submission_key": "key-1",
    }
    data.update(overrides)
    return data


def test_the_form_is_dutch_and_labels_every_field(client, org, officer):
    content = client.get(ASK).content.decode()
    assert "<h1>Heb je een vraag?</h1>" in content
    for field in ("name", "email", "text", "consent_to_complaint"):
        assert f'for="question_{field}"' in content
    assert (
        "Als mijn vraag een klacht blijkt te zijn, mag die als klacht worden behandeld." in content
    )
    assert 'aria-describedby="question_email_helptext"' in content


def test_a_question_is_sent_once_and_the_receipt_shows(client, org, officer):
    response = client.post(ASK, form(consent_to_complaint="on"), follow=True)
    assert response.redirect_chain == [(RECEIVED, 302)]
    assert "We hebben je vraag ontvangen" in response.content.decode()
    client.post(ASK, form(consent_to_complaint="on"))  # the same page sent twice
    question = Question.objects.get()
    assert (question.consent_to_complaint, question.language) == (True, "nl")


def test_errors_in_dutch_next_to_the_field(client, org, officer):
    response = client.post(ASK, form(email="geen-adres", text=""))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["email"] == ["Voer een geldig e-mailadres in."]
    assert errors["text"] == ["Dit veld is verplicht."]
    assert 'aria-describedby="question_text_error"' in response.content.decode()
    assert not Question.objects.exists()


def test_a_question_in_english_is_answered_in_english(client, org, officer):
    client.post(reverse("set_language"), {"language": "en", "next": ASK})
    client.post(ASK, form())
    assert Question.objects.get().language == "en"


def test_the_form_is_rate_limited(client, org, officer):
    for n in range(10):
        client.post(ASK, form(submission_key=f"k{n}", text=f"Vraag {n}"))
    response = client.post(ASK, form(submission_key="k11"))
    assert response.status_code == 429
    assert Question.objects.count() == 10


def test_a_forged_form_key_is_refused_without_storing_anything(client, org, officer):
    response = client.post(ASK, form(submission_key="k" * 64))
    assert response.status_code == 200
    assert response.context["form"].errors["submission_key"]
    assert not Question.objects.exists()


def test_the_receipt_is_only_for_the_sender(client, org, officer):
    assert client.get(RECEIVED)["Location"] == ASK


def make(org, n, **overrides):
    values = {"name": f"Afzender {n}", "email": f"a{n}@example.org", "text": f"Vraag nummer {n}"}
    values.update(overrides)
    from .conftest import make_question_draft

    return services.question_submit(organisation=org, draft=make_question_draft(**values)).question


def test_the_inbox_lists_unanswered_first_newest_first(client, org, officer, at):
    with at("2026-03-01 10:00"):
        oldest = make(org, 1)
    with at("2026-03-02 10:00"):
        answered = make(org, 2)
        services.question_answer(question=answered, answer="Ja.", by=officer)
    with at("2026-03-03 10:00"):
        newest = make(org, 3)
    client.force_login(officer)
    response = client.get(INBOX)
    assert list(response.context["page"].object_list) == [newest, oldest, answered]
    content = response.content.decode()
    assert 'Vragen <span class="badge badge--open">2' in content  # counted in the navigation


def test_the_inbox_is_searchable_and_paginated(client, org, officer):
    for n in range(30):
        make(org, n)
    make(org, 99, text="Over de facturatie van maart")
    client.force_login(officer)
    assert len(client.get(INBOX).context["page"].object_list) == 25
    assert len(client.get(INBOX, {"page": 2}).context["page"].object_list) == 6
    found = client.get(INBOX, {"q": "facturatie"}).context["page"].object_list
    assert [q.name for q in found] == ["Afzender 99"]


def test_questions_are_confidential_to_the_organisations_officers(
    client, org, officer, staff_member, org_admin, other_officer
):
    question = make(org, 1)
    detail = reverse("questions_staff:detail", args=[question.pk])
    for user in (staff_member, org_admin):
        client.force_login(user)
        assert client.get(INBOX).status_code == 404
        assert client.get(detail).status_code == 404
    client.force_login(other_officer)  # an officer, of another organisation: their own inbox
    assert client.get(detail).status_code == 404
    assert list(client.get(INBOX).context["page"].object_list) == []
    client.logout()
    assert client.get(detail).status_code == 302


def test_the_officer_answers_from_the_question_page(client, org, officer):
    question = make(org, 1)
    client.force_login(officer)
    page = client.get(reverse("questions_staff:detail", args=[question.pk])).content.decode()
    assert "Vraag nummer 1" in page and "Als klacht behandelen" not in page
    url = reverse("questions_staff:answer", args=[question.pk])
    empty = client.post(url, {"answer": ""})
    assert empty.status_code == 400
    assert empty.context["answer_form"].errors["answer"] == ["Dit veld is verplicht."]
    response = client.post(url, {"answer": "Ja, ook voor open trainingen."}, follow=True)
    assert "Je antwoord is verstuurd naar a1@example.org." in response.content.decode()
    question.refresh_from_db()
    assert question.answer == "Ja, ook voor open trainingen."
    again = client.post(url, {"answer": "Nogmaals"}, follow=True)
    assert "Deze vraag is al beantwoord of als klacht behandeld." in again.content.decode()
    question.refresh_from_db()
    assert question.answer == "Ja, ook voor open trainingen."


def test_the_officer_handles_a_question_as_a_complaint_with_consent(client, org, officer):
    question = make(org, 1, consent_to_complaint=True)
    client.force_login(officer)
    url = reverse("questions_staff:convert", args=[question.pk])
    refused = client.post(url, {"concerns": []})
    assert refused.status_code == 400
    assert refused.context["convert_form"].errors["concerns"] == [
        "Kies ten minste één punt waar de klacht over gaat."
    ]
    response = client.post(
        url, {"concerns": ["quality"], "engagement_description": "Open training, maart"}
    )
    complaint = org.complaints.get()
    assert response["Location"] == reverse("complaints:detail", args=[complaint.reference])
    assert complaint.deadline == clock.today() + timedelta(days=28)


def test_a_converted_question_hides_its_content_from_the_officer_it_is_about(
    client, org, officer, second_officer
):
    question = make(org, 1, consent_to_complaint=True, text="Amber was onvriendelijk.")
    services.question_convert(
        question=question,
        by=second_officer,
        concerns=("conduct",),
        engagement_description="Coaching",
        respondent_id=officer.pk,
    )
    client.force_login(officer)  # the officer the complaint is about
    page = client.get(reverse("questions_staff:detail", args=[question.pk])).content.decode()
    assert "onvriendelijk" not in page
    assert "Afzender 1" not in client.get(INBOX).content.decode()
    client.force_login(second_officer)
    assert (
        "onvriendelijk"
        in client.get(reverse("questions_staff:detail", args=[question.pk])).content.decode()
    )


def test_r5_4_r6_1_a_question_that_became_a_complaint_about_an_officer_is_not_in_their_inbox(
    client, org, officer, second_officer, ask
):
    from klachtenregeling.complaints.constants import Concern

    question = ask(name="Joost Mulder", consent_to_complaint=True)
    services.question_convert(
        question=question,
        by=second_officer,
        concerns=(Concern.CONDUCT,),
        engagement_description="Coaching",
        respondent_id=officer.pk,
    )
    client.force_login(officer)  # the officer the complaint is about
    for params in ({}, {"q": "Mulder"}, {"q": officer.first_name}):
        response = client.get(INBOX, params)
        assert list(response.context["page"].object_list) == []
        assert "Joost" not in response.content.decode()
    client.force_login(second_officer)  # who handles the complaint still sees it
    assert list(client.get(INBOX, {"q": "Mulder"}).context["page"].object_list) == [question]


def test_the_inbox_keeps_a_search_with_special_characters_on_page_two(client, org, officer):
    for n in range(27):
        make(org, n, text="Vraag over A&B trainingen")
    client.force_login(officer)
    page_one = client.get(INBOX, {"q": "A&B"})
    assert "q=A%26B&amp;page=2" in page_one.content.decode()
    assert len(client.get(INBOX, {"q": "A&B", "page": 2}).context["page"].object_list) == 2
