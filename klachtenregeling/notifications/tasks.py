"""Background tasks (django-tasks; run by `manage.py db_worker`)."""

from django_tasks import task

from . import delivery


@task()
def deliver_message(message_id: int) -> str:
    return delivery.deliver(message_id)


@task()
def deliver_messages(message_ids: list[int]) -> list[str]:
    """Several messages of one step (a new complaint's acknowledgement and the officer's
    notice): one task row instead of one each."""
    return [delivery.deliver(message_id) for message_id in message_ids]
