"""Objects of the access world for the letters to post (issue 16).

`build(world, org, elsewhere, users)` adds a letter waiting to be posted for the own and
the other complaint (handled by different officers) as `message_id` in `world.extra`.
"""

from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core import clock
from klachtenregeling.notifications.models import DeliveryStatus, OutboxMessage
from klachtenregeling.portal import tokens


def build(world, org, elsewhere, users) -> None:
    for side, objects in (("own", world.own), ("other", world.other)):
        complaint = Complaint.objects.get(organisation=org, reference=objects.reference)
        message = OutboxMessage.objects.create(
            organisation=org,
            complaint=complaint,
            kind="acknowledgement",
            recipient_role="complainant",
            to_email="",
            language="nl",
            subject=f"Ontvangstbevestiging {complaint.reference}",
            body_text="Beste klager,",
            body_html="<p>Beste klager,</p>",
            status=DeliveryStatus.POST,
            created_at=clock.now(),
            next_attempt_at=clock.now(),
        )
        world.extra[side]["message_id"] = str(message.pk)
    own = Complaint.objects.get(organisation=org, reference=world.own.reference)
    world.extra["own"]["code"] = tokens.issue_short(own, purpose="access matrix")
    world.extra["other"]["code"] = "2" * tokens.SHORT_LENGTH  # no such code
