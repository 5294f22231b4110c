"""A signed-in browser for page tests, in English (the msgids) so that the tests do not
depend on the translations."""

from tests.two_factor import VerifiedClient


def browser(user) -> VerifiedClient:
    client = VerifiedClient()
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client
