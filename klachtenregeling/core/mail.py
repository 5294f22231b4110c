"""The sender of outgoing mail (DEFAULT_FROM_EMAIL) and its domain.

The domain is what SPF, DKIM and DMARC are checked against, and the right-hand side of
every Message-ID. `sender_domain_problem` and `site_url_problem` say why a value cannot be
used for mail on the internet; the deploy checks (core.checks) report them.
"""

import ipaddress
import re
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings

# Names that never resolve on the internet (RFC 2606, RFC 6761, RFC 6762, RFC 8375) and
# the "localdomain" of many distributions.
RESERVED_TOP_LEVEL = {"example", "test", "invalid", "localhost", "local", "internal", "lan"}
LOCAL_NAMES = {"localhost", "localdomain", "localhost.localdomain"}
LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def sender_address() -> str:
    """The bare address of DEFAULT_FROM_EMAIL ("Name <a@b>" is accepted as well)."""
    return parseaddr(settings.DEFAULT_FROM_EMAIL or "")[1]


def sender_domain() -> str:
    """The domain of the sender address, lower case; "" when there is none."""
    local, at, domain = sender_address().rpartition("@")
    return domain.strip().rstrip(".").lower() if at and local else ""


def _idna(domain: str) -> str | None:
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        return None


def ascii_domain(domain: str) -> str:
    """`domain` as it is written in a header (IDNA); "invalid" if it cannot be written."""
    return _idna(domain) or "invalid"


def _ip(host: str):
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def sender_domain_problem(domain: str) -> str:
    """Why mail from `domain` cannot pass SPF, DKIM and DMARC; "" when it can."""
    if not domain:
        return "no domain"
    if _ip(domain) is not None:
        return "an IP address, not a domain name"
    if domain in LOCAL_NAMES or domain.endswith(".localhost"):
        return "a name of the local machine"
    written = _idna(domain)
    if written is None or not all(LABEL.match(label) for label in written.split(".")):
        return "not a valid domain name"
    labels = written.split(".")
    if len(labels) < 2:
        return "not a fully qualified domain name"
    if labels[-1] in RESERVED_TOP_LEVEL or "example" in labels:
        return "a reserved name (example.*, .test, .local, ...) that has no DNS records"
    return ""


def _local(host: str, address) -> bool:
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return True
    return address is not None and (address.is_loopback or address.is_unspecified)


def site_url_problem(url: str) -> str:
    """Why links in mails to `url` would not reach the recipient safely; "" when they do."""
    parts = urlsplit(url or "")
    problems = []
    if parts.scheme != "https":
        problems.append("it does not start with https://")
    host = (parts.hostname or "").rstrip(".").lower()
    address = _ip(host)
    if not host:
        problems.append("it has no host name")
    elif _local(host, address):
        problems.append("it points at the local machine")
    return " and ".join(problems)
