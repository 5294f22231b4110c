"""The destruction list (R-8.5): proposed after a review, confirmed by two people, destroyed
after a cooling-off period by a background task. The only writers of DestructionList.

Each step: lock the list, check the policy and the transition table (workflow.py), change,
in one transaction. At the moment of destruction each complaint is checked again; one that
fails is skipped and its line says why.
"""

import logging
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from klachtenregeling.accounts import policies
from klachtenregeling.complaints import fulltext
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.compliance.stored import mark_for_recheck
from klachtenregeling.core import clock
from klachtenregeling.core.errors import DomainError

from . import database, proposal
from .constants import (
    COOLING_OFF_RANGE,
    DESTRUCTION_BATCH,
    ItemResult,
    ListStatus,
)
from .erasure import complaints_destroy
from .models import DestructionList, DestructionListItem, DestructionRecord
from .services import _reason
from .workflow import require_transition

logger = logging.getLogger(__name__)
# A list "destroying" without progress for this long lost its task (a batch takes seconds).
STALLED_AFTER = timedelta(minutes=15)
# Apps whose tables destruction deletes from: vacuumed afterwards on PostgreSQL.
TOUCHED_APPS = (
    "complaints",
    "handling",
    "audit",
    "notifications",
    "retention",
    "questions",
    "portal",
    "reminders",
    "django_tasks_database",
)


def cooling_off_days(organisation) -> int:
    """R-8.5: the organisation's cooling-off period (a setting, 7 days unless changed)."""
    days = organisation.destruction_cooling_off_days
    return max(COOLING_OFF_RANGE[0], min(COOLING_OFF_RANGE[1], int(days)))


def _locked(destruction_list: DestructionList) -> DestructionList:
    return (
        DestructionList.objects.select_for_update(of=("self",))
        .defer("statement_pdf")
        .select_related("organisation", "review")
        .get(pk=destruction_list.pk)
    )


def _recheck(items) -> None:
    """R-8.5's verdict of these lines' complaints changed (compliance/stored.py)."""
    mark_for_recheck(Complaint.objects.filter(pk__in=items.values("complaint_id")))


def destruction_list_create(*, review, by) -> DestructionList:
    """An officer proposes the complaints the review covers; held ones stay on as "held"."""
    if review is None:
        raise DomainError(proposal.NO_REVIEW)
    policies.require(by, policies.DESTRUCTION_PROPOSE, review)
    coverage = proposal.coverage_of(review)
    with transaction.atomic():
        destruction_list = DestructionList.objects.create(
            organisation_id=review.organisation_id,
            review=review,
            period_start=coverage.start,
            period_end=coverage.end,
            created_by=by,
            created_at=clock.now(),
        )
        rows = list(proposal.candidates(review.organisation, coverage))
        if not rows:
            raise DomainError(_("No ended complaints are covered by this review."))
        for start in range(0, len(rows), DESTRUCTION_BATCH):
            batch = rows[start : start + DESTRUCTION_BATCH]
            held = proposal.open_hold_labels([row["pk"] for row in batch])
            DestructionListItem.objects.bulk_create(
                DestructionListItem(
                    destruction_list=destruction_list,
                    complaint_id=row["pk"],
                    reference=row["reference"],
                    received_on=clock.local_date(row["received_at"]),
                    ended_on=row["ended_on"],
                    outcome=row["statistic__outcome"] or row["status"],
                    held=held.get(row["pk"], "")[:200],
                )
                for row in batch
            )
    return destruction_list


def destruction_item_exclude(*, item: DestructionListItem, reason: str, by) -> DestructionListItem:
    """An officer leaves one line out, with a reason; only before anyone confirmed."""
    reason = _reason(reason, "reason")
    with transaction.atomic():
        destruction_list = _locked(item.destruction_list)
        policies.require(by, policies.DESTRUCTION_PROPOSE, destruction_list)
        if destruction_list.status != ListStatus.DRAFT or destruction_list.confirmed_by_id:
            raise DomainError(_("Lines can be left out only before the list is confirmed."))
        item = DestructionListItem.objects.get(pk=item.pk, destruction_list=destruction_list)
        item.excluded, item.exclusion_reason, item.excluded_by = True, reason, by
        item.save(update_fields=["excluded", "exclusion_reason", "excluded_by"])
        _recheck(DestructionListItem.objects.filter(pk=item.pk))
    return item


