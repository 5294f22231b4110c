"""Issue 17: the administrator's own settings pages; R-4.1: a change that alters the
published regulation is shown (the changed sentences) and confirmed before it is saved."""

import pytest

from klachtenregeling.organisations.models import LogAction, OrganisationLogEntry
from klachtenregeling.regulation import selectors as regulation
from klachtenregeling.regulation import services as publishing
from klachtenregeling.regulation.tests.conftest import organisation_form

SETTINGS = "/werk/instellingen/organisatie/"


@pytest.fixture
def admin_client(client, org_admin):
    client.force_login(org_admin)
    return client


@pytest.fixture
def published(org, officer):
    return publishing.regulation_publish(organisation=org).version


def test_settings_index_and_pages_are_the_administrators(admin_client, client, officer, org):
    for url in ("/werk/instellingen/", SETTINGS, "/werk/instellingen/logboek/"):
        assert admin_client.get(url).status_code == 200
    client.force_login(officer)
    assert client.get("/werk/instellingen/").status_code == 404


def test_r4_1_term_change_shows_the_changed_sentences_and_applies_to_new_complaints(
    admin_client, org, published
):
    page = admin_client.post(SETTINGS, organisation_form(org, term_days=21))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Controleer de wijziging van de klachtenregeling" in html
    assert "21 dagen" in html and "28 dagen" in html  # the sentence before and after
    assert "geldt voor nieuwe klachten" in html
    org.refresh_from_db()
    assert org.term_days == 28  # nothing saved before the confirmation
    assert regulation.current_version(org).number == published.number

    confirmed = admin_client.post(
        SETTINGS, {**organisation_form(org, term_days=21), "confirm": str(published.number)}
    )
    assert confirmed.status_code == 302
    org.refresh_from_db()
    assert org.term_days == 21
    version = regulation.current_version(org)
    assert version.number == published.number + 1
    shown = admin_client.get(confirmed["Location"]).content.decode()
    assert f"Versie {version.number} van de klachtenregeling is nu gepubliceerd" in shown


def test_r4_1_back_to_the_form_keeps_what_was_typed(admin_client, org, published):
    page = admin_client.post(SETTINGS, {**organisation_form(org, term_days=21), "edit": "1"})
    assert page.status_code == 200
    assert 'value="21"' in page.content.decode()
    org.refresh_from_db()
    assert org.term_days == 28


def test_r4_1_a_confirmation_of_an_older_version_is_shown_again(admin_client, org, published):
    data = {**organisation_form(org, term_days=21), "confirm": str(published.number - 1)}
    page = admin_client.post(SETTINGS, data)
    assert page.status_code == 200
    assert "Controleer de wijziging" in page.content.decode()
    org.refresh_from_db()
    assert org.term_days == 28


def test_a_change_outside_the_regulation_is_saved_at_once_and_logged(
    admin_client, org, org_admin, published
):
    response = admin_client.post(SETTINGS, organisation_form(org, reminder_days=3))
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.reminder_days == 3
    assert regulation.current_version(org).number == published.number
    entry = OrganisationLogEntry.objects.get(organisation=org)
    assert entry.action == LogAction.SETTINGS_CHANGED
    assert entry.actor == org_admin
    assert entry.changes == [{"field": "reminder_days", "before": 5, "after": 3}]
    log = admin_client.get("/werk/instellingen/logboek/").content.decode()
    assert "5 → 3" in log
    assert org_admin.display_name in log


def test_bad_input_is_refused_with_a_dutch_message_and_nothing_saved(admin_client, org):
    page = admin_client.post(SETTINGS, organisation_form(org, term_days=0))
    assert page.status_code == 400
    assert "Zorg ervoor dat deze waarde minstens 1 is" in page.content.decode()
    org.refresh_from_db()
    assert org.term_days == 28
    assert not OrganisationLogEntry.objects.exists()


def test_subject_changes_are_in_the_organisation_log(admin_client, org, org_admin):
    admin_client.post("/werk/registratie/onderwerpen/toevoegen/", {"subject-new-name": "Factuur"})
    entry = OrganisationLogEntry.objects.get(organisation=org)
    assert (entry.action, entry.subject) == (LogAction.SUBJECT_ADDED, "Factuur")


def test_api_keys_are_made_and_revoked_on_the_own_pages_and_logged(admin_client, org):
    page = admin_client.post("/werk/instellingen/api-sleutels/nieuw/", {"name": "website"})
    assert page.status_code == 200
    assert page["Cache-Control"] == "private, no-store"
    key = org.api_keys.get()
    assert key.prefix in page.content.decode()
    response = admin_client.post(f"/werk/instellingen/api-sleutels/{key.pk}/intrekken/")
    assert response.status_code == 302
    key.refresh_from_db()
    assert key.revoked_at is not None
    assert list(
        OrganisationLogEntry.objects.filter(organisation=org).values_list("action", flat=True)
    ) == [LogAction.API_KEY_REVOKED, LogAction.API_KEY_CREATED]
