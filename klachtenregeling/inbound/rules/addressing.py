"""The keyed reply address of a complaint: `klachten+KL-2026-0042.<key>@example.nl`.

Every outgoing message of a complaint carries it as Reply-To (plus-addressing). The key is
an HMAC of the organisation and the reference with the SECRET_KEY, so a stranger cannot
make a valid address for a complaint by typing its reference (README, "E-mail").
"""

import hmac
import re

from django.utils.crypto import salted_hmac

SALT = "klachtenregeling.inbound.reply-address"
KEY_LENGTH = 10
REFERENCE = re.compile(r"\bKL-(\d{4})-(\d{4,})\b", re.IGNORECASE)
_PLUS = re.compile(
    r"^(?P<local>[^+@]+)\+(?P<reference>KL-\d{4}-\d{4,})\.(?P<key>[0-9a-f]+)@(?P<domain>.+)$",
    re.IGNORECASE,
)


def _key(organisation_id: int, reference: str) -> str:
    return salted_hmac(SALT, f"{organisation_id}:{reference.upper()}").hexdigest()[:KEY_LENGTH]


def reply_address(*, mailbox_address: str, organisation_id: int, reference: str) -> str:
    local, _at, domain = mailbox_address.partition("@")
    return f"{local}+{reference}.{_key(organisation_id, reference)}@{domain}"


def reference_from_address(address: str, *, mailbox_address: str, organisation_id: int) -> str:
    """The reference a keyed reply address names, if its key is right; else ""."""
    match = _PLUS.match((address or "").strip())
    if not match:
        return ""
    local, _at, domain = mailbox_address.lower().partition("@")
    if match["local"].lower() != local or match["domain"].lower() != domain:
        return ""
    reference = match["reference"].upper()
    if not hmac.compare_digest(match["key"].lower(), _key(organisation_id, reference)):
        return ""
    return reference


def mentioned_reference(subject: str) -> str:
    """A reference typed in a subject: shown to the officer, never trusted."""
    match = REFERENCE.search(subject or "")
    return f"KL-{match.group(1)}-{match.group(2)}" if match else ""
