"""Issue 17: the administrator's pages for users and roles: invite by e-mail with a link to
set a password, roles (R-6.1, R-5.1), a password link, two-step reset; all logged."""

import re

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from klachtenregeling.accounts.models import User
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import OutboxMessage
from klachtenregeling.organisations.models import LogAction, OrganisationLogEntry
from klachtenregeling.regulation import selectors as regulation
from klachtenregeling.regulation import services as publishing
from tests import two_factor as test_two_factor

USERS = "/werk/instellingen/gebruikers/"


@pytest.fixture
def admin_client(client, org_admin):
    client.force_login(org_admin)
    return client


def _person(**changes) -> dict:
    data = {"first_name": "Noor", "last_name": "Visser", "email": "noor@example.nl"}
    data.update({"is_employee": "on"})
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def _user_form(user, **changes) -> dict:
    data = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
    }
    for flag in ("is_employee", "is_officer", "is_board", "is_org_admin", "is_active"):
        if getattr(user, flag):
            data[flag] = "on"
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_invite_makes_a_user_without_password_mails_a_link_and_logs_it(
    admin_client, client, org, org_admin
):
    response = admin_client.post(USERS + "uitnodigen/", _person())
    assert response.status_code == 302
    user = User.objects.get(email="noor@example.nl")
    assert (user.organisation, user.username, user.has_usable_password()) == (org, "noor", False)
    message = OutboxMessage.objects.get(kind=MessageKind.STAFF_INVITATION)
    assert message.to_email == "noor@example.nl"
    assert "Je gebruikersnaam is noor." in message.body_text
    link = re.search(r"http\S+/wachtwoord-instellen/\S+/", message.body_text).group(0)
    entry = OrganisationLogEntry.objects.get(action=LogAction.USER_INVITED)
    assert (entry.actor, entry.subject) == (org_admin, "Noor Visser")

    # The link sets the password once; then it no longer works.
    path = link.split("testserver")[-1] if "testserver" in link else "/" + link.split("/", 3)[3]
    anonymous = client.__class__()
    form = anonymous.get(path, follow=True)
    assert "Kies een wachtwoord" in form.content.decode()
    done = anonymous.post(
        form.redirect_chain[-1][0],
        {"new_password1": "lang-en-geheim-42", "new_password2": "lang-en-geheim-42"},
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("lang-en-geheim-42")
    assert OrganisationLogEntry.objects.filter(action=LogAction.PASSWORD_SET).exists()
    again = anonymous.get(path, follow=True)
    assert "Deze link werkt niet meer" in again.content.decode()


def test_invite_with_an_e_mail_in_use_is_refused_and_nothing_is_lost(admin_client, officer):
    page = admin_client.post(USERS + "uitnodigen/", _person(email=officer.email))
    assert page.status_code == 400
    html = page.content.decode()
    assert "Een andere gebruiker heeft dit e-mailadres al." in html
    assert 'value="Noor"' in html
    assert not OutboxMessage.objects.exists()


def test_r4_1_inviting_an_officer_shows_the_regulation_change_first(admin_client, org, officer):
    version = publishing.regulation_publish(organisation=org).version
    data = _person(is_officer="on")
    page = admin_client.post(USERS + "uitnodigen/", data)
    assert page.status_code == 200
    assert "Noor Visser" in page.content.decode()
    assert "Dit geldt voor nieuwe klachten." in page.content.decode()
    assert not User.objects.filter(email="noor@example.nl").exists()
    response = admin_client.post(USERS + "uitnodigen/", {**data, "confirm": str(version.number)})
    assert response.status_code == 302
    assert regulation.current_version(org).number == version.number + 1


def test_roles_are_changed_and_logged_with_before_and_after(admin_client, staff_member, org):
    response = admin_client.post(
        f"{USERS}{staff_member.pk}/", _user_form(staff_member, is_board="on")
    )
    assert response.status_code == 302
    staff_member.refresh_from_db()
    assert staff_member.is_board
    entry = OrganisationLogEntry.objects.get(action=LogAction.USER_CHANGED)
    assert entry.changes == [{"field": "is_board", "before": False, "after": True}]
    log = admin_client.get("/werk/instellingen/logboek/").content.decode()
    assert "nee → ja" in log


def test_r6_1_the_administrator_cannot_make_themselves_an_officer(admin_client, org_admin):
    page = admin_client.post(f"{USERS}{org_admin.pk}/", _user_form(org_admin, is_officer="on"))
    assert page.status_code == 400
    assert "Je kunt jezelf geen klachtenfunctionaris maken" in page.content.decode()
    org_admin.refresh_from_db()
    assert not org_admin.is_officer


def test_another_organisations_user_is_not_found(admin_client, other_officer):
    assert admin_client.get(f"{USERS}{other_officer.pk}/").status_code == 404


def test_the_administrator_sends_a_password_link_and_never_sets_a_password(
    admin_client, staff_member
):
    password = staff_member.password
    response = admin_client.post(f"{USERS}{staff_member.pk}/wachtwoordlink/")
    assert response.status_code == 302
    message = OutboxMessage.objects.get(kind=MessageKind.PASSWORD_LINK)
    assert message.to_email == staff_member.email
    staff_member.refresh_from_db()
    assert staff_member.password == password  # the old one works until the link is used
    assert OrganisationLogEntry.objects.filter(action=LogAction.PASSWORD_LINK_SENT).exists()


def test_two_step_reset_asks_first_then_resets_and_logs(admin_client, officer):
    enrolled_officer = officer
    test_two_factor.device_for(officer)
    url = f"{USERS}{enrolled_officer.pk}/tweestaps/"
    page = admin_client.get(url).content.decode()
    assert "Wat er daarna gebeurt" in page
    assert TOTPDevice.objects.filter(user=enrolled_officer).exists()
    assert admin_client.post(url).status_code == 302
    assert not TOTPDevice.objects.filter(user=enrolled_officer).exists()
    assert OrganisationLogEntry.objects.filter(action=LogAction.TWO_FACTOR_RESET).exists()


def test_forgotten_password_mails_a_link_and_says_the_same_for_an_unknown_address(
    client, staff_member
):
    known = client.post(reverse("password-forgotten"), {"email": staff_member.email})
    unknown = client.post(reverse("password-forgotten"), {"email": "niemand@example.nl"})
    assert known["Location"] == unknown["Location"] == reverse("password-forgotten-sent")
    assert OutboxMessage.objects.filter(kind=MessageKind.PASSWORD_LINK).count() == 1


def test_forgotten_password_is_throttled(client, staff_member):
    for _ in range(3):
        client.post(reverse("password-forgotten"), {"email": staff_member.email})
    refused = client.post(reverse("password-forgotten"), {"email": staff_member.email})
    assert refused.status_code == 429
    assert OutboxMessage.objects.filter(kind=MessageKind.PASSWORD_LINK).count() == 3
