"""The hash chain of the dossier (R-7.4): each event seals the one before it."""

import itertools
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from klachtenregeling.audit import chain, events
from klachtenregeling.audit.constants import ActorRole, EventType
from klachtenregeling.audit.models import CaseEvent

BASE = {
    "prev_sha256": chain.GENESIS,
    "complaint_id": 7,
    "seq": 1,
    "type": "complaint.submitted",
    "at": datetime(2026, 3, 2, 9, 0, 0, 123456, tzinfo=UTC),
    "actor_id": None,
    "actor_role": "complainant",
    "visible_to_complainant": True,
    "data": {"reference": "KL-2026-0001", "concerns": ["performance"]},
}


def test_r7_4_the_digest_is_sha256_of_sorted_key_json():
    import hashlib
    import json

    expected = hashlib.sha256(
        json.dumps(
            {**BASE, "at": "2026-03-02T09:00:00.123456+00:00"},
            sort_keys=True,
            separators=(",", ":"),
            ensure_ascii=False,
        ).encode()
    ).hexdigest()
    assert chain.digest(**BASE) == expected


@pytest.mark.parametrize(
    ("change", "same"),
    [
        # Key order and tuples do not matter: the database gives back sorted JSON lists.
        ({"data": {"concerns": ("performance",), "reference": "KL-2026-0001"}}, True),
        # The same moment in Amsterdam time is the same moment.
        ({"at": datetime(2026, 3, 2, 10, 0, 0, 123456, tzinfo=ZoneInfo("Europe/Amsterdam"))}, True),
        # Every field counts.
        ({"prev_sha256": "1" * 64}, False),
        ({"complaint_id": 8}, False),
        ({"seq": 2}, False),
        ({"type": "complaint.registered"}, False),
        ({"at": datetime(2026, 3, 2, 9, 0, 0, 123457, tzinfo=UTC)}, False),  # one microsecond
        ({"actor_id": 1}, False),
        ({"actor_role": "officer"}, False),
        ({"visible_to_complainant": False}, False),
        ({"data": {"reference": "KL-2026-0002", "concerns": ["performance"]}}, False),
    ],
)
def test_r7_4_the_digest_covers_every_field(change, same):
    assert (chain.digest(**{**BASE, **change}) == chain.digest(**BASE)) is same


def test_r7_4_each_event_seals_the_one_before(submit, officer):
    complaint = submit()
    events.note_added(complaint, by=officer, text="Gebeld met klager.")
    dossier = list(CaseEvent.objects.filter(complaint=complaint).order_by("seq"))
    assert len(dossier) >= 3
    assert dossier[0].prev_sha256 == chain.GENESIS
    for before, after in itertools.pairwise(dossier):
        assert after.prev_sha256 == before.sha256
    for event in dossier:
        assert event.sha256 == chain.event_digest(event, event.prev_sha256)
    assert chain.first_break(dossier) is None


def test_r7_4_the_chain_holds_for_data_as_the_database_gives_it_back(submit, officer):
    complaint = submit()
    data = {"zeta": 1, "alpha": {"é": "ü — “quotes”", "list": (3, 2.5, None)}, "Émile": True}
    event = events.record(
        complaint, EventType.NOTE_ADDED, role=ActorRole.OFFICER, actor=officer, data=data
    )
    stored = CaseEvent.objects.get(pk=event.pk)
    assert stored.sha256 == event.sha256
    assert chain.event_digest(stored, stored.prev_sha256) == stored.sha256


def test_r7_4_chains_are_per_complaint(submit, officer):
    first, second = submit(), submit(complainant_email="ander@example.org")
    for complaint in (first, second):
        head = CaseEvent.objects.filter(complaint=complaint).order_by("seq").first()
        assert head.seq == 1 and head.prev_sha256 == chain.GENESIS
