"""Issuing and checking complainant links. Tokens have 256 bits; only their hash is stored."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings

from klachtenregeling.core import clock

from .models import ComplainantLink


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(complaint, *, purpose: str) -> str:
    """A new link for the complaint; returns the token (shown once, in the message)."""
    token = secrets.token_urlsafe(32)
    now = clock.now()
    ComplainantLink.objects.create(
        complaint=complaint,
        token_sha256=digest(token),
        created_at=now,
        expires_at=now + timedelta(days=settings.COMPLAINANT_LINK_DAYS),
        purpose=purpose,
    )
    return token


# Issue 16: a link printed on a letter is typed by hand, so it is short and has no
# characters that look alike (0/o, 1/l/i): 12 of 31 characters, about 59 bits. Guessing is
# out of reach at the rate limit of the portal, as for the long tokens.
SHORT_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
SHORT_LENGTH = 12


def issue_short(complaint, *, purpose: str) -> str:
    """A new link for a letter: a short code, stored (like every token) only as its hash."""
    code = "".join(secrets.choice(SHORT_ALPHABET) for _ in range(SHORT_LENGTH))
    now = clock.now()
    ComplainantLink.objects.create(
        complaint=complaint,
        token_sha256=digest(code),
        created_at=now,
        expires_at=now + timedelta(days=settings.COMPLAINANT_LINK_DAYS),
        purpose=purpose,
    )
    return code


def find(token: str) -> ComplainantLink | None:
    """The link for a token, or None for an unknown, malformed, expired or revoked token."""
    if not token or len(token) > 100:
        return None
    link = (
        ComplainantLink.objects.select_related("complaint__organisation")
        .filter(token_sha256=digest(token))
        .first()
    )
    return link if link is not None and is_valid(link) else None


def is_valid(link: ComplainantLink) -> bool:
    return link.revoked_at is None and link.expires_at > clock.now()
