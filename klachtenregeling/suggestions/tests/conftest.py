"""Earlier complaints of an organisation, with subjects, to learn from (R-8.1).

They are history rows, inserted in bulk like bench/deadlines.py does (hundreds of complaints
through the intake service would make every test slow); the complaint a test suggests for
is filed through the real service (`submit`).
"""

from datetime import date, datetime

import pytest

from klachtenregeling.complaints.constants import Channel, Status
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core import clock
from tests import complaint_texts
from tests.factories import SubjectFactory

THREE = ("Facturering", "Lesmateriaal", "Locatie en catering")
INVOICE_TEXT = (
    "De factuur is hoger dan de offerte en de korting is niet verrekend. "
    "Ook is het bedrag twee keer van onze rekening afgeschreven."
)


def add_history(organisation, count: int, *, subjects=THREE, seed: int = 8, start: int = 1):
    """`count` earlier complaints of `organisation` over `subjects` (made when missing), each
    with one subject; returns {name: Subject}."""
    by_name = {
        name: organisation.subjects.filter(name=name).first()
        or SubjectFactory(organisation=organisation, name=name)
        for name in subjects
    }
    examples = complaint_texts.examples(
        count, subjects=subjects, seed=seed, two_subjects=0, mislabelled=0
    )
    received = datetime(2025, 3, 3, 10, tzinfo=clock.AMSTERDAM)
    rows = Complaint.objects.bulk_create(
        Complaint(
            organisation=organisation,
            reference=f"KL-2025-{start + i:04d}",
            year=2025,
            number=start + i,
            channel=Channel.WEB,
            received_at=received,
            complainant_name="Eerdere Klager",
            complainant_email=f"klager{start + i}@example.org",
            engagement_description=e.engagement,
            description=e.text,
            status=Status.IN_HANDLING,
            original_deadline=date(2025, 3, 31),
            deadline=date(2025, 3, 31),
        )
        for i, e in enumerate(examples)
    )
    through = Complaint.subjects.through
    through.objects.bulk_create(
        through(complaint_id=row.pk, subject_id=by_name[name].pk)
        for row, e in zip(rows, examples, strict=True)
        for name in e.subjects
    )
    return by_name


@pytest.fixture
def history(org):
    """36 earlier complaints of `org` over three subjects (12 each)."""
    return add_history(org, 36)
