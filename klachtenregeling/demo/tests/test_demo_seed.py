from django.core.management import call_command

from klachtenregeling.accounts.models import User
from klachtenregeling.complaints.constants import Channel, Status
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.demo import data
from klachtenregeling.organisations.models import Cause, Organisation, Subject
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


def test_r3_2_r8_1_demo_lists_of_subjects_and_causes_are_added_once(db, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    call_command("demo_seed", "--quiet")
    organisation = Organisation.objects.get(slug="interactie")
    # A demo made before the causes existed gets them on the next run, once (the causes the
    # demo's report history counts stay: the statistics rows protect them).
    Cause.objects.filter(organisation=organisation, statistics__isnull=True).delete()
    call_command("demo_seed", "--quiet")
    call_command("demo_seed", "--quiet")
    causes = Cause.objects.filter(organisation=organisation, is_active=True)
    assert sorted(c.name for c in causes) == sorted(data.CAUSES)
    subjects = Subject.objects.filter(organisation=organisation)
    assert sorted(s.name for s in subjects) == sorted(data.SUBJECTS)


def test_logins_only_prints_the_logins_of_the_loaded_demo_and_changes_nothing(
    db, settings, tmp_path, capsys
):
    """make run loads the demo quietly, then ends with the address and the log-ins."""
    settings.DATA_DIR = tmp_path
    call_command("demo_seed", "--quiet")
    assert "Password for every demo user" not in capsys.readouterr().out
    complaints = Complaint.objects.count()
    call_command("demo_seed", "--logins-only")
    printed = capsys.readouterr().out
    password = (tmp_path / "demo-password").read_text()
    assert f"Password for every demo user: {password}" in printed
    assert "/inloggen/" in printed
    assert Complaint.objects.count() == complaints
