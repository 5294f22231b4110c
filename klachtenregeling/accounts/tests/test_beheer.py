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


def test_r6_1_admin_pages_never_show_complaint_text(client, org_admin, submit, officer):
    complaint = submit(description="Een uiterst vertrouwelijke beschrijving.")
    client.force_login(org_admin)
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


def test_admin_sees_only_users_of_their_own_organisation(client, org_admin, officer, other_officer):
    client.force_login(org_admin)
    changelist = client.get(reverse("beheer:accounts_user_changelist"))
    assert officer.username.encode() in changelist.content
    assert other_officer.username.encode() not in changelist.content
    foreign = client.get(reverse("beheer:accounts_user_change", args=[other_officer.pk]))
    assert foreign.status_code == 302  # "does not exist" for this admin
    assert (
        client.get(
            reverse(
                "beheer:organisations_organisation_change", args=[other_officer.organisation_id]
            )
        ).status_code
        == 302
    )


def test_admin_creates_a_user_in_their_own_organisation(client, org_admin, org):
    client.force_login(org_admin)
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
        },
    )
    assert response.status_code == 302, response.content
    user = org.users.get(username="nieuw")
    assert user.is_officer and not user.is_superuser


def test_admin_cannot_grant_platform_rights(client, org_admin):
    client.force_login(org_admin)
    page = client.get(reverse("beheer:accounts_user_add")).content
    assert b'name="is_superuser"' not in page
    assert b'name="organisation"' not in page


def test_r1_4_default_officer_choices_are_own_active_officers(
    client, org_admin, officer, second_officer, other_officer, staff_member
):
    client.force_login(org_admin)
    page = client.get(
        reverse("beheer:organisations_organisation_change", args=[org_admin.organisation_id])
    )
    field = page.context["adminform"].form.fields["default_officer"]
    assert set(field.queryset) == {officer, second_officer}


def test_r5_5_admin_changes_the_term(client, org_admin, org, officer, submit, at):
    client.force_login(org_admin)
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


def test_officer_role_stays_while_they_handle_open_complaints(client, org_admin, officer, submit):
    submit()
    client.force_login(org_admin)
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


def test_beheer_log_in_goes_through_the_staff_log_in(client, org_admin, officer):
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


def test_admin_cannot_make_themselves_an_officer(client, org_admin):
    client.force_login(org_admin)
    url = reverse("beheer:accounts_user_change", args=[org_admin.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v not in (None, False)}
    data["is_officer"] = "on"
    response = client.post(url, data)
    assert response.status_code == 200
    org_admin.refresh_from_db()
    assert not org_admin.is_officer


def test_an_officer_needs_an_email_address(client, org_admin, staff_member):
    client.force_login(org_admin)
    url = reverse("beheer:accounts_user_change", args=[staff_member.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v not in (None, False)}
    data.update({"is_officer": "on", "email": ""})
    response = client.post(url, data)
    assert "email" in response.context["adminform"].form.errors
    staff_member.refresh_from_db()
    assert not staff_member.is_officer


def test_admin_cannot_set_an_officers_password(client, org_admin, officer):
    client.force_login(org_admin)
    url = reverse("beheer:auth_user_password_change", args=[officer.pk])
    assert client.get(url).status_code == 403
    own = reverse("beheer:auth_user_password_change", args=[org_admin.pk])
    assert client.get(own).status_code == 200


def test_the_password_summary_is_valid_html(client, org_admin, officer):
    """The read-only password summary is a <div>: it shows the hash's summary but carries no
    `disabled` (invalid on a div), and the password still cannot be changed through the form."""
    client.force_login(org_admin)
    response = client.get(reverse("beheer:accounts_user_change", args=[officer.pk]))
    assert b'<div aria-describedby="id_password_helptext" id="id_password">' in response.content
    assert response.context["adminform"].form.fields["password"].disabled
