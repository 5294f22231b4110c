"""The settings back-office (/beheer/): settings and users, never complaint content (R-6.1)."""

import pytest
from django.urls import NoReverseMatch, reverse

from klachtenregeling.core.admin_site import beheer_site
from tests import two_factor as test_two_factor
from tests.factories import UserFactory

CONTENT_APPS = {"complaints", "audit", "notifications"}


def test_r6_1_no_complaint_content_is_registered_in_the_back_office():
    registered = {model._meta.app_label for model in beheer_site._registry}
    assert registered == {"organisations", "accounts", "engagements"}
    assert not registered & CONTENT_APPS
    for name in ("complaint", "attachment", "complaintconcern"):
        with pytest.raises(NoReverseMatch):
            reverse(f"beheer:complaints_{name}_changelist")
    with pytest.raises(NoReverseMatch):
        reverse("beheer:audit_caseevent_changelist")


def test_r6_1_admin_pages_never_show_complaint_text(
    platform_admin, client, org_admin, submit, officer
):
    complaint = submit(description="Een uiterst vertrouwelijke beschrijving.")
    client.force_login(platform_admin)
    pages = [
        reverse("beheer:index"),
        reverse("beheer:accounts_user_changelist"),
        reverse("beheer:accounts_user_change", args=[officer.pk]),
        reverse("beheer:organisations_organisation_change", args=[org_admin.organisation_id]),
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert b"uiterst vertrouwelijke" not in response.content
        assert complaint.complainant_email.encode() not in response.content


@pytest.mark.parametrize("role", ["officer", "staff_member", "board_member"])
def test_only_administrators_enter_the_back_office(client, request, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("beheer:index"))
    assert response.status_code == 302
    assert reverse("beheer:login") in response["Location"]


@pytest.mark.parametrize(
    "path", ["/beheer/", "/beheer/accounts/user/", "/beheer/organisations/apikey/add/"]
)
def test_organisation_administrator_is_sent_to_the_own_settings_pages(client, org_admin, path):
    """Issue 17: Django's admin is the platform's superusers' only; an organisation's
    administrator lands on the site's own settings pages instead (no dead end)."""
    client.force_login(org_admin)
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/beheer/login/")
    assert client.get(response["Location"])["Location"] == reverse("settings:index")


def test_admin_creates_a_user_in_their_own_organisation(platform_admin, client, org_admin, org):
    client.force_login(platform_admin)
    response = client.post(
        reverse("beheer:accounts_user_add"),
        {
            "username": "nieuw",
            "first_name": "Nina",
            "last_name": "Nieuw",
            "email": "nina@example.org",
            "is_officer": "on",
            "is_employee": "on",
            "password1": "een lang wachtwoord 42",
            "password2": "een lang wachtwoord 42",
            "organisation": org.pk,
        },
    )
    assert response.status_code == 302, response.content
    user = org.users.get(username="nieuw")
    assert user.is_officer and not user.is_superuser


def test_r1_4_default_officer_choices_are_own_active_officers(
    platform_admin, client, org_admin, officer, second_officer, other_officer, staff_member
):
    client.force_login(platform_admin)
    page = client.get(
        reverse("beheer:organisations_organisation_change", args=[org_admin.organisation_id])
    )
    field = page.context["adminform"].form.fields["default_officer"]
    assert set(field.queryset) == {officer, second_officer}


def test_r5_5_admin_changes_the_term(platform_admin, client, org_admin, org, officer, submit, at):
    client.force_login(platform_admin)
    url = reverse("beheer:organisations_organisation_change", args=[org.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {
            "term_days": 42,
            "default_officer": officer.pk,
            "subjects-TOTAL_FORMS": 0,
            "subjects-INITIAL_FORMS": 0,
        }
    )
    assert client.post(url, data).status_code == 302
    org.refresh_from_db()
    assert org.term_days == 42
    with at("2026-03-02 10:00"):
        assert str(submit().deadline) == "2026-04-13"


def test_officer_role_stays_while_they_handle_open_complaints(
    platform_admin, client, org_admin, officer, submit
):
    submit()
    client.force_login(platform_admin)
    url = reverse("beheer:accounts_user_change", args=[officer.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v not in (None, False)}
    data.pop("is_officer")
    response = client.post(url, data)
    assert response.status_code == 200  # re-shown with the error
    officer.refresh_from_db()
    assert officer.is_officer
    assert response.context["adminform"].form.non_field_errors()


def test_platform_superuser_sees_every_organisation(client, org, other_org):
    root = UserFactory(organisation=None, is_superuser=True, is_employee=False)
    client.force_login(root)
    page = client.get(reverse("beheer:organisations_organisation_changelist"))
    assert org.name.encode() in page.content and other_org.name.encode() in page.content


def test_beheer_log_in_goes_through_the_staff_log_in(client, platform_admin, officer):
    org_admin = platform_admin
    device = test_two_factor.device_for(org_admin)
    response = client.get(reverse("beheer:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("login") + "?next=")
    response = client.post(
        response.redirect_chain[-1][0],
        {"username": org_admin.username, "password": "correct horse battery"},
    )
    assert response.status_code == 302
    # Then the code from the app (administrators must use two-step log-in), then back here.
    assert response["Location"] == reverse("two-factor-verify") + "?next=%2Fbeheer%2F"
    response = client.post(
        response["Location"], {"code": test_two_factor.code_for(device), "next": "/beheer/"}
    )
    assert response["Location"] == reverse("beheer:index")
    assert client.get(reverse("beheer:index")).status_code == 200
    client.force_login(officer)
    assert client.get(reverse("beheer:login")).status_code == 403  # no loop, no second form


def test_an_officer_needs_an_email_address(platform_admin, client, org_admin, staff_member):
    client.force_login(platform_admin)
    url = reverse("beheer:accounts_user_change", args=[staff_member.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v not in (None, False)}
    data.update({"is_officer": "on", "email": ""})
    response = client.post(url, data)
    assert "email" in response.context["adminform"].form.errors
    staff_member.refresh_from_db()
    assert not staff_member.is_officer


def test_the_platform_administrator_still_sets_a_password_here(admin_client, officer):
    response = admin_client.get(reverse("beheer:accounts_user_change", args=[officer.pk]))
    assert 'href="../password/"' in response.content.decode()
    assert (
        admin_client.get(reverse("beheer:auth_user_password_change", args=[officer.pk])).status_code
        == 200
    )
