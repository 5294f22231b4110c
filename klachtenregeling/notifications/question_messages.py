"""Messages about a question from the regulation page (R-4.1). No complaint involved.

Subjects carry no names or content; the question's text only goes back to its sender.
"""

from django.conf import settings
from django.urls import reverse

from klachtenregeling.audit.constants import ActorRole

from . import outbox
from .constants import MessageKind

SENDER = "sender"


def question_received(question):
    """To the sender: we have your question (and, if given, the consent it records)."""
    return outbox.enqueue(
        organisation=question.organisation,
        kind=MessageKind.QUESTION_RECEIVED,
        to_email=question.email,
        recipient_role=SENDER,
        language=question.language,
        context={"question": question},
        reply_to=question.organisation.contact_email,
    )


def new_question(question, officers) -> list:
    """To each officer: a question is waiting (no content in the mail: it is confidential)."""
    url = settings.SITE_URL + reverse("questions_staff:detail", args=[question.pk])
    return [
        outbox.enqueue(
            organisation=question.organisation,
            kind=MessageKind.NEW_QUESTION,
            to_email=officer.email,
            recipient_role=ActorRole.OFFICER,
            language=settings.LANGUAGE_CODE,
            context={"officer": officer, "question": question, "url": url},
        )
        for officer in officers
        if officer.email
    ]


def question_answer(question, officer):
    """The officer's answer, in the sender's language; a reply reaches that officer."""
    return outbox.enqueue(
        organisation=question.organisation,
        kind=MessageKind.QUESTION_ANSWER,
        to_email=question.email,
        recipient_role=SENDER,
        language=question.language,
        context={"question": question, "officer": officer},
        reply_to=officer.email or question.organisation.contact_email,
    )
