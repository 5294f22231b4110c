"""The demo's published regulation and questions (R-4.1), played through the services."""

from datetime import timedelta

from klachtenregeling.accounts.models import User
from klachtenregeling.core import clock
from klachtenregeling.questions import services as questions
from klachtenregeling.questions.models import Question
from klachtenregeling.questions.rules import QuestionDraft
from klachtenregeling.regulation import selectors
from klachtenregeling.regulation import services as regulation

from . import data

QUESTIONS = [
    {
        "days_ago": 1,
        "name": "Eva de Graaf",
        "email": "eva.degraaf@example.org",
        "text": (
            "Ik heb drie weken geleden de training Effectief vergaderen gevolgd, maar mijn "
            "certificaat is er nog steeds niet. Ik heb al twee keer gebeld. Kan ik hier een "
            "klacht over indienen?"
        ),
        "consent": True,
    },
    {
        "days_ago": 6,
        "name": "Tom Bakker",
        "email": "t.bakker@example.org",
        "text": "Geldt jullie klachtenregeling ook voor een open training met losse inschrijving?",
        "answer": (
            "Ja. De klachtenregeling geldt voor elke opdracht, ook voor een open training met "
            "losse inschrijving."
        ),
    },
    {
        "days_ago": 3,
        "name": "Sarah Johnson",
        "email": "s.johnson@example.org",
        "text": "Can I file a complaint in English?",
        "language": "en",
    },
]


def publish_regulation(organisation) -> None:
    """Version 1, published before the first demo complaint, so that each records it."""
    if selectors.current_version(organisation) is not None:
        return
    first = max(item["days_ago"] for item in data.COMPLAINTS)
    with clock.frozen(clock.now() - timedelta(days=first + 14)):
        regulation.regulation_publish(organisation=organisation)


def add_questions(organisation) -> None:
    if Question.objects.filter(organisation=organisation).exists():
        return
    amber = User.objects.get(organisation=organisation, username="amber")
    now = clock.now()
    for item in QUESTIONS:
        at = now - timedelta(days=item["days_ago"], hours=2)
        with clock.frozen(at):
            question = questions.question_submit(
                organisation=organisation,
                draft=QuestionDraft(
                    name=item["name"],
                    email=item["email"],
                    text=item["text"],
                    language=item.get("language", "nl"),
                    consent_to_complaint=item.get("consent", False),
                ),
            ).question
        if item.get("answer"):
            with clock.frozen(at + timedelta(hours=5)):
                questions.question_answer(question=question, answer=item["answer"], by=amber)
