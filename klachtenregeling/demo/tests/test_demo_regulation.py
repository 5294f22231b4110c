"""The demo publishes Interactie's regulation before its complaints and adds questions."""

from django.core.management import call_command

from klachtenregeling.complaints.models import Complaint
from klachtenregeling.organisations.models import Organisation
from klachtenregeling.questions.constants import QuestionStatus
from klachtenregeling.regulation.models import RegulationVersion


def test_r4_1_demo_regulation_is_published_once_and_applies_to_the_demo_complaints(
    db, settings, tmp_path
):
    settings.DATA_DIR = tmp_path
    call_command("demo_seed", "--quiet")
    call_command("demo_seed", "--quiet")
    organisation = Organisation.objects.get(slug="interactie")
    [version] = RegulationVersion.objects.filter(organisation=organisation)
    assert version.term_days == 28
    assert "Amber Veldman (amber@interactietrainingen.nl)" in version.text
    assert "De Geschillencommissie, Postbus 90600, 2509 LP Den Haag" in version.text
    assert "https://www.degeschillencommissie.nl" in version.text
    complaints = Complaint.objects.filter(organisation=organisation)
    assert complaints.exists()
    assert not complaints.exclude(regulation_version=version).exists()
    questions = organisation.questions.all()
    assert questions.count() == 3
    assert {q.status for q in questions} == {QuestionStatus.OPEN, QuestionStatus.ANSWERED}
    assert questions.filter(consent_to_complaint=True, status=QuestionStatus.OPEN).exists()
