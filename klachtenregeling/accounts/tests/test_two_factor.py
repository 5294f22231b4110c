"""Two-step log-in (Art. 6): password, then a code from an authenticator app or a recovery code.

These tests log in through the real pages with `unverified_client` (a plain Django client);
the shared `client` fixture verifies its sessions and is used only as the signed-in officer.
"""

import re
from base64 import b32decode
from binascii import hexlify

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from klachtenregeling.accounts import two_factor
from klachtenregeling.core.errors import DomainError
from tests import two_factor as test_two_factor
from tests.factories import UserFactory

PASSWORD = "correct horse battery"


def password_step(client, user, next_url=""):
    data = {"username": user.username, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("login"), data)


def shown_secret(response) -> str:
    """The key as the enrolment page shows it for manual entry, back as hexadecimal."""
    text = re.search(rb"data-totp-secret>([A-Z2-7 ]+)<", response.content).group(1).decode()
    b32 = text.replace(" ", "")
    return hexlify(b32decode(b32 + "=" * (-len(b32) % 8))).decode()


def shown_codes(response) -> list[str]:
    return re.findall(r"<li><code>([0-9a-f]{5}-[0-9a-f]{5})</code></li>", response.content.decode())


@pytest.fixture
def enrolled_officer(officer):
    test_two_factor.device_for(officer)
    return officer


# --- who must use it -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("traits", "required"),
    [
        ({"officer": True}, True),
        ({"admin": True}, True),
        ({"is_superuser": True, "is_staff": True}, True),
        ({}, False),
        ({"board": True}, False),
    ],
)
def test_two_factor_is_required_for_officers_admins_and_superusers(db, traits, required):
    assert two_factor.is_required(UserFactory(**traits)) is required


def test_officer_without_an_app_is_sent_to_enrolment_after_the_password(unverified_client, officer):
    response = password_step(unverified_client, officer)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two-factor-setup"))


def test_staff_member_without_an_app_needs_no_code(unverified_client, staff_member):
    response = password_step(unverified_client, staff_member)
    assert response["Location"] == reverse("staff-home")
    assert unverified_client.get(reverse("staff-home")).status_code == 200


def test_staff_member_who_set_up_an_app_must_give_its_code(unverified_client, staff_member):
    device = TOTPDevice.objects.create(
        user=staff_member, key=two_factor.new_secret(), confirmed=True, name="authenticator"
    )
    response = password_step(unverified_client, staff_member)
    assert response["Location"].startswith(reverse("two-factor-verify"))
    assert unverified_client.get(reverse("staff-home"))["Location"].startswith(
        reverse("two-factor-verify")
    )
    response = unverified_client.post(
        reverse("two-factor-verify"), {"code": test_two_factor.code_for(device)}
    )
    assert response["Location"] == reverse("staff-home")
    assert unverified_client.get(reverse("staff-home")).status_code == 200


# --- enrolment -----------------------------------------------------------------------------


def test_enrolment_shows_an_inline_qr_code_and_the_key_then_recovery_codes_once(
    unverified_client, officer
):
    password_step(unverified_client, officer)
    page = unverified_client.get(reverse("two-factor-setup"))
    assert page.status_code == 200
    assert page["Cache-Control"] == "private, no-store"
    html = page.content.decode()
    assert "<svg" in html and 'class="qr-code"' in html  # rendered here, no image service
    assert "<img" not in html
    assert 'href="otpauth://totp/Klachtenregeling%3Aamber?secret=' in html
    key = shown_secret(page)
    assert not TOTPDevice.objects.filter(user=officer).exists()  # nothing stored before confirming

    confirmed = unverified_client.post(
        reverse("two-factor-setup"), {"code": test_two_factor.key_code(key)}
    )
    assert confirmed.status_code == 200
    codes = shown_codes(confirmed)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert confirmed["Cache-Control"] == "private, no-store"
    device = TOTPDevice.objects.get(user=officer)
    assert device.confirmed and device.key == key
    assert StaticToken.objects.filter(device__user=officer).count() == 10
    # The session is verified now: the dashboard opens.
    assert unverified_client.get(reverse("complaints:dashboard")).status_code == 200
    # The same enrolment page no longer shows these codes (they are shown only once).
    assert not shown_codes(unverified_client.get(reverse("account")))


