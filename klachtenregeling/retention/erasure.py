"""Destroying one complaint completely (R-8.5): the function the destruction list calls.

In one transaction, under the complaint's row lock, it removes the complaint and everything
that names or describes it: parties and contact details, texts, concerns, the engagement
link, statements, proposals, judgments (with answers and signatures), extensions, the
referral, personal links, hearing invitations, sent reminders, holds, the case events and
access-log rows (through an erasure grant, audit/triggers.py), outbox messages with their
rendered bodies, task rows whose arguments name it, and a question it came from with that
question's messages. It deletes the complaint's file key, so every copy of its files
(backups included) is unreadable; the files themselves are removed after commit.

What remains: the anonymous ComplaintStatistic row (its complaint link set to NULL here,
explicitly, because AppendOnlyModel refuses updates through the manager; the only change
ever made to that row), recommendations made from its judgment (their link to the judgment
becomes NULL; their text is an organisational action and is kept), and a DestructionRecord.
"""

from dataclasses import dataclass

from django.db import connection, models, transaction
from django.utils.translation import gettext_lazy as _

from klachtenregeling.audit.models import AccessLogEntry, CaseEvent, ErasureGrant
from klachtenregeling.complaints.constants import FINAL_STATUSES
from klachtenregeling.complaints.models import Attachment, Extension
from klachtenregeling.complaints.services.state import locked
from klachtenregeling.core import clock
from klachtenregeling.core.errors import DomainError
from klachtenregeling.handling.models import Judgment, Referral, Statement
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import OutboxMessage
from klachtenregeling.questions.models import Question
from klachtenregeling.reports.models import ComplaintStatistic

from . import database
from .models import DestructionRecord
from .selectors import blockers

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


def complaint_destroy(
    *, complaint, by=None, confirmed_by=None, review=None, destruction_list=None
) -> Destroyed:
    """Destroy one ended complaint without open holds; refused (DomainError) otherwise.

    The caller (the destruction list) decides that a review covers it and who confirmed;
    this function checks again, under the lock, that it ended and nothing holds it.
    """
    with transaction.atomic():
        complaint = locked(complaint)
        if complaint.status not in FINAL_STATUSES:
            raise DomainError(_("Only an ended complaint can be destroyed."))
        if blockers(complaint):
            raise DomainError(_("The complaint is under a hold: it cannot be destroyed."))
        last = complaint.events.order_by("-seq").values_list("seq", "sha256").first()
        record = DestructionRecord.objects.create(
            organisation_id=complaint.organisation_id,
            reference=complaint.reference,
            received_on=clock.local_date(complaint.received_at),
            ended_on=clock.local_date(complaint.closed_at) if complaint.closed_at else None,
            status=complaint.status,
            dossier_events=last[0] if last else 0,
            dossier_sha256=last[1] if last else "",
            destroyed_at=clock.now(),
            destroyed_by=by,
            confirmed_by=confirmed_by,
            review=review,
            destruction_list=destruction_list,
        )
        files = list(
            Attachment.objects.filter(complaint=complaint)
            .exclude(file="")
            .values_list("file", flat=True)
        )
        events = _erase_dossier(complaint)
        _delete_tasks(complaint)
        _delete_question(complaint)
        # The one change ever made to a statistics row: it no longer points at the complaint.
        models.QuerySet.update(
            ComplaintStatistic.objects.filter(complaint_id=complaint.pk), complaint=None
        )
        _delete_append_only(complaint)
        Referral.objects.filter(complaint=complaint).delete()
        # The rest cascades: concerns, attachments (rows), outbox messages, invitations,
        # waivers, proposals, judgments with answers and signatures, links, reminders,
        # holds and the file key (crypto-shredding).
        models.Model.delete(complaint)
        storage = Attachment._meta.get_field("file").storage
        transaction.on_commit(lambda: _remove_files(storage, files))
    database.checkpoint(connection)
    return Destroyed(record=record, events=events, files=len(files))


def _erase_dossier(complaint) -> int:
    grant = ErasureGrant.objects.create(
        complaint=complaint, reason="destroyed (R-8.5)", created_at=clock.now()
    )
    AccessLogEntry.objects.erase_for_complaint(grant)
    events = CaseEvent.objects.erase_for_complaint(grant)
    grant.delete()
    return events


def _delete_append_only(complaint) -> None:
    """Rows that are never deleted otherwise: removed here, in an order their links allow."""
    # A correction points at the statement it corrects (PROTECT): newest first.
    for pk in (
        Statement.objects.filter(complaint=complaint).order_by("-pk").values_list("pk", flat=True)
    ):
        models.QuerySet.delete(Statement.objects.filter(pk=pk))
    # Extensions and judgments point at their letters (PROTECT): removed before the
    # attachments. A judgment takes its answers and signatures along; recommendations made
    # from it keep their text, their link to it becomes NULL (SET_NULL).
    models.QuerySet.delete(Extension.objects.filter(complaint=complaint))
    models.QuerySet.delete(Judgment.objects.filter(complaint=complaint))


def _delete_tasks(complaint) -> None:
    """Background-task rows whose arguments name the complaint (its messages, its reference)."""
    from django_tasks_db.models import DBTaskResult

    from klachtenregeling.notifications.tasks import deliver_message
    from klachtenregeling.portal.tasks import resend_links

    message_ids = list(
        OutboxMessage.objects.filter(complaint=complaint).values_list("pk", flat=True)
    )
    if message_ids:
        DBTaskResult.objects.filter(
            task_path=deliver_message.module_path, args_kwargs__args__0__in=message_ids
        ).delete()
    names = {complaint.reference.lower(), complaint.complainant_email.lower()}
    for task in DBTaskResult.objects.filter(task_path=resend_links.module_path).only(
        "id", "args_kwargs"
    ):
        values = [*task.args_kwargs.get("args", []), *task.args_kwargs.get("kwargs", {}).values()]
        if any(str(value).strip().lower() in names for value in values):
            task.delete()


def _delete_question(complaint) -> None:
    """A question that became this complaint, with the messages about that question."""
    question = Question.objects.filter(complaint=complaint).first()
    if question is None:
        return
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


def _remove_files(storage, names: list[str]) -> None:
    for name in names:
        storage.delete(name)
