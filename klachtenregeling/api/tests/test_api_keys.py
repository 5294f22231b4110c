"""API keys per organisation, the limits as settings, Retry-After, the 400 for a body that
is not JSON and the limits stated in the OpenAPI document (issue 15, item 3)."""

import importlib
import json

import pytest

from config import env
from klachtenregeling.complaints.constants import MAX_DESCRIPTION_LENGTH, MAX_SHORT_TEXT_LENGTH
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.complaints.rules.intake import MAX_NAME_LENGTH, MAX_PHONE_LENGTH
from klachtenregeling.complaints.uploads import MAX_FILENAME_LENGTH
from klachtenregeling.core.errors import InvalidInput, NotPermitted
from klachtenregeling.organisations import services
from klachtenregeling.organisations.models import ApiKey, api_key_hash

from .test_complaints_api import URL, body, post


@pytest.fixture
def api_key(org, org_admin):
    return services.api_key_create(organisation=org, name="website", by=org_admin)


def with_key(key: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_a_key_is_shown_once_and_stored_hashed(org, org_admin):
    row, key = services.api_key_create(organisation=org, name="website", by=org_admin)
    assert key.startswith("kr_") and len(key) >= 40
    stored = ApiKey.objects.get(pk=row.pk)
    assert stored.key_hash == api_key_hash(key) != key
    assert stored.prefix == key[:11]
    assert key not in json.dumps(list(ApiKey.objects.values()), default=str)
    assert stored.created_by == org_admin and stored.scope == "complaints.submit"


def test_only_the_organisations_admin_makes_and_revokes_keys(
    org, officer, other_org, other_officer, api_key
):
    with pytest.raises(NotPermitted):
        services.api_key_create(organisation=org, name="website", by=officer)
    with pytest.raises(NotPermitted):
        services.api_key_revoke(api_key=api_key[0], by=other_officer)
    with pytest.raises(InvalidInput):
        services.api_key_create(organisation=org, name="  ", by=api_key[0].created_by)


def test_with_a_key_the_organisation_is_the_keys(client, org, officer, other_org, api_key):
    data = body()
    del data["organisation"]
    response = post(client, data, **with_key(api_key[1]))
    assert response.status_code == 201
    assert Complaint.objects.get().organisation == org
    same = post(client, body(), **with_key(api_key[1]))
    assert same.status_code == 201


def test_a_key_with_another_organisation_in_the_body_is_refused(
    client, org, officer, other_org, api_key
):
    response = post(client, body(organisation=other_org.slug), **with_key(api_key[1]))
    assert response.status_code == 422
    assert "organisation" in response.json()["errors"]
    assert Complaint.objects.count() == 0


def test_without_a_key_the_organisation_is_required(client, org, officer):
    data = body()
    del data["organisation"]
    response = post(client, data)
    assert response.status_code == 422
    assert "organisation" in response.json()["errors"]


@pytest.mark.parametrize("key", ["revoked", "kr_unknown", "nonsense"])
def test_a_revoked_or_unknown_key_is_refused(client, org, org_admin, officer, api_key, key):
    if key == "revoked":
        services.api_key_revoke(api_key=api_key[0], by=org_admin)
        key = api_key[1]
    response = post(client, body(), **with_key(key))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert "detail" in response.json()
    assert Complaint.objects.count() == 0


def test_limits_are_settings_keys_have_their_own_and_every_429_says_when(
    client, org, officer, api_key, settings
):
    settings.API_ANON_RATE = "2/h"
    settings.API_KEY_RATE = "3/h"
    anonymous = [post(client, body()) for _ in range(3)]
    assert [r.status_code for r in anonymous] == [201, 201, 429]
    assert 1 <= int(anonymous[2]["Retry-After"]) <= 3600
    # The website server behind the same address files with its key: its own limit.
    keyed = [post(client, body(), **with_key(api_key[1])) for _ in range(4)]
    assert [r.status_code for r in keyed] == [201, 201, 201, 429]
    assert 1 <= int(keyed[3]["Retry-After"]) <= 3600
    assert Complaint.objects.count() == 5


def test_rates_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("API_ANON_RATE", "50/h")
    monkeypatch.setenv("API_KEY_RATE", "5000/h")
    try:
        reloaded = importlib.reload(env)
        assert (reloaded.API_ANON_RATE, reloaded.API_KEY_RATE) == ("50/h", "5000/h")
        monkeypatch.delenv("API_ANON_RATE")
        monkeypatch.delenv("API_KEY_RATE")
        reloaded = importlib.reload(env)
        assert (reloaded.API_ANON_RATE, reloaded.API_KEY_RATE) == ("20/h", "1000/h")
    finally:
        importlib.reload(env)


@pytest.mark.parametrize("raw", [b"{not json", b"\xff\xfe", b'{"organisation": '])
def test_a_body_that_is_not_json_is_a_documented_400_in_the_error_shape(client, org, raw):
    response = client.post(URL, data=raw, content_type="application/json")
    assert response.status_code == 400
    assert list(response.json()) == ["errors"]
    assert "body" in response.json()["errors"]
    operation = client.get("/api/v1/openapi.json").json()["paths"][URL]["post"]
    assert "400" in operation["responses"]


def test_a_staff_id_beyond_any_database_id_is_refused_not_a_500(client, org, officer):
    response = post(client, body(respondent_id=10**20))
    assert response.status_code == 422
    assert "respondent_id" in response.json()["errors"]


def test_the_openapi_document_states_the_limits_of_the_validation(client):
    document = client.get("/api/v1/openapi.json").json()
    schemas = document["components"]["schemas"]
    complaint = schemas["ComplaintIn"]["properties"]
    assert complaint["description"]["maxLength"] == MAX_DESCRIPTION_LENGTH
    assert complaint["desired_outcome"]["maxLength"] == MAX_SHORT_TEXT_LENGTH
    assert complaint["on_behalf_of"]["maxLength"] == MAX_NAME_LENGTH
    assert (complaint["concerns"]["minItems"], complaint["concerns"]["maxItems"]) == (1, 5)
    assert complaint["attachments"]["maxItems"] == 5
    assert complaint["language"]["enum"] == ["nl", "en"]
    complainant = schemas["ComplainantIn"]["properties"]
    assert complainant["name"]["maxLength"] == MAX_NAME_LENGTH
    assert complainant["phone"]["maxLength"] == MAX_PHONE_LENGTH
    assert complainant["email"]["format"] == "email"
    # Article 2: the engagement's number or its description.
    assert {tuple(option["required"]) for option in schemas["ComplaintIn"]["anyOf"]} == {
        ("engagement_reference",),
        ("engagement_description",),
    }
    attachment = schemas["AttachmentIn"]["properties"]
    assert attachment["filename"]["maxLength"] == MAX_FILENAME_LENGTH
    assert attachment["filename"]["pattern"] and attachment["content_base64"]["minLength"] == 4
    assert "application/pdf" in attachment["content_base64"]["description"]
    operation = document["paths"][URL]["post"]
    assert {"400", "401", "422", "429"} <= set(operation["responses"])
    # The key is optional: with it, or without any (anonymous).
    assert {} in operation["security"] and {"OrganisationKey": []} in operation["security"]
