"""Two-factor authentication for staff (Art. 6): an authenticator app (TOTP) and recovery codes.

Required for officers, organisation administrators and superusers — they see complaints
or decide who does; optional for other staff. After the password a signed-in user who
must use it is held at the code page (or, without an app yet, at the enrolment page) by
`middleware.TwoFactorMiddleware` until the session is verified (`django_otp.login`).

The functions that change devices are the only writers of django-otp's tables.
"""

import re
import secrets
import time
from base64 import b32encode, urlsafe_b64encode
from binascii import unhexlify
from dataclasses import dataclass

import segno
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from klachtenregeling.core.errors import DomainError, InvalidInput

from . import policies
from .services import user_logout_everywhere

TOTP_CODE = re.compile(r"^\d{6}$")
# A recovery code: 10 hexadecimal characters (40 bits), shown as two groups of five.
RECOVERY_CODE = re.compile(r"^[0-9a-f]{10}$")
# Codes from one step before or after now are accepted (clocks of phones drift).
TOLERANCE = 1
RECOVERY_SALT = "klachtenregeling.two_factor.recovery_code"
WRONG_APP_CODE = _("This code is not right. Enter the code your app shows now.")


class Throttled(DomainError):
    """Too many wrong codes in a row: django-otp makes the user wait, doubling each time."""


def is_required(user) -> bool:
    """Officers, organisation administrators and superusers must use a second factor."""
    return bool(user.is_superuser or user.is_officer or user.is_org_admin)


def totp_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first()


def has_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def must_verify(user) -> bool:
    """A signed-in user must give a code: the role requires it, or they set up an app."""
    return is_required(user) or has_device(user)


def pending_step_url(user, next_url: str = "") -> str | None:
    """Where an unverified session of `user` has to go next, or None when it may go on."""
    if has_device(user):
        name = "two-factor-verify"
    elif is_required(user):
        name = "two-factor-setup"
    else:
        return None
    url = reverse(name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


# --- enrolment ---------------------------------------------------------------------------


def new_secret() -> str:
    """A fresh TOTP key (20 random bytes, hexadecimal), kept in the session until confirmed."""
    return random_hex(20)


@dataclass(frozen=True)
class Enrolment:
    """What the enrolment page shows: a QR code and the same secret as text."""

    qr_svg: str
    secret_text: str
    uri: str


def enrolment(user, key_hex: str) -> Enrolment:
    device = TOTPDevice(user=user, key=key_hex, name="authenticator")
    uri = device.config_url
    secret = b32encode(unhexlify(key_hex)).decode().rstrip("=")
    qr = segno.make(uri, error="m")
    svg = qr.svg_inline(
        scale=5, border=2, light="#fff", dark="#000", svgclass="qr-code", title=str(_("QR code"))
    )
    return Enrolment(
        qr_svg=svg,
        secret_text=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        uri=uri,
    )


def _normalised(code: str) -> str:
    return re.sub(r"[\s-]", "", code or "").lower()


def _totp_matches(key_hex: str, code: str) -> int | None:
    """The time step at which `code` is valid for the key (within the tolerance), or None."""
    code = _normalised(code)
    if not TOTP_CODE.match(code):
        return None
    totp = TOTP(unhexlify(key_hex), step=30, t0=0, digits=6)
    totp.time = time.time()
    if totp.verify(int(code), tolerance=TOLERANCE):
        return totp.t()
    return None


def two_factor_enrol(*, user, key_hex: str, code: str) -> tuple[TOTPDevice, list[str]]:
    """Confirm a new authenticator app with a code from it; it replaces any earlier app.

    Returns the device and a fresh set of recovery codes (shown once).
    """
    step = _totp_matches(key_hex, code)
    if step is None:
        raise InvalidInput({"code": [WRONG_APP_CODE]})
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(
            user=user,
            name="authenticator",
            key=key_hex,
            confirmed=True,
            tolerance=TOLERANCE,
            last_t=step,  # the confirmation code cannot be used again
        )
        codes = _replace_recovery_codes(user)
    return device, codes


def two_factor_reset(*, user, by) -> None:
    """The organisation's administrator (or the platform administrator) removes a user's app
    and recovery codes (phone and codes lost); every session of the user ends, and the next
    log-in (with the user's own password) starts with enrolment. In the organisation log.
    Nobody resets their own: they use a recovery code, or ask another administrator."""
    allowed = by.is_active and (
        by.is_superuser or policies.can(by, policies.STAFF_USER_MANAGE, user)
    )
    if not allowed or by.pk == user.pk:
        raise DomainError(
            _("Only another administrator of your organisation can reset your two-step log-in.")
            if by.pk == user.pk
            else _("Only an administrator of the organisation can reset two-step log-in.")
        )
    from klachtenregeling.organisations import log
    from klachtenregeling.organisations.models import LogAction

    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        user_logout_everywhere(user=user)
        if user.organisation_id:
            log.record(
                organisation=user.organisation,
                by=by,
                action=LogAction.TWO_FACTOR_RESET,
                subject=user.display_name,
                model="user",
            )


# --- recovery codes ----------------------------------------------------------------------


def recovery_code_digest(code: str, secret: str | None = None) -> str:
    """What is stored of a recovery code: a keyed hash (HMAC-SHA256 with the SECRET_KEY,
    96 bits, fitting django-otp's 16-character token column). A database copy alone then
    does not give the codes, nor lets one try the 2**40 of them offline."""
    mac = salted_hmac(RECOVERY_SALT, code, secret=secret, algorithm="sha256").digest()
    return urlsafe_b64encode(mac[:12]).decode()


def _recovery_digests(code: str) -> list[str]:
    """The digest under the current key and under each older one (SECRET_KEY_FALLBACKS),
    so rotating the key does not lock people out of their recovery codes."""
    secrets_in_use = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [recovery_code_digest(code, secret) for secret in secrets_in_use]


def _replace_recovery_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    codes = [secrets.token_hex(5) for _ in range(settings.TWO_FACTOR_RECOVERY_CODES)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=recovery_code_digest(c)) for c in codes
    )
    return [f"{c[:5]}-{c[5:]}" for c in codes]


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def recovery_codes_regenerate(*, user, code: str) -> list[str]:
    """New recovery codes (the old ones stop working), after a current code from the app."""
    device = totp_device(user)
    if device is None:
        raise DomainError(_("Set up an authenticator app first."))
    with transaction.atomic():  # a wrong code is counted (throttling) and nothing else changes
        verified = _verify_on(TOTPDevice, user, _normalised(code))
    if verified is None:
        raise InvalidInput({"code": [WRONG_APP_CODE]})
    with transaction.atomic():
        return _replace_recovery_codes(user)