def test_enrolment_with_a_wrong_code_stores_nothing(unverified_client, officer):
    password_step(unverified_client, officer)
    page = unverified_client.get(reverse("two-factor-setup"))
    wrong = test_two_factor.key_code(shown_secret(page), offset_steps=10)
    response = unverified_client.post(reverse("two-factor-setup"), {"code": wrong})
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=officer).exists()
    assert unverified_client.get(reverse("complaints:dashboard")).status_code == 302


def test_a_password_alone_cannot_replace_an_existing_app(unverified_client, enrolled_officer):
    old = TOTPDevice.objects.get(user=enrolled_officer)
    password_step(unverified_client, enrolled_officer)
    response = unverified_client.get(reverse("two-factor-setup"))
    assert response["Location"].startswith(reverse("two-factor-verify"))
    response = unverified_client.post(reverse("two-factor-setup"), {"code": "123456"})
    assert response["Location"].startswith(reverse("two-factor-verify"))
    assert list(TOTPDevice.objects.filter(user=enrolled_officer)) == [old]


# --- the code step -------------------------------------------------------------------------


def test_officer_with_an_app_logs_in_with_its_code_and_returns_to_the_page(
    unverified_client, enrolled_officer
):
    device = TOTPDevice.objects.get(user=enrolled_officer)
    dashboard = reverse("complaints:dashboard")
    response = password_step(unverified_client, enrolled_officer, next_url=dashboard)
    assert response["Location"] == f"{reverse('two-factor-verify')}?next=%2Fwerk%2Fklachten%2F"
    assert unverified_client.get(response["Location"]).status_code == 200
    response = unverified_client.post(
        reverse("two-factor-verify"), {"code": test_two_factor.code_for(device), "next": dashboard}
    )
    assert response["Location"] == dashboard
    assert unverified_client.get(dashboard).status_code == 200


def test_a_code_is_accepted_once(unverified_client, enrolled_officer):
    device = TOTPDevice.objects.get(user=enrolled_officer)
    code = test_two_factor.code_for(device)
    password_step(unverified_client, enrolled_officer)
    unverified_client.post(reverse("two-factor-verify"), {"code": code})
    second = Client()  # a second browser
    password_step(second, enrolled_officer)
    response = second.post(reverse("two-factor-verify"), {"code": code})
    assert response.status_code == 200  # the page again, with the error
    assert second.get(reverse("complaints:dashboard")).status_code == 302


