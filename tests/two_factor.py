"""Test helpers for the second factor: a confirmed authenticator device and its current code."""

import time

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from klachtenregeling.accounts import two_factor


def device_for(user) -> TOTPDevice | None:
    """The user's confirmed app; one is made for users who must have one (test set-up only)."""
    device = two_factor.totp_device(user)
    if device is None and two_factor.is_required(user):
        device = TOTPDevice.objects.create(
            user=user,
            name="authenticator",
            key=two_factor.new_secret(),
            confirmed=True,
            tolerance=two_factor.TOLERANCE,
        )
    return device


def code_for(device: TOTPDevice) -> str:
    """What the app shows: the code of the current time step — or of the next one when the
    current code was used already (django-otp accepts each step once, and one step ahead)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    now = totp.t()
    if device.last_t >= now + two_factor.TOLERANCE:
        raise AssertionError("both codes of this half minute were used; log in less often")
    if device.last_t >= now:
        totp.time += device.step
    return f"{totp.token():06d}"


def key_code(key_hex: str, *, offset_steps: int = 0) -> str:
    """The code an app would show for a TOTP key (hexadecimal), `offset_steps` from now."""
    from binascii import unhexlify

    totp = TOTP(unhexlify(key_hex))
    totp.time = time.time() + offset_steps * 30
    return f"{totp.token():06d}"


class VerifiedClient(Client):
    """A test client whose force_login() also passes the second factor, as the code page
    would: officers, administrators and superusers get a confirmed authenticator app (made
    when missing) and the session is marked verified with it (what django_otp.login does)."""

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        device = device_for(user)
        if device is not None:
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()
