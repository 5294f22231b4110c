"""`manage.py generate_complaints` (issue 19): volume data the app works on as on its own."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from klachtenregeling.audit import chain
from klachtenregeling.audit.models import CaseEvent
from klachtenregeling.complaints.constants import Status
from klachtenregeling.complaints.models import Complaint, ReferenceCounter
from klachtenregeling.complaints.services import complaint_submit
from klachtenregeling.organisations.models import Organisation
from klachtenregeling.reports.models import ComplaintStatistic


def generate(count: int, organisations: int = 2) -> str:
    out = io.StringIO()
    call_command(
        "generate_complaints",
        "--count",
        str(count),
        "--organisations",
        str(organisations),
        "--officers",
        "3",
        "--batch",
        "40",
        "--no-progress",
        stdout=out,
    )
    return out.getvalue()


def test_generates_complaints_with_sealed_dossiers_and_counters(db):
    output = generate(150)
    assert "150 complaints" in output
    complaints = Complaint.objects.all()
    assert complaints.count() == 150
    assert Organisation.objects.count() == 2
    # Varied texts, several officers, every stage of the procedure over three years.
    assert complaints.values("description").distinct().count() > 140
    assert complaints.values("assigned_officer").distinct().count() == 6
    statuses = set(complaints.values_list("status", flat=True))
    assert {Status.RECEIVED, Status.HEARING, Status.CLOSED, Status.WITHDRAWN} <= statuses
    years = set(complaints.values_list("year", flat=True))
    assert len(years) >= 3
    events = CaseEvent.objects.count()
    assert 8 * 150 <= events <= 16 * 150
    assert ComplaintStatistic.objects.count() == complaints.filter(closed_at__isnull=False).count()
    # Every chain verifies as the services' own (content digests included).
    for complaint in complaints.order_by("pk")[:40]:
        assert chain.first_break(complaint.events.order_by("seq")) is None
    # The reference counters stand at the highest number issued.
    for counter in ReferenceCounter.objects.all():
        top = complaints.filter(
            organisation_id=counter.organisation_id, year=counter.year
        ).order_by("-number")[0]
        assert counter.last_number == top.number


def test_a_second_run_adds_to_the_same_organisations_and_submission_continues(db, draft):
    generate(30)
    generate(30)
    assert Organisation.objects.count() == 2
    assert Complaint.objects.count() == 60
    organisation = Organisation.objects.order_by("pk").first()
    result = complaint_submit(organisation=organisation, draft=draft())
    highest = (
        Complaint.objects.filter(organisation=organisation, year=result.complaint.year)
        .exclude(pk=result.complaint.pk)
        .order_by("-number")[0]
    )
    assert result.complaint.number == highest.number + 1


def test_generated_pages_render(db, client):
    generate(60, organisations=1)
    complaint = Complaint.objects.filter(status=Status.CLOSED).order_by("-pk").first()
    officer = complaint.assigned_officer
    client.force_login(officer)
    assert client.get(reverse("complaints:dashboard")).status_code == 200
    assert client.get(reverse("complaints:detail", args=[complaint.reference])).status_code == 200


def test_count_is_checked(db):
    with pytest.raises(CommandError, match="tussen 1 en"):
        call_command("generate_complaints", "--count", "0", "--no-progress")


def test_fast_digest_is_the_chain_digest():
    from datetime import UTC, datetime

    from klachtenregeling.demo.generator import _compact, fast_digest

    data = {"b": [1, "é", None], "a": {"z": True, "y": 1.5}, "reason": 'een "citaat"\n'}
    at = datetime(2026, 12, 4, 9, 30, tzinfo=UTC)
    for actor_id, visible in ((None, True), (7, False)):
        fields = {
            "prev_sha256": chain.GENESIS,
            "complaint_id": 12,
            "seq": 3,
            "type": "note_added",
            "at": at,
            "actor_id": actor_id,
            "actor_role": "officer",
            "organisation_id": 2,
        }
        expected = chain.digest(
            **fields, visible_to_complainant=visible, data=data, chain_version=chain.VERSION
        )
        assert fast_digest(**fields, visible=visible, serialised_data=_compact(data)) == expected


def test_organisations_are_split_into_groups_of_about_equal_volume():
    from klachtenregeling.demo.generator import _groups

    groups = _groups([("a", 2.0), ("b", 1.0), ("c", 1.0)], 2)
    assert sorted(sum(w for _, w in group) for group in groups) == [2.0, 2.0]
    assert len(_groups([("a", 2.0)], 2)) == 1


@pytest.mark.django_db(transaction=True)
def test_two_writing_processes_on_postgresql():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite writes with one process")
    out = io.StringIO()
    call_command(
        "generate_complaints",
        *("--count", "120", "--organisations", "3", "--officers", "2", "--batch", "25"),
        *("--workers", "2", "--no-progress"),
        stdout=out,
    )
    complaints = Complaint.objects.all()
    assert complaints.count() == 120
    assert complaints.values("organisation").distinct().count() == 3
    for complaint in complaints.order_by("pk")[:30]:
        assert chain.first_break(complaint.events.order_by("seq")) is None
    for counter in ReferenceCounter.objects.all():
        top = complaints.filter(
            organisation_id=counter.organisation_id, year=counter.year
        ).order_by("-number")[0]
        assert counter.last_number == top.number


def test_the_ended_count_stops_at_its_cap_instead_of_reading_the_history(db, client, monkeypatch):
    from klachtenregeling.complaints import selectors

    generate(60, organisations=1)
    officer = (
        Complaint.objects.filter(status__in=[Status.CLOSED, Status.WITHDRAWN])
        .order_by("pk")
        .first()
        .assigned_officer
    )
    monkeypatch.setattr(selectors, "ENDED_COUNT_CAP", 2)
    counts = selectors.officer_counts(officer)
    assert counts["ended"] == "2+"
    client.force_login(officer)
    assert "(2+)" in client.get(reverse("complaints:dashboard")).content.decode()