def test_an_unsafe_next_address_is_ignored(unverified_client, enrolled_officer):
    device = TOTPDevice.objects.get(user=enrolled_officer)
    password_step(unverified_client, enrolled_officer)
    response = unverified_client.post(
        reverse("two-factor-verify"),
        {"code": test_two_factor.code_for(device), "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("staff-home")


def test_a_recovery_code_works_once(unverified_client, officer):
    password_step(unverified_client, officer)
    key = shown_secret(unverified_client.get(reverse("two-factor-setup")))
    codes = shown_codes(
        unverified_client.post(reverse("two-factor-setup"), {"code": test_two_factor.key_code(key)})
    )
    unverified_client.post(reverse("logout"))

    password_step(unverified_client, officer)
    response = unverified_client.post(reverse("two-factor-verify"), {"code": codes[0].upper()})
    assert response["Location"] == reverse("staff-home")
    warning = unverified_client.get(reverse("staff-home"), follow=True).content.decode()
    assert "herstelcode gebruikt" in warning and "9" in warning
    unverified_client.post(reverse("logout"))

    password_step(unverified_client, officer)
    again = unverified_client.post(reverse("two-factor-verify"), {"code": codes[0]})
    assert again.status_code == 200
    assert "Deze code klopt niet" in again.content.decode()
    assert StaticToken.objects.filter(device__user=officer).count() == 9


def test_recovery_codes_are_stored_as_a_keyed_hash_and_survive_a_key_rotation(
    unverified_client, enrolled_officer, settings
):
    """ASVS 2.6.3: a copy of the database does not give the codes (nor a way to try all
    2**40 offline without the key); after SECRET_KEY is rotated (the old one moved to
    SECRET_KEY_FALLBACKS) the codes still work."""
    codes = [c.replace("-", "") for c in two_factor._replace_recovery_codes(enrolled_officer)]
    stored = set(
        StaticToken.objects.filter(device__user=enrolled_officer).values_list("token", flat=True)
    )
    assert len(stored) == 10 and not stored & set(codes)
    assert all(code not in token for code in codes for token in stored)

    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-key-after-rotation-" + "x" * 40
    password_step(unverified_client, enrolled_officer)
    response = unverified_client.post(reverse("two-factor-verify"), {"code": codes[3]})
    assert response["Location"] == reverse("staff-home")
    assert StaticToken.objects.filter(device__user=enrolled_officer).count() == 9


def test_wrong_codes_make_the_user_wait(unverified_client, enrolled_officer):
    password_step(unverified_client, enrolled_officer)
    first = unverified_client.post(reverse("two-factor-verify"), {"code": "000000"})
    assert "Deze code klopt niet" in first.content.decode()
    # django-otp's back-off: right after a wrong code even the right one has to wait.
    device = TOTPDevice.objects.get(user=enrolled_officer)
    second = unverified_client.post(
        reverse("two-factor-verify"), {"code": test_two_factor.code_for(device)}
    )
    assert second.status_code == 200
    assert "Te veel verkeerde codes" in second.content.decode()
    device.refresh_from_db()
    assert device.throttling_failure_count == 1


def test_the_code_step_is_rate_limited_per_user(unverified_client, enrolled_officer):
    password_step(unverified_client, enrolled_officer)
    statuses = [
        unverified_client.post(reverse("two-factor-verify"), {"code": f"{n:06d}"}).status_code
        for n in range(6)
    ]
    assert statuses == [200] * 5 + [429]
    assert (
        "Te veel verzoeken"
        in unverified_client.post(reverse("two-factor-verify"), {"code": "1"}).content.decode()
    )


def test_the_code_page_needs_the_password_first(unverified_client):
    response = unverified_client.get(reverse("two-factor-verify"))
    assert response["Location"].startswith(reverse("login"))
    response = unverified_client.get(reverse("two-factor-setup"))
    assert response["Location"].startswith(reverse("login"))


# --- enforcement ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/werk/",
        "/werk/klachten/",
        "/werk/klachten/registreren/",
        "/werk/over-mij/",
        "/werk/account/",
        "/beheer/",
        "/beheer/accounts/user/",
        "/api/v1/openapi.json",
        "/inloggen/",
    ],
)
def test_after_the_password_only_the_code_step_and_log_out_are_reachable(
    unverified_client, enrolled_officer, url
):
    password_step(unverified_client, enrolled_officer)
    response = unverified_client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two-factor-verify"))


def test_an_administrator_is_held_at_enrolment_also_for_beheer(unverified_client, org_admin):
    password_step(unverified_client, org_admin, next_url="/beheer/")
    response = unverified_client.get("/beheer/")
    assert response["Location"] == f"{reverse('two-factor-setup')}?next=%2Fbeheer%2F"


def test_a_half_signed_in_user_can_log_out(unverified_client, enrolled_officer):
    password_step(unverified_client, enrolled_officer)
    response = unverified_client.post(reverse("logout"))
    assert response["Location"] == reverse("login")
    assert "_auth_user_id" not in unverified_client.session


def test_force_login_of_the_shared_client_is_verified(client, unverified_client, officer):
    client.force_login(officer)
    assert client.get(reverse("complaints:dashboard")).status_code == 200
    unverified_client.force_login(officer)
    assert unverified_client.get(reverse("complaints:dashboard")).status_code == 302


# --- the account page ----------------------------------------------------------------------


def test_new_recovery_codes_need_a_current_code_and_replace_the_old_ones(client, officer):
    client.force_login(officer)
    device = TOTPDevice.objects.get(user=officer)
    two_factor._replace_recovery_codes(officer)
    old = set(StaticToken.objects.filter(device__user=officer).values_list("token", flat=True))

    made = client.post(
        reverse("account-recovery-codes"), {"recovery-code": test_two_factor.code_for(device)}
    )
    codes = {c.replace("-", "") for c in shown_codes(made)}
    assert len(codes) == 10
    stored = set(StaticToken.objects.filter(device__user=officer).values_list("token", flat=True))
    assert stored == {two_factor.recovery_code_digest(c) for c in codes}
    assert not stored & old

    refused = client.post(reverse("account-recovery-codes"), {"recovery-code": "000000"})
    assert refused.status_code == 400
    assert not shown_codes(refused)
    assert set(StaticToken.objects.values_list("token", flat=True)) == stored


