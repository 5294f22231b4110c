from django.core.management import call_command

from klachtenregeling.accounts.models import User
from klachtenregeling.complaints.constants import Channel, Status
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.organisations.models import Organisation
from klachtenregeling.retention.selectors import has_open_referral_hold


def test_demo_organisation_is_loaded_once(db, settings, tmp_path, capsys):
    settings.DATA_DIR = tmp_path
    call_command("demo_seed")
    call_command("demo_seed")
    printed = capsys.readouterr().out
    password = (tmp_path / "demo-password").read_text()
    assert printed.count(f"Password for every demo user: {password}") == 2

    organisation = Organisation.objects.get(slug="interactie")
    users = User.objects.filter(organisation=organisation)
    assert users.filter(is_officer=True).count() == 2
    assert users.filter(is_officer=False, is_employee=True, is_board=False).count() == 3
    assert users.filter(is_board=True).count() == 1
    assert users.filter(is_org_admin=True).count() == 1
    assert users.get(username="amber").check_password(password)

    complaints = Complaint.objects.filter(organisation=organisation)
    assert complaints.count() == 12
    # Played through the real services: every stage of the procedure is represented.
    assert set(complaints.values_list("status", flat=True)) == {
        Status.RECEIVED,
        Status.IN_HANDLING,
        Status.HEARING,
        Status.JUDGED,
        Status.RESOLVED,
        Status.REFERRED,
    }
    assert has_open_referral_hold(complaints.get(status=Status.REFERRED))
    assert {Channel.WEB, Channel.API, Channel.LETTER, Channel.EMAIL} <= set(
        complaints.values_list("channel", flat=True)
    )
    about_amber = complaints.get(respondent__username="amber")
    assert about_amber.assigned_officer.username == "bram"
    assert all(c.events.exists() for c in complaints)
