"""Messages about a staff user's account (issue 17): the invitation with a link to set a
password, and a link to set a new one (asked by the user, or sent by the administrator).

The link is Django's password-reset link (a token that stops working once used, or after
PASSWORD_RESET_TIMEOUT); the mail says until when."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from klachtenregeling.audit.constants import ActorRole
from klachtenregeling.core import clock

from . import outbox
from .constants import MessageKind


def set_password_url(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.SITE_URL + reverse("password-set", args=[uid, token])


def _context(user) -> dict:
    return {
        "recipient_name": user.display_name,
        "username": user.username,
        "url": set_password_url(user),
        "valid_until": clock.now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT),
        "login_url": settings.SITE_URL + reverse("login"),
    }


def _send(user, kind: str, context: dict):
    return outbox.enqueue(
        organisation=user.organisation,
        kind=kind,
        to_email=user.email,
        recipient_role=ActorRole.ADMIN if user.is_org_admin else ActorRole.OFFICER,
        language=user.language or settings.LANGUAGE_CODE,
        context=context,
    )


def staff_invitation(user, *, by):
    return _send(user, MessageKind.STAFF_INVITATION, {**_context(user), "by_name": by.display_name})


def password_link(user):
    return _send(user, MessageKind.PASSWORD_LINK, _context(user))
