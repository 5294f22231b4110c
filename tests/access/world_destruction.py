"""Objects of the access world for the destruction list (R-8.5): on each side a list that
was destroyed (so its statement can be read), with one line, after that side's review
(world_followup.py made it)."""

from datetime import date

from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core import clock
from klachtenregeling.retention.constants import ListStatus
from klachtenregeling.retention.models import DestructionList, DestructionListItem


def build(world, org, elsewhere, users) -> None:
    sides = (
        ("own", org, "officer", "other_officer"),
        ("other", elsewhere, "foreign_officer", None),
    )
    for side, organisation, first, second in sides:
        complaint = Complaint.objects.get(reference=getattr(world, side).reference)
        now = clock.now()
        destruction_list = DestructionList.objects.create(
            organisation=organisation,
            review_id=int(world.extra[side]["review_id"]),
            period_start=date(2025, 1, 1),
            period_end=date(2025, 12, 31),
            status=ListStatus.DESTROYED,
            created_by=users[first],
            created_at=now,
            confirmed_by=users[first],
            confirmed_at=now,
            second_confirmed_by=users[second] if second else None,
            second_confirmed_at=now,
            cooling_off_until=now,
            started_at=now,
            destroyed_at=now,
            statement_pdf=b"%PDF-1.7 statement",
            statement_sha256="0" * 64,
        )
        item = DestructionListItem.objects.create(
            destruction_list=destruction_list,
            complaint=complaint,
            reference=complaint.reference,
            received_on=date(2025, 3, 1),
            ended_on=date(2025, 4, 1),
            outcome="withdrawn",
        )
        world.extra[side]["list_id"] = str(destruction_list.pk)
        world.extra[side]["item_id"] = str(item.pk)
