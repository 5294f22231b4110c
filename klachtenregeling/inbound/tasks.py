"""Background tasks (django-tasks; run by `manage.py db_worker`)."""

from django_tasks import task

from . import fetching


@task()
def fetch_mail() -> dict:
    """Fetch every enabled mailbox once; enqueued by the scheduler every round."""
    return {pk: report.created for pk, report in fetching.fetch_all().items()}


def fetch_mail_enqueue_due() -> bool:
    """For the scheduler: one fetch task at a time (a slow server does not pile them up)."""
    from django_tasks_db.models import DBTaskResult

    from .models import Mailbox

    if not Mailbox.objects.filter(enabled=True).exists():
        return False
    waiting = DBTaskResult.objects.filter(
        task_path=f"{__name__}.fetch_mail", status__in=["READY", "RUNNING"]
    ).exists()
    if not waiting:
        fetch_mail.enqueue()
    return not waiting
