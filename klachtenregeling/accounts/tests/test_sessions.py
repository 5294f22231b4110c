"""Sessions (Art. 6): they end after 30 minutes without activity; "log out everywhere"."""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from klachtenregeling.accounts import services


def _stored_session(client) -> Session:
    return Session.objects.get(session_key=client.session.session_key)


def test_a_session_ends_after_30_minutes_without_activity(client, officer):
    client.force_login(officer)
    before = timezone.now()
    assert client.get(reverse("complaints:dashboard")).status_code == 200
    # Every request moves the end to 30 minutes after it.
    expires = _stored_session(client).expire_date
    assert before + timedelta(minutes=30) <= expires <= timezone.now() + timedelta(minutes=30)
    # 30 minutes without a request: the stored session has passed its end.
    Session.objects.filter(pk=client.session.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    response = client.get(reverse("complaints:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_log_out_everywhere_ends_the_sessions_on_every_device(client, officer):
    laptop, phone = client, type(client)()
    laptop.force_login(officer)
    phone.force_login(officer)
    assert phone.get(reverse("complaints:dashboard")).status_code == 200

    response = laptop.post(reverse("account-logout-everywhere"))
    assert response["Location"] == reverse("login")
    assert "alle apparaten uitgelogd" in laptop.get(reverse("login")).content.decode()

    for device in (laptop, phone):
        response = device.get(reverse("complaints:dashboard"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    officer.refresh_from_db()
    assert officer.session_generation == 1


def test_a_new_log_in_after_logging_out_everywhere_works(client, officer):
    services.user_logout_everywhere(user=officer)
    client.force_login(officer)
    assert client.get(reverse("complaints:dashboard")).status_code == 200


def test_log_out_everywhere_is_a_post(client, staff_member):
    client.force_login(staff_member)
    assert client.get(reverse("account-logout-everywhere")).status_code == 405
    assert (
        Client().post(reverse("account-logout-everywhere"))["Location"].startswith(reverse("login"))
    )
