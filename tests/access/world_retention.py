"""Objects of the access world for holds on destruction (R-8.5): a hold by hand on the own
and on the other complaint, for the lift page (`hold_id`)."""

from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core import clock
from klachtenregeling.retention.constants import HoldKind
from klachtenregeling.retention.models import Hold


def build(world, org, elsewhere, users) -> None:
    for side, officer in (("own", users["officer"]), ("other", users["other_officer"])):
        complaint = Complaint.objects.get(
            organisation=org, reference=getattr(world, side).reference
        )
        hold = Hold.objects.create(
            complaint=complaint,
            kind=HoldKind.MANUAL,
            reason="Rechtszaak.",
            set_by=officer,
            set_at=clock.now(),
        )
        world.extra[side]["hold_id"] = str(hold.pk)
