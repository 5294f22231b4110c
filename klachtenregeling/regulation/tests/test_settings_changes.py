"""R-4.1: what is published and what is enforced never differ.

Every change in the back-office of a value the regulation states publishes a new
version in the same transaction — or is refused with the publication check's reasons.
"""

from datetime import date

from django.urls import reverse

from klachtenregeling.regulation import selectors, services
from klachtenregeling.regulation.constants import Article
from klachtenregeling.regulation.rules.publication import Wording
from klachtenregeling.regulation.selectors import default_wording

from .conftest import organisation_form, organisation_url, pdf_text


def test_r4_1_term_change_changes_page_and_deadline(
    platform_admin, client, org, officer, org_admin, submit, at
):
    with at("2026-03-02 09:00"):
        services.regulation_publish(organisation=org, by=org_admin)
    client.force_login(platform_admin)
    with at("2026-03-02 10:00"):
        response = client.post(organisation_url(org), organisation_form(org, term_days=42))
    assert response.status_code == 302, response.context["adminform"].form.errors

    org.refresh_from_db()
    version = selectors.current_version(org)
    assert (org.term_days, version.number, version.term_days) == (42, 2, 42)
    assert version.reason == "Instellingen gewijzigd"
    page = client.get(reverse("regulation:page", args=[org.slug])).content.decode()
    assert "binnen zes weken (42 dagen) na ontvangst" in page
    assert "vier weken" not in page
    pdf = pdf_text(client.get(reverse("regulation:pdf", args=[org.slug])).content)
    assert "zes weken (42 dagen)" in pdf
    assert "Versie 2, gepubliceerd op 2 maart 2026" in pdf
    home = client.get(reverse("organisation-home", args=[org.slug])).content.decode()
    assert "binnen 42 dagen" in home

    with at("2026-03-03 11:00"):
        complaint = submit()
    assert complaint.deadline == date(2026, 4, 14)  # 3 March + 42 days
    assert complaint.regulation_version == version


def test_r4_1_term_change_refused_while_the_text_states_another_term(
    platform_admin, client, org, officer, org_admin
):
    services.regulation_publish(organisation=org, by=org_admin)
    # A term typed into the wording is allowed while it matches the setting ...
    body = default_wording(Article.PROCEDURE, "nl").body + "\n8. Reken dus op vier weken."
    services.article_update(
        organisation=org,
        article=Article.PROCEDURE,
        wordings={"nl": Wording("Interne klachtprocedure", body)},
        by=org_admin,
    )
    # ... but then the term cannot change until the wording is fixed.
    client.force_login(platform_admin)
    response = client.post(organisation_url(org), organisation_form(org, term_days=42))
    assert response.status_code == 200  # the form again, nothing stored
    [message] = response.context["adminform"].form.errors["term_days"]
    assert message == (
        "Artikel 5 (Interne klachtprocedure), de Nederlandse tekst: de tekst noemt de termijn "
        "“vier weken”, maar de termijn voor een oordeel is 42 dagen. Schrijf {termijn} in "
        "plaats van een vaste termijn."
    )
    org.refresh_from_db()
    assert org.term_days == 28
    assert selectors.current_version(org).number == 2


def test_r4_1_r4_2_disputes_body_address_is_checked_before_it_is_saved(
    platform_admin, client, org, officer, org_admin
):
    services.regulation_publish(organisation=org, by=org_admin)
    client.force_login(platform_admin)
    response = client.post(
        organisation_url(org), organisation_form(org, disputes_body_address="nog in te vullen")
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["disputes_body_address"] == [
        "Het adres van de geschillencommissie bevat “nog in te vullen”, dat lijkt op een "
        "redactionele notitie."
    ]
    org.refresh_from_db()
    assert org.disputes_body_address == "Postbus 90600, 2509 LP Den Haag"


def test_r4_2_disputes_body_change_is_published_at_once(
    platform_admin, client, org, officer, org_admin
):
    services.regulation_publish(organisation=org, by=org_admin)
    client.force_login(platform_admin)
    response = client.post(
        organisation_url(org),
        organisation_form(
            org,
            disputes_body_name="Stichting Klachtenbeslechting",
            disputes_body_address="Postbus 1, 3500 AA Utrecht",
            disputes_body_url="https://klachtenbeslechting.example",
        ),
    )
    assert response.status_code == 302
    page = client.get(reverse("regulation:page", args=[org.slug])).content.decode()
    assert "Stichting Klachtenbeslechting, Postbus 1, 3500 AA Utrecht" in page
    assert 'href="https://klachtenbeslechting.example"' in page


def test_r4_1_settings_change_freely_before_the_first_publication(
    platform_admin, client, org, officer, org_admin
):
    client.force_login(platform_admin)
    response = client.post(
        organisation_url(org), organisation_form(org, disputes_body_address="nog in te vullen")
    )
    assert response.status_code == 302
    assert selectors.current_version(org) is None


def test_r4_1_a_new_officer_is_named_in_a_new_version(
    platform_admin, client, org, officer, org_admin
):
    services.regulation_publish(organisation=org, by=org_admin)
    client.force_login(platform_admin)
    response = client.post(
        reverse("beheer:accounts_user_add"),
        {
            "organisation": org.pk,
            "username": "bram",
            "first_name": "Bram",
            "last_name": "Jansen",
            "email": "bram@example.org",
            "is_officer": "on",
            "is_employee": "on",
            "password1": "een lang wachtwoord 42",
            "password2": "een lang wachtwoord 42",
        },
    )
    assert response.status_code == 302
    version = selectors.current_version(org)
    assert version.number == 2
    assert version.reason == "Klachtenfunctionarissen gewijzigd"
    assert "Bram Jansen (bram@example.org)" in version.text


def test_r4_1_the_last_officer_cannot_go_while_the_regulation_names_one(
    platform_admin, client, org, officer, org_admin
):
    services.regulation_publish(organisation=org, by=org_admin)
    client.force_login(platform_admin)
    url = reverse("beheer:accounts_user_change", args=[officer.pk])
    response = client.post(
        url,
        {
            "username": officer.username,
            "first_name": officer.first_name,
            "last_name": officer.last_name,
            "email": officer.email,
            "is_employee": "on",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "klachtenfunctionaris" in " ".join(errors["is_officer"])
    officer.refresh_from_db()
    assert officer.is_officer
    assert selectors.current_version(org).number == 1
