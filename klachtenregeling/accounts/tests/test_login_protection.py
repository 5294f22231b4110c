"""Brute-force protection of the log-in (Art. 6): django-axes per username + address, and a
rate limit per address on the log-in form."""

from datetime import timedelta

from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

PASSWORD = "correct horse battery"
WRONG = "wrong password!"


def attempt(client, username, password=None, ip="10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password or WRONG}, REMOTE_ADDR=ip
    )


def test_five_wrong_passwords_lock_that_username_from_that_address(unverified_client, staff_member):
    for _ in range(4):
        assert attempt(unverified_client, staff_member.username).status_code == 200
    locked = attempt(unverified_client, staff_member.username)
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Inloggen tijdelijk geblokkeerd" in page
    assert "15 minuten" in page
    assert locked["Retry-After"] == "900"
    # Even the right password is refused while the lock lasts.
    right = attempt(unverified_client, staff_member.username, PASSWORD)
    assert right.status_code == 429
    assert "_auth_user_id" not in unverified_client.session


def test_the_lock_is_per_username_and_address(unverified_client, staff_member, board_member):
    for _ in range(5):
        attempt(unverified_client, staff_member.username)
    # The same user from another address, and another user from the same address, log in.
    assert attempt(unverified_client, staff_member.username, PASSWORD, ip="10.9.9.9")[
        "Location"
    ] == reverse("staff-home")
    unverified_client.post(reverse("logout"))
    assert attempt(unverified_client, board_member.username, PASSWORD)["Location"] == reverse(
        "staff-home"
    )


def test_the_lock_ends_after_15_minutes(unverified_client, staff_member):
    for _ in range(5):
        attempt(unverified_client, staff_member.username)
    assert attempt(unverified_client, staff_member.username, PASSWORD).status_code == 429
    # What 15 minutes of waiting leaves in the database: the failures are older than the lock.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=15, seconds=1))
    response = attempt(unverified_client, staff_member.username, PASSWORD)
    assert response["Location"] == reverse("staff-home")


def test_a_successful_log_in_resets_the_count(unverified_client, staff_member):
    for _ in range(4):
        attempt(unverified_client, staff_member.username)
    attempt(unverified_client, staff_member.username, PASSWORD)
    unverified_client.post(reverse("logout"))
    for _ in range(4):
        assert attempt(unverified_client, staff_member.username).status_code == 200


def test_the_log_in_form_is_rate_limited_per_address(unverified_client, db):
    statuses = [attempt(unverified_client, f"user{n}").status_code for n in range(11)]
    assert statuses == [200] * 10 + [429]
    blocked = attempt(unverified_client, "someone")
    assert blocked.status_code == 429
    assert "Te veel verzoeken" in blocked.content.decode()
    # Another address is not affected.
    assert attempt(unverified_client, "someone", ip="10.7.7.7").status_code == 200
