"""Destroying ended complaints completely (R-8.5): the functions the destruction list calls.

`complaints_destroy` works on a batch (the list's task destroys 200 at a time): in one
transaction, under the complaints' row locks, it checks every complaint again and removes
the ones that may go with everything that names or describes them — parties and contact
details, texts (and their words in SQLite's search index), concerns, the engagement link, statements, proposals, judgments (with
answers and signatures), extensions, the referral, personal links, hearing invitations,
sent reminders, holds, the case events and access-log rows (through erasure grants,
audit/triggers.py; the grants also let the record tables' rows go, audit/record_guards.py,
and are removed last), outbox messages with their rendered bodies, task rows whose arguments
name them, and a question each came from with that question's messages. Each table is
emptied of the batch's rows by a few statements (`… WHERE complaint_id IN (…)`), not per
complaint. It deletes the complaints' file keys, so every copy of their files (backups
included) is unreadable; the files themselves are removed after commit.
`complaint_destroy` is the same for one complaint.

What remains: the anonymous ComplaintStatistic rows (their complaint link set to NULL here,
explicitly, because AppendOnlyModel refuses updates through the manager; the only change
ever made to such a row), recommendations made from a judgment (their link to the judgment
becomes NULL; their text is an organisational action and is kept), and a DestructionRecord
per complaint.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import connection, models, transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from klachtenregeling.audit.models import AccessLogEntry, CaseEvent, ErasureGrant
from klachtenregeling.complaints import fulltext
from klachtenregeling.complaints.constants import FINAL_STATUSES
from klachtenregeling.complaints.models import Attachment, Complaint, Extension
from klachtenregeling.core import clock
from klachtenregeling.core.errors import DomainError
from klachtenregeling.handling.models import Judgment, Referral, Statement
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import OutboxMessage
from klachtenregeling.oral.constants import RecordStatus
from klachtenregeling.oral.models import OralComplaintRecord
from klachtenregeling.questions.models import Question
from klachtenregeling.reports.models import ComplaintStatistic

from . import database
from .models import DestructionRecord, Hold

NO_LONGER_EXISTS = _("The complaint no longer exists.")
QUESTION_KINDS = (
    MessageKind.QUESTION_RECEIVED,
    MessageKind.NEW_QUESTION,
    MessageKind.QUESTION_ANSWER,
)


@dataclass(frozen=True)
class Destroyed:
    record: DestructionRecord
    events: int
    files: int


@dataclass(frozen=True)
class Batch:
    """What `complaints_destroy` did: per complaint id, destroyed or why not."""

    destroyed: dict[int, Destroyed] = field(default_factory=dict)
    refused: dict[int, str] = field(default_factory=dict)


def complaint_destroy(
    *, complaint, by=None, confirmed_by=None, review=None, destruction_list=None
) -> Destroyed:
    """Destroy one ended complaint without open holds; refused (DomainError) otherwise.

    The caller (the destruction list) decides that a review covers it and who confirmed;
    this function checks again, under the lock, that it ended and nothing holds it.
    """
    batch = complaints_destroy(
        [complaint.pk],
        by=by,
        confirmed_by=confirmed_by,
        review=review,
        destruction_list=destruction_list,
    )
    if complaint.pk in batch.refused:
        raise DomainError(batch.refused[complaint.pk])
    return batch.destroyed[complaint.pk]


def ended_and_not_held(complaints: dict[int, Complaint]) -> dict[int, str]:
    """The default check: why each complaint that may not go cannot (ended, no open hold)."""
    held = set(
        Hold.objects.filter(complaint_id__in=list(complaints), lifted_at__isnull=True)
        .values_list("complaint_id", flat=True)
        .distinct()
    )
    refused = {}
    for pk, complaint in complaints.items():
        if complaint.status not in FINAL_STATUSES:
            refused[pk] = str(_("Only an ended complaint can be destroyed."))
        elif pk in held:
            refused[pk] = str(_("The complaint is under a hold: it cannot be destroyed."))
    return refused


def complaints_destroy(
    complaint_ids: Iterable[int],
    *,
    by=None,
    confirmed_by=None,
    review=None,
    destruction_list=None,
    check: Callable[[dict[int, Complaint]], dict[int, str]] = ended_and_not_held,
    purge_index: bool = True,
) -> Batch:
    """Destroy a batch of complaints in one transaction; each is checked again under its row
    lock (`check`: complaint id → why not; the destruction list adds its review's coverage).

    A refused complaint is left untouched and named in `Batch.refused`; one that no longer
    exists is refused too. Files are removed after commit; the caller's transaction, if
    any, decides when that is.
    """
    ids = sorted({int(pk) for pk in complaint_ids})
    with transaction.atomic():
        last = CaseEvent.objects.filter(complaint_id=OuterRef("pk")).order_by("-seq")
        complaints = {
            complaint.pk: complaint
            for complaint in Complaint.objects.select_for_update(of=("self",))
            .filter(pk__in=ids)
            .only(
                "pk",
                "organisation_id",
                "reference",
                "received_at",
                "closed_at",
                "status",
                "complainant_email",
            )
            .annotate(
                last_seq=Subquery(last.values("seq")[:1]),
                last_sha256=Subquery(last.values("sha256")[:1]),
            )
            .order_by("pk")
        }
        refused = {pk: str(NO_LONGER_EXISTS) for pk in ids if pk not in complaints}
        refused.update(check(complaints) if complaints else {})
        going = [pk for pk in ids if pk not in refused]
        if not going:
            return Batch(refused=refused)
        now = clock.now()
        records = DestructionRecord.objects.bulk_create(
            DestructionRecord(
                organisation_id=complaints[pk].organisation_id,
                reference=complaints[pk].reference,
                received_on=clock.local_date(complaints[pk].received_at),
                ended_on=(
                    clock.local_date(complaints[pk].closed_at) if complaints[pk].closed_at else None
                ),
                status=complaints[pk].status,
                dossier_events=complaints[pk].last_seq or 0,
                dossier_sha256=complaints[pk].last_sha256 or "",
                destroyed_at=now,
                destroyed_by=by,
                confirmed_by=confirmed_by,
                review=review,
                destruction_list=destruction_list,
            )
            for pk in going
        )
        files: dict[int, list[str]] = {pk: [] for pk in going}
        for complaint_id, name in (
            Attachment.objects.filter(complaint_id__in=going)
            .exclude(file="")
            .values_list("complaint_id", "file")
        ):
            files[complaint_id].append(name)
        grants = _erase_dossiers(going)
        _delete_tasks([complaints[pk] for pk in going])
        _delete_questions(going)
        _delete_oral_records(going, destruction_list)
        # The one change ever made to a statistics row: it no longer points at the complaint.
        models.QuerySet.update(
            ComplaintStatistic.objects.filter(complaint_id__in=going), complaint=None
        )
        _delete_append_only(going)
        Referral.objects.filter(complaint_id__in=going).delete()
        # Outbox messages (with their rendered bodies) and the attachments' rows, directly:
        # left to the cascade below, Django would load every attachment to find its messages.
        models.QuerySet.delete(
            OutboxMessage.objects.filter(
                Q(complaint_id__in=going) | Q(attachment__complaint_id__in=going)
            )
        )
        attachments = Attachment.objects.filter(complaint_id__in=going)
        attachments._raw_delete(attachments.db)
        # The rest cascades, a statement per table: concerns, invitations, waivers,
        # proposals, links, reminders, holds and the file keys (crypto-shredding); the
        # list's lines lose their link (SET_NULL).
        models.QuerySet.delete(Complaint.objects.filter(pk__in=going))
        # SQLite: the search index's triggers removed their entries; merging its segments
        # drops their words from the index's blocks too (complaints/fulltext.py). That
        # rewrites the whole index (0.8 s at 100,000 complaints): a destruction list asks
        # for it once, after its last batch (`purge_index=False` here).
        if purge_index:
            fulltext.purge_deleted(connection)
        # The grants let the record tables' rows go too (audit/record_guards.py); they
        # end with the complaints, in this transaction.
        ErasureGrant.objects.filter(pk__in=[grant.pk for grant in grants])._raw_delete(
            ErasureGrant.objects.db
        )
        storage = Attachment._meta.get_field("file").storage
        names = [name for pk in going for name in files[pk]]
        transaction.on_commit(lambda: _remove_files(storage, names))
    database.checkpoint(connection)
    return Batch(
        destroyed={
            pk: Destroyed(record=record, events=complaints[pk].last_seq or 0, files=len(files[pk]))
            for pk, record in zip(going, records, strict=True)
        },
        refused=refused,
    )


def _erase_dossiers(complaint_ids: list[int]) -> list[ErasureGrant]:
    """Grant the erasure of the complaints and delete their dossiers and access logs; the
    grants stay until the complaints' rows are gone (the caller removes them)."""
    now = clock.now()
    grants = ErasureGrant.objects.bulk_create(
        ErasureGrant(complaint_id=pk, reason="destroyed (article 8)", created_at=now)
        for pk in complaint_ids
    )
    if any(grant.pk is None for grant in grants):  # a backend that returns no keys
        grants = list(ErasureGrant.objects.filter(complaint_id__in=complaint_ids))
    AccessLogEntry.objects.erase_for_complaints(grants)
    CaseEvent.objects.erase_for_complaints(grants)
    return grants


def _delete_append_only(complaint_ids: list[int]) -> None:
    """Rows that are never deleted otherwise. A correction points at the statement it
    corrects, and extensions, judgments and referrals point at their letters (PROTECT):
    the statements go in one statement (the foreign keys are checked at commit, when both
    are gone; nothing else points at a statement or an extension), extensions and judgments
    before the attachments. A judgment takes its answers and signatures along;
    recommendations made from it keep their text, their link to it becomes NULL (SET_NULL).
    """
    statements = Statement.objects.filter(complaint_id__in=complaint_ids)
    statements._raw_delete(statements.db)
    extensions = Extension.objects.filter(complaint_id__in=complaint_ids)
    extensions._raw_delete(extensions.db)
    models.QuerySet.delete(Judgment.objects.filter(complaint_id__in=complaint_ids))


def _delete_tasks(complaints: list[Complaint]) -> None:
    """Background-task rows whose arguments name the complaints (their messages, references
    or e-mail addresses)."""
    from django_tasks_db.models import DBTaskResult

    from klachtenregeling.notifications.tasks import deliver_message
    from klachtenregeling.portal.tasks import resend_links

    message_ids = list(
        OutboxMessage.objects.filter(complaint_id__in=[c.pk for c in complaints]).values_list(
            "pk", flat=True
        )
    )
    for start in range(0, len(message_ids), 500):
        DBTaskResult.objects.filter(
            task_path=deliver_message.module_path,
            args_kwargs__args__0__in=message_ids[start : start + 500],
        ).delete()
    names = {c.reference.lower() for c in complaints} | {
        c.complainant_email.lower() for c in complaints
    }
    named = []
    for task in DBTaskResult.objects.filter(task_path=resend_links.module_path).only(
        "id", "args_kwargs"
    ):
        values = [*task.args_kwargs.get("args", []), *task.args_kwargs.get("kwargs", {}).values()]
        if any(str(value).strip().lower() in names for value in values):
            named.append(task.pk)
    if named:
        DBTaskResult.objects.filter(pk__in=named).delete()


def _delete_questions(complaint_ids: list[int]) -> None:
    """A question that became one of these complaints, with the messages about it."""
    for question in Question.objects.filter(complaint_id__in=complaint_ids):
        until = question.converted_at or clock.now()
        for message in OutboxMessage.objects.filter(
            complaint__isnull=True,
            kind__in=QUESTION_KINDS,
            created_at__gte=question.received_at,
            created_at__lte=until,
        ):
            text = f"{message.to_email}\n{message.body_text}"
            if question.email in text or question.text.strip()[:200] in text:
                message.delete()
        question.delete()


ORAL_KINDS = (
    MessageKind.ORAL_CONFIRMATION,
    MessageKind.ORAL_REMINDER,
    MessageKind.ORAL_NOT_CONFIRMED,
)


def _delete_oral_records(complaint_ids: list[int], destruction_list) -> None:
    """R-1.1, R-8.5: the oral record a complaint was confirmed from goes with the complaint;
    a record closed as not confirmed (never a complaint) goes with the destruction list
    whose period covers the day it was closed. Each with the messages about it."""
    records = OralComplaintRecord.objects.filter(complaint_id__in=complaint_ids)
    if destruction_list is not None:
        unconfirmed = OralComplaintRecord.objects.filter(
            organisation_id=destruction_list.organisation_id,
            status=RecordStatus.NOT_CONFIRMED,
            closed_at__date__gte=destruction_list.period_start,
            closed_at__date__lte=destruction_list.period_end,
        )
        records = records | unconfirmed
    for record in records:
        until = record.closed_at or record.confirmed_at or clock.now()
        if record.complainant_email:
            models.QuerySet.delete(
                OutboxMessage.objects.filter(
                    complaint__isnull=True,
                    kind__in=ORAL_KINDS,
                    to_email=record.complainant_email,
                    created_at__gte=record.created_at,
                    created_at__lte=until,
                )
            )
        record.delete()


def _remove_files(storage, names: list[str]) -> None:
    for name in names:
        storage.delete(name)
