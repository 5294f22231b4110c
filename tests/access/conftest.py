import pytest
from django.db import transaction

from .world import build


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker):
    """The world of the access tests (world.py), built once per test worker and rolled
    back at the end; each test runs in a savepoint of it."""
    with django_db_blocker.unblock(), transaction.atomic():
        built = build()
        yield built
        transaction.set_rollback(True)
