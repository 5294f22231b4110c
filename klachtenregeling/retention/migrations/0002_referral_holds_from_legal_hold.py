"""R-8.5: the legal_hold flag becomes a referral hold row (before complaints 0009 removes it)."""

from django.db import migrations
from django.utils import timezone


def forwards(apps, schema_editor):
    Complaint = apps.get_model("complaints", "Complaint")
    Referral = apps.get_model("handling", "Referral")
    Hold = apps.get_model("retention", "Hold")
    for complaint in Complaint.objects.filter(legal_hold=True).iterator():
        referral = Referral.objects.filter(complaint_id=complaint.pk).first()
        Hold.objects.get_or_create(
            complaint_id=complaint.pk,
            kind="referral",
            lifted_at=None,
            defaults={
                "reason": "",
                "set_by_id": referral.recorded_by_id if referral else None,
                "set_at": referral.recorded_at if referral else timezone.now(),
            },
        )


def backwards(apps, schema_editor):
    Complaint = apps.get_model("complaints", "Complaint")
    Hold = apps.get_model("retention", "Hold")
    held = Hold.objects.filter(kind="referral", lifted_at=None).values("complaint_id")
    Complaint.objects.filter(pk__in=held).update(legal_hold=True)


class Migration(migrations.Migration):
    dependencies = [
        ("retention", "0001_initial"),
        ("handling", "0002_invitation_due_index"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
