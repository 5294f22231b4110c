"""The complainant's personal link (R-7.3): a random token, stored only as its SHA-256."""

from django.db import models
from django.db.models import Q


class ComplainantLink(models.Model):
    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.CASCADE, related_name="links"
    )
    token_sha256 = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    # Why it was issued (the message it went out with), for the dossier.
    purpose = models.CharField(max_length=50)

    class Meta:
        indexes = [models.Index(fields=["complaint", "expires_at"], name="link_complaint")]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")), name="link_expires_later"
            )
        ]

    def __str__(self) -> str:
        return f"link {self.pk} for complaint {self.complaint_id}"
