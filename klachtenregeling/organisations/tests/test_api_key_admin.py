"""The API keys in the back-office (beheer): made by the organisation's administrator,
shown once, revoked after a confirmation; another organisation's keys stay out of sight."""

import re

import pytest

from klachtenregeling.organisations import services
from klachtenregeling.organisations.models import ApiKey, api_key_hash
from tests.factories import OrganisationFactory, UserFactory

BASE = "/beheer/organisations/apikey/"


@pytest.fixture
def admin(client, org_admin):
    client.force_login(org_admin)
    return client


def test_the_key_is_shown_once_after_creation_and_stored_hashed(admin, org):
    assert admin.get(f"{BASE}add/").status_code == 200
    response = admin.post(f"{BASE}add/", {"name": "website"})
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


def test_revoking_asks_first_then_revokes(admin, org, org_admin):
    api_key, _key = services.api_key_create(organisation=org, name="website", by=org_admin)
    confirmation = admin.get(f"{BASE}{api_key.pk}/intrekken/")
    assert confirmation.status_code == 200
    assert "website" in confirmation.content.decode()
    api_key.refresh_from_db()
    assert api_key.revoked_at is None
    response = admin.post(f"{BASE}{api_key.pk}/intrekken/")
    assert response.status_code == 302
    api_key.refresh_from_db()
    assert api_key.revoked_at is not None and api_key.revoked_by == org_admin


def test_another_organisations_keys_are_out_of_reach(admin):
    elsewhere = OrganisationFactory(name="Elders", slug="elders")
    their_admin = UserFactory(organisation=elsewhere, admin=True, username="els")
    theirs, _key = services.api_key_create(
        organisation=elsewhere, name="Webwinkel-koppeling", by=their_admin
    )
    assert "Webwinkel-koppeling" not in admin.get(BASE).content.decode()
    response = admin.post(f"{BASE}{theirs.pk}/intrekken/")
    assert response.status_code == 302 and response["Location"] == "/beheer/"
    theirs.refresh_from_db()
    assert theirs.revoked_at is None
