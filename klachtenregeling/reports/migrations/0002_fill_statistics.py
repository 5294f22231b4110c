"""One anonymous statistics row for every complaint that ended before the rows existed.

The same facts as reports/statistics.py, read through the historical models; the term
outcome by the pure rule of R-5.5 from the dossier's events.
"""

from django.db import migrations
from django.utils.dateparse import parse_date

DECISIONS = ("judgment.issued", "complaint.not_admissible")
FINAL = ("closed", "withdrawn", "not_admissible")
VERDICTS = {"well_founded", "partly_well_founded", "unfounded"}


def fill(apps, schema_editor):
    from klachtenregeling.complaints.rules.deadlines import ExtensionFact, term_outcome
    from klachtenregeling.core import clock

    Complaint = apps.get_model("complaints", "Complaint")
    CaseEvent = apps.get_model("audit", "CaseEvent")
    Referral = apps.get_model("handling", "Referral")
    Judgment = apps.get_model("handling", "Judgment")
    Statistic = apps.get_model("reports", "ComplaintStatistic")
    StatisticConcern = apps.get_model("reports", "StatisticConcern")
    StatisticExtension = apps.get_model("reports", "StatisticExtension")

    ended = Complaint.objects.filter(status__in=FINAL, statistic__isnull=True).order_by("pk")
    for complaint in ended.iterator(chunk_size=500):
        judgment = Judgment.objects.filter(complaint=complaint).order_by("-version").first()
        referral = Referral.objects.filter(complaint=complaint).first()
        if complaint.status == "withdrawn":
            outcome = "withdrawn"
        elif complaint.status == "not_admissible":
            outcome = "not_admissible"
        elif referral is not None:
            outcome = "referred"
        elif judgment is not None and judgment.verdict in VERDICTS:
            outcome = judgment.verdict
        else:
            continue  # not a state the services can reach; nothing sensible to count
        events = list(
            CaseEvent.objects.filter(
                complaint=complaint, type__in=[*DECISIONS, "complaint.deadline_extended"]
            ).order_by("seq")
        )
        decision = next((e for e in events if e.type in DECISIONS), None)
        extensions = [
            ExtensionFact(
                announced_on=clock.local_date(e.at),
                previous_deadline=parse_date(e.data["previous_deadline"]),
                new_deadline=parse_date(e.data["new_deadline"]),
            )
            for e in events
            if e.type == "complaint.deadline_extended"
        ]
        received_on = clock.local_date(complaint.received_at)
        ended_on = max(clock.local_date(complaint.closed_at), received_on)
        statistic = Statistic.objects.create(
            organisation_id=complaint.organisation_id,
            complaint=complaint,
            received_on=received_on,
            ended_on=ended_on,
            channel=complaint.channel,
            engagement_kind="linked" if complaint.engagement_id else "described",
            outcome=outcome,
            ruling_outcome=referral.ruling_outcome if referral is not None else "",
            handling_days=(ended_on - received_on).days,
            term_outcome=term_outcome(
                original_deadline=complaint.original_deadline,
                extensions=extensions,
                decided_on=clock.local_date(decision.at) if decision else None,
                ended=True,
                today=ended_on,
            ),
            extensions_count=complaint.extensions.count(),
            cause_id=complaint.cause_id,
            satisfaction=complaint.satisfaction or "unknown",
            recommendations_count=len(judgment.recommendations) if judgment else 0,
            recorded_at=clock.now(),
        )
        statistic.subjects.set(complaint.subjects.all())
        StatisticConcern.objects.bulk_create(
            StatisticConcern(statistic=statistic, concern=c.concern)
            for c in complaint.concerns.all()
        )
        StatisticExtension.objects.bulk_create(
            StatisticExtension(
                statistic=statistic, number=e.number, reason_category=e.reason_category
            )
            for e in complaint.extensions.all()
        )


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("audit", "0007_more_event_types"),
        ("handling", "0002_invitation_due_index"),
        ("complaints", "0008_complaint_cause_extension_reason_category_and_more"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
