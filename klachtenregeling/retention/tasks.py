"""Background tasks of retention (django-tasks; run by `manage.py db_worker`)."""

from django_tasks import task

from . import destruction


@task()
def destroy_list(list_id: int) -> str:
    """R-8.5: destroy a destruction list whose cooling-off period ended."""
    done = destruction.destruction_list_destroy(list_id=list_id)
    return str(done.status)
