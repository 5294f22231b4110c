import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    """The checks' titles and messages are compared in English (the msgids); pages are asked
    for in English too (the language cookie), whatever language an earlier test left active."""
    with translation.override("en"):
        yield


@pytest.fixture
def client(client):
    client.cookies["django_language"] = "en"
    return client
