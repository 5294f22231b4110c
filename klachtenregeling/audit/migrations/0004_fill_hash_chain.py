"""Seal the case events that existed before the hash chain (R-7.4), complaint by complaint in
seq order, with the chain's own functions (runs before the append-only triggers exist)."""

from django.db import migrations


def fill(apps, schema_editor):
    from klachtenregeling.audit import chain

    CaseEvent = apps.get_model("audit", "CaseEvent")
    complaint_ids = (
        CaseEvent.objects.order_by().values_list("complaint_id", flat=True).distinct()
    )
    for complaint_id in list(complaint_ids):
        prev = chain.GENESIS
        for event in CaseEvent.objects.filter(complaint_id=complaint_id).order_by("seq"):
            sha256 = chain.event_digest(event, prev)
            CaseEvent.objects.filter(pk=event.pk).update(prev_sha256=prev, sha256=sha256)
            prev = sha256


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_hash_chain_access_log_erasure")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop, elidable=False)]