def test_replacing_the_app_needs_a_code_from_the_new_one(client, officer):
    client.force_login(officer)
    old = TOTPDevice.objects.get(user=officer)
    page = client.get(reverse("two-factor-setup"))
    assert page.status_code == 200
    key = shown_secret(page)
    assert key != old.key
    response = client.post(reverse("two-factor-setup"), {"code": test_two_factor.key_code(key)})
    assert response.status_code == 200
    (new,) = TOTPDevice.objects.filter(user=officer)
    assert new.key == key and new.pk != old.pk
    assert client.get(reverse("complaints:dashboard")).status_code == 200


def test_account_page_shows_the_state_of_two_step_log_in(client, officer, staff_member):
    client.force_login(officer)
    page = client.get(reverse("account")).content.decode()
    assert "Aan:" in page
    client.force_login(staff_member)
    page = client.get(reverse("account")).content.decode()
    assert "Uit:" in page


# --- lost phone and codes ------------------------------------------------------------------


def test_the_platform_administrator_resets_two_step_log_in(admin_client, client, officer):
    client.force_login(officer)  # the officer's own session elsewhere
    response = admin_client.post(
        "/beheer/accounts/user/", {"action": "reset_two_factor", "_selected_action": [officer.pk]}
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=officer).exists()
    assert not StaticToken.objects.filter(device__user=officer).exists()
    assert client.get(reverse("complaints:dashboard"))["Location"].startswith(reverse("login"))


def test_an_organisation_admin_resets_others_but_not_their_own_nor_another_organisations(
    org_admin, enrolled_officer, other_officer
):
    """Issue 17: the organisation's administrator resets it on their own pages (logged,
    accounts/tests/test_staff_pages.py); never their own, nor another organisation's."""
    test_two_factor.device_for(org_admin)
    test_two_factor.device_for(other_officer)
    with pytest.raises(DomainError):
        two_factor.two_factor_reset(user=org_admin, by=org_admin)
    with pytest.raises(DomainError):
        two_factor.two_factor_reset(user=other_officer, by=org_admin)
    assert TOTPDevice.objects.filter(user=org_admin).exists()
    assert TOTPDevice.objects.filter(user=other_officer).exists()
    two_factor.two_factor_reset(user=enrolled_officer, by=org_admin)
    assert not TOTPDevice.objects.filter(user=enrolled_officer).exists()


def test_recovery_codes_made_before_hashing_are_hashed_in_place_and_keep_working(
    enrolled_officer,
):
    """Migration accounts/0004 turns codes stored as themselves into their digest."""
    import importlib
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection
    from django_otp.plugins.otp_static.models import StaticDevice

    migration = importlib.import_module(
        "klachtenregeling.accounts.migrations.0004_recovery_codes_hashed"
    )
    device = StaticDevice.objects.create(user=enrolled_officer, name="codes", confirmed=True)
    StaticToken.objects.create(device=device, token="0123456789")
    migration.hash_existing_codes(apps, SimpleNamespace(connection=connection))
    [token] = StaticToken.objects.filter(device=device)
    assert token.token == two_factor.recovery_code_digest("0123456789")
    verified = two_factor.two_factor_verify(user=enrolled_officer, code="01234-56789")
    assert verified.used_recovery_code


def test_r6_1_the_session_id_is_replaced_at_the_code_step(unverified_client, enrolled_officer):
    """A copy of the cookie taken between the password and the code does not become a
    signed-in officer's session."""
    from django.conf import settings

    device = TOTPDevice.objects.get(user=enrolled_officer)
    password_step(unverified_client, enrolled_officer)
    between = unverified_client.cookies[settings.SESSION_COOKIE_NAME].value
    unverified_client.post(reverse("two-factor-verify"), {"code": test_two_factor.code_for(device)})
    after = unverified_client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != between
    dashboard = reverse("complaints:dashboard")
    assert unverified_client.get(dashboard).status_code == 200
    copy = Client()
    copy.cookies[settings.SESSION_COOKIE_NAME] = between
    assert copy.get(dashboard).status_code == 302  # to the log-in, not the dashboard
