"""The dossier: an append-only, ordered record of everything that happened (R-7.4).

Rows are only ever inserted, by the functions in events.py.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from klachtenregeling.core.append_only import AppendOnlyError, AppendOnlyModel

from .constants import ActorRole, EventType

__all__ = ["AppendOnlyError", "CaseEvent"]


class CaseEvent(AppendOnlyModel):
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    # PROTECT: a complaint with a dossier cannot be deleted by accident; destruction
    # after the yearly review will be its own recorded path.
    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.PROTECT, related_name="events"
    )
    seq = models.PositiveIntegerField()
    type = models.CharField(max_length=40, choices=EventType.choices)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_role = models.CharField(max_length=20, choices=ActorRole.choices)
    visible_to_complainant = models.BooleanField(default=False)
    data = models.JSONField(default=dict)

    class Meta:
        ordering = ["complaint", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["complaint", "seq"], name="caseevent_unique_seq"),
            models.CheckConstraint(condition=Q(type__in=EventType.values), name="caseevent_type"),
            models.CheckConstraint(
                condition=Q(actor_role__in=ActorRole.values), name="caseevent_actor_role"
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "type", "at"], name="caseevent_org_type_at"),
        ]

    def __str__(self) -> str:
        return f"{self.complaint_id}#{self.seq} {self.type}"
