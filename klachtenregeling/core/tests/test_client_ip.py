import pytest
from django.test import RequestFactory

from klachtenregeling.core.client_ip import UNKNOWN, client_ip


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "1.1.1.1", "10.0.0.5"),  # no proxy: the header is the client's, so ignored
        (1, "203.0.113.7", "203.0.113.7"),  # one proxy appended the real client
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # a client's forged entry is ignored
        (2, "6.6.6.6, 203.0.113.7, 10.0.0.9", "203.0.113.7"),
        (2, "203.0.113.7", "10.0.0.5"),  # fewer entries than proxies: do not trust it
    ],
)
def test_client_ip_behind_trusted_proxies(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, "", "", UNKNOWN),  # a Unix socket: no address, one shared key (not a 500)
        (1, "10.0.0.5", "not-an-address", UNKNOWN),
        (1, "10.0.0.5", "2001:db8::1", "2001:db8::1"),
    ],
)
def test_an_address_that_cannot_be_read_is_one_shared_key(
    settings, proxies, remote, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_the_api_limit_holds_without_a_client_address(client, org, officer, settings):
    """Found by the schemathesis run: an empty REMOTE_ADDR made the rate limiter raise (500)."""
    from klachtenregeling.api.tests.test_complaints_api import body, post

    settings.API_ANON_RATE = "1/h"
    statuses = [post(client, body(), REMOTE_ADDR="").status_code for _ in range(2)]
    assert statuses == [201, 429]
