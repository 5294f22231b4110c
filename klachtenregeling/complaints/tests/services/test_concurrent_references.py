"""Reference numbers under concurrent submissions: gaps are acceptable, duplicates never."""

import threading

import pytest
from django.db import connection

from klachtenregeling.complaints import services
from klachtenregeling.complaints.models import Complaint
from tests.factories import OrganisationFactory, UserFactory

THREADS = 6
PER_THREAD = 4


@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_get_unique_references(draft):
    organisation = OrganisationFactory(slug="druk")
    officer = UserFactory(organisation=organisation, officer=True)
    organisation.default_officer = officer
    organisation.save()
    errors: list[BaseException] = []
    start = threading.Barrier(THREADS)

    def worker():
        try:
            start.wait()
            for _ in range(PER_THREAD):
                services.complaint_submit(organisation=organisation, draft=draft())
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    references = list(Complaint.objects.values_list("reference", flat=True))
    assert len(references) == THREADS * PER_THREAD
    assert len(set(references)) == len(references)
