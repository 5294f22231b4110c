"""Questions (R-4.1): received and acknowledged, answered by e-mail, or — only with
consent — handled as a complaint through the ordinary intake (R-5.1, R-5.4, R-5.5)."""

from datetime import date

import pytest

from klachtenregeling.complaints.constants import Channel, Concern
from klachtenregeling.core.errors import InvalidInput, NotPermitted, TransitionRefused
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import OutboxMessage
from klachtenregeling.questions import services
from klachtenregeling.questions.constants import QuestionStatus
from klachtenregeling.questions.models import Question
from klachtenregeling.regulation import services as regulation

from .conftest import make_question_draft, run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def test_r4_1_a_question_is_acknowledged_and_the_officers_are_told(
    smtp_server, ask, officer, second_officer
):
    question = ask(text="Mag ik een klacht ook per post sturen? Het gaat om een gevoelige zaak.")
    assert (question.status, question.language) == (QuestionStatus.OPEN, "nl")
    run_worker()
    [receipt] = smtp_server.to("joost@example.org")
    assert receipt["Subject"] == "We hebben je vraag aan Interactie ontvangen"
    text = smtp_server.text(receipt)
    assert "Onze klachtenfunctionaris beantwoordt hem per e-mail." in text
    assert "Een vraag is geen klacht." in text
    # The address was typed by an anonymous visitor: nothing they wrote is mailed to it
    # (issue 15: the form must not relay a chosen text to anyone).
    assert "gevoelige zaak" not in text
    assert "gevoelige zaak" not in smtp_server.html(receipt)
    assert "herhalen we je vraag niet" in text
    for user in (officer, second_officer):
        [notice] = smtp_server.to(user.email)
        assert notice["Subject"] == "Er wacht een nieuwe vraag op antwoord"
        assert "gevoelige zaak" not in smtp_server.text(notice)  # confidential: log in to read
        assert f"/werk/vragen/{question.pk}/" in smtp_server.text(notice)
    assert not OutboxMessage.objects.filter(complaint__isnull=False).exists()


def test_a_double_submit_sends_one_question(ask, officer):
    first = ask(key="web:abc")
    again = ask(key="web:abc")
    assert first == again
    assert Question.objects.count() == 1
    assert OutboxMessage.objects.filter(kind=MessageKind.QUESTION_RECEIVED).count() == 1
    with pytest.raises(InvalidInput):
        ask(key="web:abc", text="Een andere vraag.")


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": " "}, "name", "Dit veld is verplicht."),
        ({"email": "geen-adres"}, "email", "Vul een geldig e-mailadres in."),
        ({"text": "x" * 5001}, "text", "Gebruik maximaal 5000 tekens (nu 5001)."),
        ({"text": "vraag\x00"}, "text", "Deze tekst bevat tekens die niet zijn toegestaan."),
        (
            {"name": "Klik op https://example.net/login"},
            "name",
            "Een naam kan geen web- of e-mailadres bevatten.",
        ),
        (
            {"name": "Joost\nBezoek www.example.net"},
            "name",
            "Schrijf dit op één regel, zonder bijzondere tekens.",
        ),
    ],
)
def test_bad_questions_are_refused_and_nothing_is_stored(ask, officer, overrides, field, message):
    with pytest.raises(InvalidInput) as refused:
        ask(**overrides)
    assert [str(m) for m in refused.value.errors[field]] == [message]
    assert not Question.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_an_officer_answers_by_email_in_the_senders_language(smtp_server, ask, officer):
    question = ask(language="en", text="Does the regulation cover coaching?")
    services.question_answer(question=question, answer="Yes, every engagement.", by=officer)
    question.refresh_from_db()
    assert (question.status, question.answered_by) == (QuestionStatus.ANSWERED, officer)
    run_worker()
    [answer] = [m for m in smtp_server.to("joost@example.org") if "Answer" in m["Subject"]]
    assert answer["Subject"] == "Answer to your question to Interactie"
    assert answer["Reply-To"] == officer.email
    assert "Yes, every engagement." in smtp_server.text(answer)
    assert "Does the regulation cover coaching?" in smtp_server.text(answer)
    assert "Yes, every engagement." in smtp_server.html(answer)
    with pytest.raises(TransitionRefused):
        services.question_answer(question=question, answer="Nogmaals.", by=officer)


def test_questions_are_for_the_organisations_officers_only(
    ask, officer, staff_member, org_admin, other_officer
):
    question = ask()
    for user in (staff_member, org_admin, other_officer):
        with pytest.raises(NotPermitted):
            services.question_answer(question=question, answer="Antwoord", by=user)
    assert Question.objects.get().is_open


def test_r4_1_without_consent_a_question_never_becomes_a_complaint(ask, officer):
    question = ask(consent_to_complaint=False)
    with pytest.raises(TransitionRefused):
        services.question_convert(question=question, by=officer, concerns=(Concern.QUALITY,))
    assert question.organisation.complaints.count() == 0


def test_r5_1_r5_5_with_consent_it_becomes_a_complaint_like_any_other(
    smtp_server, org, ask, officer, second_officer, at
):
    with at("2026-03-01 09:00"):
        version = regulation.regulation_publish(organisation=org).version
    with at("2026-03-02 20:00"):
        question = ask(consent_to_complaint=True, text="De trainer kwam niet opdagen.")
    with at("2026-03-04 10:00"):
        complaint = services.question_convert(
            question=question,
            by=second_officer,
            concerns=(Concern.PERFORMANCE,),
            engagement_description="Training Timemanagement, maart",
        )
    question.refresh_from_db()
    assert (question.status, question.complaint, question.converted_by) == (
        QuestionStatus.CONVERTED,
        complaint,
        second_officer,
    )
    assert complaint.description == "De trainer kwam niet opdagen."
    assert (complaint.complainant_email, complaint.channel) == ("joost@example.org", Channel.WEB)
    assert complaint.assigned_officer == officer  # the default officer, as routing says
    assert complaint.deadline == date(2026, 4, 1)  # 4 March (conversion) + 28 days
    assert complaint.regulation_version == version
    run_worker()
    subjects = [m["Subject"] for m in smtp_server.to("joost@example.org")]
    assert f"Ontvangstbevestiging van je klacht {complaint.reference}" in subjects
    # A second attempt changes nothing.
    with pytest.raises(TransitionRefused):
        services.question_convert(question=question, by=officer, concerns=(Concern.QUALITY,))
    assert org.complaints.count() == 1


def test_r5_4_a_question_about_an_officer_goes_to_another_officer(ask, officer, second_officer):
    question = ask(consent_to_complaint=True)
    complaint = services.question_convert(
        question=question,
        by=officer,
        concerns=(Concern.CONDUCT,),
        engagement_description="Coaching",
        respondent_id=officer.pk,
    )
    assert complaint.assigned_officer == second_officer


def test_r1_2_a_conversion_needs_what_every_complaint_needs(ask, officer):
    question = ask(consent_to_complaint=True)
    with pytest.raises(InvalidInput) as refused:
        services.question_convert(question=question, by=officer, concerns=())
    assert set(refused.value.errors) == {"concerns", "engagement_description"}
    question.refresh_from_db()
    assert question.is_open
    assert question.organisation.complaints.count() == 0


def test_draft_helper_matches_the_form():
    assert make_question_draft().language == "nl"