# --- verification ------------------------------------------------------------------------


def _verify_on(model, user, code: str):
    """Check `code` on the user's confirmed devices of one kind, locked against a parallel try."""
    for device in model.objects.filter(user=user, confirmed=True).select_for_update():
        allowed, details = device.verify_is_allowed()
        if not allowed:
            wait = (details or {}).get("locked_until")
            seconds = max(1, int((wait - timezone.now()).total_seconds()) + 1) if wait else 60
            raise Throttled(
                _("Too many wrong codes. Wait %(seconds)s seconds and try again.")
                % {"seconds": seconds},
                field="code",
            )
        if device.verify_token(_stored_form(device, code)):
            return device
    return None


def _stored_form(device, code: str) -> str:
    """A recovery code is compared as its digest (the one under the key it was made with);
    an app's code as it is."""
    if not isinstance(device, StaticDevice):
        return code
    digests = _recovery_digests(code)
    made_with = device.token_set.filter(token__in=digests).values_list("token", flat=True)
    return made_with.first() or digests[0]


@dataclass(frozen=True)
class Verified:
    device: object
    used_recovery_code: bool
    recovery_codes_left: int


def two_factor_verify(*, user, code: str) -> Verified:
    """Accept a code from the app or an unused recovery code (which is then used up)."""
    code = _normalised(code)
    if TOTP_CODE.match(code):
        model = TOTPDevice
    elif RECOVERY_CODE.match(code):
        model = StaticDevice
    else:
        raise InvalidInput({"code": [_("Enter the six digits from your app, or a recovery code.")]})
    # The throttling counters of django-otp must be saved even when the code is wrong.
    with transaction.atomic():
        device = _verify_on(model, user, code)
    if device is None:
        raise InvalidInput({"code": [_("This code is not right. Try again.")]})
    return Verified(
        device=device,
        used_recovery_code=model is StaticDevice,
        recovery_codes_left=recovery_codes_left(user),
    )
