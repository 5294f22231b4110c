"""The client's IP address, for rate limits (and, later, the access log)."""

import ipaddress

from django.conf import settings

# Where no address can be read (an empty REMOTE_ADDR behind a Unix socket, a forged
# X-Forwarded-For): one shared address, so the limit still holds and nothing fails (the
# rate limiter masks the address as an IP network and would raise on anything else).
UNKNOWN = "0.0.0.0"  # noqa: S104  # nosec B104 - a rate-limit key, not an address to bind


def _valid(value: str) -> str:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return UNKNOWN


def client_ip(request) -> str:
    """REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT reverse proxies the address the
    outermost trusted proxy saw (counted from the right of X-Forwarded-For, so a
    client cannot choose its own address by sending the header itself)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return _valid(forwarded[-proxies])
    return _valid(request.META.get("REMOTE_ADDR", ""))
