"""The API keys in Django's admin (beheer), for the platform's superuser: made for an
organisation, shown once, revoked after a confirmation. An organisation's administrator has
the same on the own settings pages (test_settings_pages / the access matrix)."""

import re

import pytest

from klachtenregeling.organisations import services
from klachtenregeling.organisations.models import ApiKey, api_key_hash

BASE = "/beheer/organisations/apikey/"


@pytest.fixture
def admin(platform_admin, client, org_admin):
    client.force_login(platform_admin)
    return client


def test_the_key_is_shown_once_after_creation_and_stored_hashed(admin, org):
    assert admin.get(f"{BASE}add/").status_code == 200
    response = admin.post(f"{BASE}add/", {"name": "website", "organisation": org.pk})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    key = re.search(r'value="(kr_[^"]+)"', response.content.decode()).group(1)
    stored = ApiKey.objects.get()
    assert (stored.organisation, stored.name) == (org, "website")
    assert stored.key_hash == api_key_hash(key)
    listing = admin.get(BASE).content.decode()
    assert stored.prefix in listing and key not in listing
    assert key not in admin.get(f"{BASE}{stored.pk}/change/").content.decode()


def test_a_name_is_required(admin):
    response = admin.post(f"{BASE}add/", {"name": ""})
    assert response.status_code == 400
    assert ApiKey.objects.count() == 0


def test_revoking_asks_first_then_revokes(admin, org, org_admin, platform_admin):
    api_key, _key = services.api_key_create(organisation=org, name="website", by=org_admin)
    confirmation = admin.get(f"{BASE}{api_key.pk}/intrekken/")
    assert confirmation.status_code == 200
    assert "website" in confirmation.content.decode()
    api_key.refresh_from_db()
    assert api_key.revoked_at is None
    response = admin.post(f"{BASE}{api_key.pk}/intrekken/")
    assert response.status_code == 302
    api_key.refresh_from_db()
    assert api_key.revoked_at is not None and api_key.revoked_by == platform_admin
