"""Background tasks (django-tasks; run by `manage.py db_worker`)."""

from django_tasks import task

from klachtenregeling.organisations.models import Organisation

from .services import subject_model_train


@task()
def train_subject_model(organisation_id: int) -> int:
    """Train one organisation's subject model; returns the number of subjects learned."""
    organisation = Organisation.objects.get(pk=organisation_id)
    return len(subject_model_train(organisation=organisation).subjects)