def destruction_list_confirm(*, destruction_list: DestructionList, by) -> DestructionList:
    """Four eyes: first an officer, then a second person (another officer or the
    administrator). The second confirmation starts the cooling-off period."""
    with transaction.atomic():
        destruction_list = _locked(destruction_list)
        policies.require(by, policies.DESTRUCTION_DECIDE, destruction_list)
        require_transition(destruction_list.status, ListStatus.CONFIRMED)
        now = clock.now()
        if destruction_list.confirmed_by_id is None:
            if not by.is_officer:
                raise DomainError(_("An officer confirms the list first."))
            if not destruction_list.items.filter(held="", excluded=False).exists():
                raise DomainError(_("Nothing on this list is to be destroyed."))
            destruction_list.confirmed_by, destruction_list.confirmed_at = by, now
            destruction_list.save(update_fields=["confirmed_by", "confirmed_at"])
            return destruction_list
        if destruction_list.confirmed_by_id == by.pk:
            raise DomainError(
                _("You confirmed this list already: a second person must confirm it.")
            )
        destruction_list.second_confirmed_by, destruction_list.second_confirmed_at = by, now
        destruction_list.status = ListStatus.CONFIRMED
        destruction_list.cooling_off_until = now + timedelta(
            days=cooling_off_days(destruction_list.organisation)
        )
        destruction_list.save(
            update_fields=[
                "second_confirmed_by",
                "second_confirmed_at",
                "status",
                "cooling_off_until",
            ]
        )
        _recheck(destruction_list.items.all())
    return destruction_list


def destruction_list_cancel(*, destruction_list: DestructionList, reason: str, by):
    """Before destruction started: a draft, or a confirmed list during its cooling-off."""
    reason = _reason(reason, "cancel_reason")
    with transaction.atomic():
        destruction_list = _locked(destruction_list)
        policies.require(by, policies.DESTRUCTION_DECIDE, destruction_list)
        require_transition(destruction_list.status, ListStatus.CANCELLED)
        destruction_list.status = ListStatus.CANCELLED
        destruction_list.cancelled_by, destruction_list.cancelled_at = by, clock.now()
        destruction_list.cancel_reason = reason
        destruction_list.save(
            update_fields=["status", "cancelled_by", "cancelled_at", "cancel_reason"]
        )
        _recheck(destruction_list.items.all())
    return destruction_list


def destruction_lists_start_due() -> int:
    """The scheduler's round: lists whose cooling-off ended begin to be destroyed (a task)."""
    from .tasks import destroy_list

    started = 0
    due = DestructionList.objects.filter(
        status=ListStatus.CONFIRMED, cooling_off_until__lte=clock.now()
    ).values_list("pk", flat=True)
    for pk in list(due):
        with transaction.atomic():
            destruction_list = _locked(DestructionList(pk=pk))
            if destruction_list.status != ListStatus.CONFIRMED:
                continue
            require_transition(destruction_list.status, ListStatus.DESTROYING)
            destruction_list.status, destruction_list.started_at = (
                ListStatus.DESTROYING,
                clock.now(),
            )
            destruction_list.save(update_fields=["status", "started_at"])
            transaction.on_commit(lambda pk=pk: destroy_list.enqueue(pk))
        started += 1
    return started


def destruction_lists_resume_stalled() -> int:
    """The scheduler's round: a list "destroying" whose task gave no sign of life for
    STALLED_AFTER (a worker that died, a task row lost) is enqueued again; destroying is
    safe to run again, and two runs take turns batch by batch."""
    from .tasks import destroy_list

    now = clock.now()
    stalled = DestructionList.objects.filter(status=ListStatus.DESTROYING).filter(
        Q(progress_at__lt=now - STALLED_AFTER)
        | Q(progress_at__isnull=True, started_at__lt=now - STALLED_AFTER)
    )
    resumed = 0
    for pk in list(stalled.values_list("pk", flat=True)):
        with transaction.atomic():
            destruction_list = _locked(DestructionList(pk=pk))
            last = destruction_list.progress_at or destruction_list.started_at
            if destruction_list.status != ListStatus.DESTROYING or last >= now - STALLED_AFTER:
                continue
            destruction_list.progress_at = now
            destruction_list.save(update_fields=["progress_at"])
            transaction.on_commit(lambda pk=pk: destroy_list.enqueue(pk))
            logger.warning("Destruction list %s stalled: its task is enqueued again.", pk)
        resumed += 1
    return resumed


def destruction_reminders_send_due() -> int:
    """One day before the cooling-off ends, both confirmers hear it (once: `reminded_at`,
    set under the list's row lock in the transaction that writes the messages)."""
    from klachtenregeling.notifications import retention_messages

    now = clock.now()
    sent = 0
    due = DestructionList.objects.filter(
        status=ListStatus.CONFIRMED,
        reminded_at__isnull=True,
        cooling_off_until__gt=now,
        cooling_off_until__lte=now + timedelta(days=1),
    ).values_list("pk", flat=True)
    for pk in list(due):
        with transaction.atomic():
            destruction_list = _locked(DestructionList(pk=pk))
            if destruction_list.reminded_at is not None:
                continue
            for person in (destruction_list.confirmed_by, destruction_list.second_confirmed_by):
                retention_messages.destruction_reminder(destruction_list, person)
            destruction_list.reminded_at = now
            destruction_list.save(update_fields=["reminded_at"])
        sent += 1
    return sent


