"""Background work of the complainant's side (django-tasks; run by `manage.py db_worker`)."""

from django_tasks import task

from klachtenregeling.organisations.models import Organisation

from . import services


@task()
def resend_links(organisation_id: int, email: str, reference: str) -> int:
    """ "Lost my link", done by the worker: the page answers at once, whatever is found,
    so its response time does not tell whether a complaint exists (R-7.3)."""
    organisation = Organisation.objects.get(pk=organisation_id)
    return services.links_resend(organisation=organisation, email=email, reference=reference)
