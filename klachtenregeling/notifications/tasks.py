"""Background tasks (django-tasks; run by `manage.py db_worker`)."""

from django_tasks import task

from . import delivery


@task()
def deliver_message(message_id: int) -> str:
    return delivery.deliver(message_id)