def destruction_list_destroy(*, list_id: int) -> DestructionList:
    """The task's work: destroy the selected lines in batches (flat memory), each checked
    again; then the statement, and the database housekeeping. Safe to run again."""
    from .statement import statement_pdf

    destruction_list = DestructionList.objects.defer("statement_pdf").get(pk=list_id)
    if destruction_list.status == ListStatus.DESTROYED:
        return destruction_list  # a run enqueued again after the work was done
    if destruction_list.status != ListStatus.DESTROYING:
        raise DomainError(_("This list is not being destroyed."))
    while True:
        # Each batch under the list's row lock: a second run of the task (enqueued again
        # after it seemed lost) waits, then finds only the lines still pending.
        with transaction.atomic():
            locked = _locked(destruction_list)
            if locked.status != ListStatus.DESTROYING:
                return locked
            items = list(
                DestructionListItem.objects.filter(
                    destruction_list=locked,
                    result=ItemResult.PENDING,
                    held="",
                    excluded=False,
                )
                .only("pk", "complaint_id")
                .order_by("pk")[:DESTRUCTION_BATCH]
            )
            if not items:
                break
            _destroy_batch(items, locked)
            locked.progress_at = clock.now()
            locked.save(update_fields=["progress_at"])
    fulltext.purge_deleted(connection)  # the destroyed complaints' words (R-8.5)
    database.checkpoint(connection)
    with transaction.atomic():
        destruction_list = _locked(destruction_list)
        if destruction_list.status != ListStatus.DESTROYING:
            return destruction_list  # another run finished it meanwhile
        require_transition(destruction_list.status, ListStatus.DESTROYED)
        destruction_list.status, destruction_list.destroyed_at = ListStatus.DESTROYED, clock.now()
        destruction_list.statement_pdf, destruction_list.statement_sha256 = statement_pdf(
            destruction_list
        )
        destruction_list.save(
            update_fields=["status", "destroyed_at", "statement_pdf", "statement_sha256"]
        )
    vacuum_touched_tables()
    return destruction_list


def _destroy_batch(items: list[DestructionListItem], destruction_list: DestructionList) -> None:
    """One batch: every complaint checked again under its row lock and destroyed together
    (erasure.complaints_destroy); each line says destroyed, or skipped and why.

    The reason a line was skipped is kept as text, in the organisation's language (the
    statement is Dutch), whatever language the worker happens to run in.
    """
    with translation.override(settings.LANGUAGE_CODE):
        batch = complaints_destroy(
            [item.complaint_id for item in items if item.complaint_id is not None],
            confirmed_by=destruction_list.second_confirmed_by,
            review=destruction_list.review,
            destruction_list=destruction_list,
            check=lambda complaints: proposal.refusals(complaints, destruction_list),
            purge_index=False,  # once for the list, after the last batch
        )
        gone = str(_("The complaint no longer exists."))
    # A statement per outcome, not one per line: a destroyed line gets its record (the
    # record of the list with the line's reference, unique per organisation).
    destroyed = [item.pk for item in items if item.complaint_id in batch.destroyed]
    if destroyed:
        record = DestructionRecord.objects.filter(
            organisation_id=destruction_list.organisation_id, reference=OuterRef("reference")
        ).values("pk")[:1]
        DestructionListItem.objects.filter(pk__in=destroyed).update(
            result=ItemResult.DESTROYED, record=Subquery(record), skip_reason=""
        )
    skipped: dict[str, list[int]] = {}
    for item in items:
        if item.complaint_id not in batch.destroyed:
            reason = batch.refused.get(item.complaint_id, gone)[:300]
            skipped.setdefault(reason, []).append(item.pk)
    for reason, pks in skipped.items():
        DestructionListItem.objects.filter(pk__in=pks).update(
            result=ItemResult.SKIPPED, skip_reason=reason
        )


def vacuum_touched_tables() -> None:
    """PostgreSQL: VACUUM (ANALYZE) the tables destruction deleted from, so the dead rows'
    space is reclaimed. Outside a transaction (VACUUM refuses one); SQLite checkpoints."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    labels = {config.label for config in apps.get_app_configs()}
    tables = sorted(
        {
            model._meta.db_table
            for label in TOUCHED_APPS
            if label in labels
            for model in apps.get_app_config(label).get_models()
            if not model._meta.proxy and model._meta.managed
        }
    )
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f'VACUUM (ANALYZE) "{table}"')  # nosec B608 - model table names
