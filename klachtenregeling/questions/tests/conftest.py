import pytest
from django.core.management import call_command

from klachtenregeling.questions import services
from klachtenregeling.questions.rules import QuestionDraft


def run_worker():
    """What `manage.py db_worker` does in production, until the queue is empty."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


def make_question_draft(**overrides) -> QuestionDraft:
    values = {
        "name": "Joost Mulder",
        "email": "joost@example.org",
        "text": "Geldt de klachtenregeling ook voor een open training?",
        "language": "nl",
        "consent_to_complaint": False,
    }
    values.update(overrides)
    return QuestionDraft(**values)


@pytest.fixture
def ask(org):
    def _ask(organisation=None, key=None, **overrides):
        return services.question_submit(
            organisation=organisation or org,
            draft=make_question_draft(**overrides),
            submission_key=key,
        ).question

    return _ask
