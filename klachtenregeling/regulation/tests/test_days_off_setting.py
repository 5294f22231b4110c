"""R-5.5 with R-4.1: the days-off setting moves the deadline and the published text says so."""

from datetime import date

from django.urls import reverse

from klachtenregeling.organisations.models import Organisation
from klachtenregeling.regulation import selectors, services

from .conftest import organisation_form, organisation_url


def test_r5_5_a_new_organisation_moves_terms_ending_on_a_day_off():
    assert Organisation(name="x", slug="x").deadline_moves_off_days is True


def test_r5_5_deadline_on_christmas_moves_to_monday_and_the_text_says_so(
    client, org, officer, org_admin, submit, at
):
    org.deadline_moves_off_days = True
    org.save()
    with at("2026-11-20 09:00"):
        services.regulation_publish(organisation=org, by=org_admin)
    page = client.get(reverse("regulation:page", args=[org.slug])).content.decode()
    assert "eindigt de termijn op de eerstvolgende werkdag" in page
    with at("2026-11-27 10:00"):  # four weeks later is Christmas Day, a Friday
        complaint = submit()
    assert complaint.original_deadline == complaint.deadline == date(2026, 12, 28)


def test_r5_5_switched_off_the_deadline_stays_and_the_text_no_longer_says_so(
    platform_admin, client, org, officer, org_admin, submit, at
):
    org.deadline_moves_off_days = True
    org.save()
    with at("2026-11-20 09:00"):
        services.regulation_publish(organisation=org, by=org_admin)
    client.force_login(platform_admin)
    with at("2026-11-21 09:00"):
        form = organisation_form(org)
        del form["deadline_moves_off_days"]
        response = client.post(organisation_url(org), form)
    assert response.status_code == 302, response.context["adminform"].form.errors
    version = selectors.current_version(org)
    assert version.parameters["deadline_moves_off_days"] is False
    page = client.get(reverse("regulation:page", args=[org.slug])).content.decode()
    assert "eerstvolgende werkdag" not in page
    assert "binnen vier weken (28 dagen) na ontvangst" in page
    with at("2026-11-27 10:00"):
        assert submit().deadline == date(2026, 12, 25)


def test_r5_5_extra_day_off_by_decree_is_published_and_moves_the_deadline(
    platform_admin, client, org, officer, org_admin, submit, at
):
    org.deadline_moves_off_days = True
    org.save()
    with at("2026-11-20 09:00"):
        services.regulation_publish(organisation=org, by=org_admin)
    client.force_login(platform_admin)
    with at("2026-11-21 09:00"):
        response = client.post(
            organisation_url(org), organisation_form(org, extra_days_off="24-12-2026\n")
        )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert selectors.current_version(org).parameters["extra_days_off"] == ["2026-12-24"]
    with at("2026-11-26 10:00"):  # four weeks later is 24 December
        assert submit().deadline == date(2026, 12, 28)


def test_r5_5_an_extra_day_off_that_is_not_a_date_is_refused_in_dutch(
    platform_admin, client, org, org_admin
):
    client.force_login(platform_admin)
    response = client.post(
        organisation_url(org), organisation_form(org, extra_days_off="24-12-2026\nkerstavond")
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["extra_days_off"]
    assert errors == ["“kerstavond” is geen datum. Schrijf één datum per regel, bijv. 24-12-2026."]
    org.refresh_from_db()
    assert org.extra_days_off == ""
