"""The managed lists of subjects (R-8.1, R-8.2) and causes (R-3.2): services and the page."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.complaints.forms import SubjectsForm
from klachtenregeling.complaints.rules import registration
from klachtenregeling.core.errors import InvalidInput, NotPermitted, TransitionRefused
from klachtenregeling.handling.tests import steps
from klachtenregeling.organisations import services
from klachtenregeling.organisations.models import Cause, Subject
from klachtenregeling.reports.models import ComplaintStatistic

LISTS = reverse("registration:lists")


@pytest.fixture
def planning(org, officer):
    return services.subject_add(organisation=org, name="Planning", by=officer)


@pytest.fixture
def trainer(org, officer):
    return services.subject_add(organisation=org, name="Trainer", by=officer)


def test_r8_1_subjects_added_renamed_retired_and_put_back(org, officer, org_admin, planning):
    assert (planning.name, planning.is_active) == ("Planning", True)
    renamed = services.subject_rename(
        organisation=org, subject_id=planning.pk, name="  Planning   en organisatie ", by=org_admin
    )
    assert renamed.name == "Planning en organisatie"
    services.subject_add(organisation=org, name="Trainer", by=officer)
    services.subject_retire(organisation=org, subject_id=planning.pk, by=officer)
    assert not Subject.objects.get(pk=planning.pk).is_active
    services.subject_reactivate(organisation=org, subject_id=planning.pk, by=officer)
    assert Subject.objects.get(pk=planning.pk).is_active


def test_r3_2_causes_added_renamed_retired_and_put_back(org, officer):
    cause = services.cause_add(organisation=org, name="Communicatie", by=officer)
    services.cause_rename(organisation=org, cause_id=cause.pk, name="Contact", by=officer)
    services.cause_retire(organisation=org, cause_id=cause.pk, by=officer)  # the last: fine
    assert not Cause.objects.get(pk=cause.pk).is_active
    services.cause_reactivate(organisation=org, cause_id=cause.pk, by=officer)
    assert Cause.objects.get(pk=cause.pk, name="Contact").is_active


@pytest.mark.parametrize("name", ["", "   ", "x" * 101, "planning", "PLANNING"])
def test_r8_1_bad_names_are_refused_and_nothing_stored(org, officer, planning, name):
    with pytest.raises(InvalidInput) as refused:
        services.subject_add(organisation=org, name=name, by=officer)
    assert "name" in refused.value.errors
    assert list(Subject.objects.filter(organisation=org)) == [planning]


def test_r8_1_rename_to_existing_name_refused(org, officer, planning, trainer):
    services.subject_retire(organisation=org, subject_id=trainer.pk, by=officer)
    # The message is formatted in the language active when it is refused.
    with translation.override("en"), pytest.raises(InvalidInput) as refused:
        services.subject_rename(
            organisation=org, subject_id=planning.pk, name="trainer", by=officer
        )
    # Also a retired one counts; the message suggests putting it back in use.
    assert "back in use" in str(refused.value.errors["name"][0])
    assert Subject.objects.get(pk=planning.pk).name == "Planning"
    # Renaming to its own name in other capitals is fine.
    services.subject_rename(organisation=org, subject_id=planning.pk, name="PLANNING", by=officer)


def test_r8_1_last_subject_cannot_be_retired(org, officer, planning, trainer):
    services.subject_retire(organisation=org, subject_id=trainer.pk, by=officer)
    with translation.override("en"), pytest.raises(TransitionRefused, match="At least one"):
        services.subject_retire(organisation=org, subject_id=planning.pk, by=officer)
    assert Subject.objects.get(pk=planning.pk).is_active


def test_r8_1_lists_are_the_organisations_own(
    org, officer, other_org, other_officer, staff_member, board_member, planning
):
    with pytest.raises(NotPermitted):
        services.subject_rename(
            organisation=other_org, subject_id=planning.pk, name="X", by=other_officer
        )
    for user in (staff_member, board_member, other_officer):
        with pytest.raises(NotPermitted):
            services.subject_add(organisation=org, name="Nieuw", by=user)
    # The same name in another organisation is fine.
    services.subject_add(organisation=other_org, name="Planning", by=other_officer)


def test_r8_1_retired_subject_stays_on_old_complaints_and_is_not_offered(
    org, officer, submit, planning, trainer
):
    old = steps.classify(steps.start(submit(), officer), officer, names=("Planning",))
    services.subject_retire(organisation=org, subject_id=planning.pk, by=officer)
    # The old complaint keeps it and may keep it while other subjects change.
    assert list(old.subjects.all()) == [planning]
    complaint_services.complaint_set_subjects(
        complaint=old, subject_ids=[planning.pk, trainer.pk], by=officer
    )
    assert set(old.subjects.all()) == {planning, trainer}
    offered_to_old = SubjectsForm(organisation=org, current=[planning]).fields["subjects"]
    assert planning.pk in dict(offered_to_old.choices)
    # A new complaint is not offered it, and cannot be given it.
    new = steps.start(submit(), officer)
    offered = SubjectsForm(organisation=org, current=[]).fields["subjects"]
    assert dict(offered.choices) == {trainer.pk: "Trainer"}
    with pytest.raises(InvalidInput):
        complaint_services.complaint_set_subjects(
            complaint=new, subject_ids=[planning.pk], by=officer
        )
    # An ended complaint's statistics row keeps it too.
    old = steps.fresh(old)
    steps.hear_both(old, officer)
    services.subject_reactivate(organisation=org, subject_id=planning.pk, by=officer)
    steps.judge(steps.fresh(old), officer)
    services.subject_retire(organisation=org, subject_id=planning.pk, by=officer)
    from klachtenregeling.handling import services as handling_services

    handling_services.complaint_withdraw_on_behalf(
        complaint=old, reason="Klager belde.", by=officer
    )
    statistic = ComplaintStatistic.objects.get(complaint=old)
    assert set(statistic.subjects.all()) == {planning, trainer}


# --- The page -------------------------------------------------------------------------------


def test_r8_1_lists_page_shows_both_lists_with_their_use(client, org, officer, submit, planning):
    steps.classify(steps.start(submit(), officer), officer, names=("Planning",))
    services.cause_add(organisation=org, name="Communicatie", by=officer)
    client.force_login(officer)
    response = client.get(LISTS)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Planning" in page and "Communicatie" in page
    row = page[page.index(f'id="subject-{planning.pk}"') :]
    assert 'data-complaints-count="1"' in row[: row.index("</tr>")]


def test_r8_1_lists_page_for_the_admin_not_for_staff(client, org_admin, staff_member, board_member):
    client.force_login(org_admin)
    assert client.get(LISTS).status_code == 200
    for user in (staff_member, board_member):
        client.force_login(user)
        assert client.get(LISTS).status_code == 404


@pytest.mark.parametrize("name", ["", "x" * 101, "planning"])
def test_r8_1_lists_page_shows_the_error_at_the_field_and_stores_nothing(
    client, org, officer, planning, name
):
    client.force_login(officer)
    response = client.post(reverse("registration:subject-add"), {"subject-new-name": name})
    assert response.status_code == 400
    page = response.content.decode()
    with translation.override("nl"):  # the page's language
        [message] = registration.list_name_errors(
            name, others=[("Planning", True)], kind_label=gettext("subject")
        )["name"]
        assert escape(str(message)) in page
    assert 'id="id_subject-new-name_error"' in page
    assert list(Subject.objects.filter(organisation=org)) == [planning]


def test_r8_1_lists_page_rename_error_shown_at_its_row(client, org, officer, planning, trainer):
    client.force_login(officer)
    url = reverse("registration:subject-rename", args=[trainer.pk])
    response = client.post(url, {f"subject-{trainer.pk}-name": "Planning"})
    assert response.status_code == 400
    assert f'id="id_subject-{trainer.pk}-name_error"' in response.content.decode()
    assert Subject.objects.get(pk=trainer.pk).name == "Trainer"
    response = client.post(url, {f"subject-{trainer.pk}-name": "Trainers"})
    assert response.status_code == 302 and response["Location"] == LISTS
    assert Subject.objects.get(pk=trainer.pk).name == "Trainers"


def test_r8_1_lists_page_refuses_retiring_the_last_subject(client, org, officer, planning):
    client.force_login(officer)
    response = client.post(reverse("registration:subject-retire", args=[planning.pk]))
    assert response.status_code == 400
    with translation.override("nl"):
        assert (
            escape(gettext("At least one subject must stay in use.")) in response.content.decode()
        )
    assert Subject.objects.get(pk=planning.pk).is_active


def test_r8_1_lists_page_another_organisations_entry_is_not_found(
    client, officer, other_org, other_officer
):
    elsewhere = services.cause_add(organisation=other_org, name="Elders", by=other_officer)
    client.force_login(officer)
    for name in ("cause-rename", "cause-retire", "cause-reactivate"):
        response = client.post(reverse(f"registration:{name}", args=[elsewhere.pk]))
        assert response.status_code == 404
    assert Cause.objects.get(pk=elsewhere.pk).is_active


def test_r8_1_the_lists_page_is_linked_from_dashboard_dossier_and_admin_home(
    client, officer, org_admin, submit, planning
):
    complaint = steps.start(submit(), officer)
    client.force_login(officer)
    assert LISTS in client.get(reverse("complaints:dashboard")).content.decode()
    dossier = client.get(reverse("complaints:detail", args=[complaint.reference]))
    assert LISTS in dossier.content.decode()
    client.force_login(org_admin)
    assert LISTS in client.get(reverse("staff-home")).content.decode()
