"""R-8.5: the destruction list after a review: proposal, four eyes, cooling-off, destruction
by the background task with each complaint checked again, and the statement."""

import io
from datetime import date
from itertools import product

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from klachtenregeling.complaints.models import Complaint
from klachtenregeling.core import clock
from klachtenregeling.core.errors import DomainError, TransitionRefused
from klachtenregeling.handling.tests import steps
from klachtenregeling.notifications.constants import MessageKind
from klachtenregeling.notifications.models import OutboxMessage
from klachtenregeling.reports.constants import PeriodKind
from klachtenregeling.reports.models import Report
from klachtenregeling.reports.periods import Period
from klachtenregeling.reports.selectors import report_figures
from klachtenregeling.retention import destruction, proposal, workflow
from klachtenregeling.retention import services as hold_services
from klachtenregeling.retention.constants import HoldKind, ItemResult, ListStatus
from klachtenregeling.retention.models import DestructionList, DestructionRecord
from klachtenregeling.retention.tasks import destroy_list
from klachtenregeling.reviews.models import Review

from .test_destruction import withdrawn

S = ListStatus
ALLOWED = {
    (S.DRAFT, S.CONFIRMED),  # the second of two people confirmed
    (S.DRAFT, S.CANCELLED),
    (S.CONFIRMED, S.DESTROYING),  # the cooling-off period ended
    (S.CONFIRMED, S.CANCELLED),  # cancelled during the cooling-off period
    (S.DESTROYING, S.DESTROYED),
}


@pytest.fixture(autouse=True)
def _english():
    """Refusals are compared in English (the msgids), whatever an earlier test left active."""
    with translation.override("en"):
        yield


@pytest.mark.parametrize(("current", "target"), list(product(S.values, S.values)))
def test_r8_5_every_pair_of_the_destruction_list_table(current, target):
    allowed = (current, target) in ALLOWED
    assert workflow.can_transition(current, target) is allowed
    if allowed:
        workflow.require_transition(current, target)
    else:
        with pytest.raises(TransitionRefused):
            workflow.require_transition(current, target)


@pytest.mark.parametrize(
    ("held_on", "periods", "expected"),
    [
        # A year's report, reviewed in March: the whole year.
        (date(2026, 3, 10), [(date(2025, 1, 1), date(2025, 12, 31))], (1, 1, 12, 31)),
        # Two half-years: from the earliest start to the latest end.
        (
            date(2026, 3, 10),
            [(date(2025, 7, 1), date(2025, 12, 31)), (date(2025, 1, 1), date(2025, 6, 30))],
            (1, 1, 12, 31),
        ),
        # A review held inside the period covers only the days before it.
        (date(2025, 6, 1), [(date(2025, 1, 1), date(2025, 12, 31))], (1, 1, 5, 31)),
        # No reports: nothing to base a destruction on.
        (date(2026, 3, 10), [], None),
    ],
)
def test_r8_5_what_a_review_covers(held_on, periods, expected):
    found = proposal.covered(held_on=held_on, periods=periods)
    if expected is None:
        assert found is None
    else:
        assert (found.start.month, found.start.day, found.end.month, found.end.day) == expected


@pytest.fixture
def world(at, org, officer, submit):
    """Three complaints that ended in 2025, one that ended in 2026 (after the review's
    period), the 2025 report and a review of it held on 10 March 2026."""
    ended = []
    for day in ("2025-05-06", "2025-06-10", "2025-09-15"):
        with at(f"{day} 10:00"):
            ended.append(withdrawn(steps.start(submit(), officer), "x"))
    with at("2026-02-02 10:00"):
        later = withdrawn(steps.start(submit(), officer), "x")
    with at("2026-01-05 10:00"):
        report = Report.objects.create(
            organisation=org,
            period_kind=PeriodKind.YEAR,
            period_start=date(2025, 1, 1),
            period_end=date(2025, 12, 31),
            content={},
            sha256="0" * 64,
            finalised_by=officer,
            finalised_at=clock.now(),
        )
        review = Review.objects.create(
            organisation=org,
            held_on=date(2026, 3, 10),
            recorded_by=officer,
            recorded_at=clock.now(),
        )
        review.reports.set([report])
    return {"ended": ended, "later": later, "review": review}


def _confirmed(at, world, officer, second):
    with at("2026-03-11 09:00"):
        the_list = destruction.destruction_list_create(review=world["review"], by=officer)
        destruction.destruction_list_confirm(destruction_list=the_list, by=officer)
        return destruction.destruction_list_confirm(destruction_list=the_list, by=second)


def test_r8_5_a_list_for_a_period_without_a_review_is_refused(at, org, officer, world):
    with pytest.raises(DomainError) as refused:
        destruction.destruction_list_create(review=None, by=officer)
    assert "nothing to base" in str(refused.value.message)
    # 2026 has no review: no list can be based on it.
    assert proposal.review_for_period(org, start=date(2026, 1, 1), end=date(2026, 2, 28)) is None
    assert proposal.review_for_period(org, start=date(2025, 1, 1), end=date(2025, 12, 31))
    # A review whose reports cover no day before it was held.
    with at("2026-03-11 09:00"):
        empty = Review.objects.create(
            organisation=org,
            held_on=date(2026, 3, 1),
            recorded_by=officer,
            recorded_at=clock.now(),
        )
        with pytest.raises(DomainError):
            destruction.destruction_list_create(review=empty, by=officer)
    assert not DestructionList.objects.exists()


def test_r8_5_the_proposal_lists_covered_complaints_and_shows_holds(at, officer, world):
    held = world["ended"][1]
    hold_services.hold_set(complaint=held, reason="Rechtszaak.", by=officer)
    with at("2026-03-11 09:00"):
        the_list = destruction.destruction_list_create(review=world["review"], by=officer)
    items = {i.reference: i for i in the_list.items.all()}
    assert set(items) == {c.reference for c in world["ended"]}  # not the 2026 one
    assert items[held.reference].held and not items[held.reference].selected
    assert items[world["ended"][0].reference].outcome == "withdrawn"
    assert items[world["ended"][0].reference].ended_on == date(2025, 5, 6)
    # A complaint on a running list is not proposed a second time.
    with at("2026-03-11 09:00"), pytest.raises(DomainError):
        destruction.destruction_list_create(review=world["review"], by=officer)


def test_r8_5_the_same_person_cannot_confirm_twice(at, officer, org_admin, world):
    with at("2026-03-11 09:00"):
        the_list = destruction.destruction_list_create(review=world["review"], by=officer)
        with pytest.raises(DomainError):  # the administrator does not confirm first
            destruction.destruction_list_confirm(destruction_list=the_list, by=org_admin)
        destruction.destruction_list_confirm(destruction_list=the_list, by=officer)
        with pytest.raises(DomainError):
            destruction.destruction_list_confirm(destruction_list=the_list, by=officer)
        the_list.refresh_from_db()
        assert the_list.status == S.DRAFT and the_list.second_confirmed_by is None
        done = destruction.destruction_list_confirm(destruction_list=the_list, by=org_admin)
    assert done.status == S.CONFIRMED
    assert done.cooling_off_until == done.second_confirmed_at + destruction.timedelta(days=7)


def test_r8_5_the_cooling_off_period_is_the_organisations_setting(
    at, org, officer, org_admin, world
):
    org.destruction_cooling_off_days = 3
    org.save(update_fields=["destruction_cooling_off_days"])
    with at("2026-03-11 09:00"):
        the_list = destruction.destruction_list_create(review=world["review"], by=officer)
        destruction.destruction_list_confirm(destruction_list=the_list, by=officer)
        done = destruction.destruction_list_confirm(destruction_list=the_list, by=org_admin)
    assert done.cooling_off_until == done.second_confirmed_at + destruction.timedelta(days=3)


def test_r8_5_an_excluded_line_is_not_destroyed(at, officer, second_officer, world):
    with at("2026-03-11 09:00"):
        the_list = destruction.destruction_list_create(review=world["review"], by=officer)
        item = the_list.items.first()
        destruction.destruction_item_exclude(item=item, reason="Nog nodig.", by=officer)
        destruction.destruction_list_confirm(destruction_list=the_list, by=officer)
        with pytest.raises(DomainError):  # after a confirmation lines stay as they are
            destruction.destruction_item_exclude(
                item=the_list.items.last(), reason="Toch.", by=officer
            )
        destruction.destruction_list_confirm(destruction_list=the_list, by=second_officer)
    with at("2026-03-19 09:00"):
        destruction.destruction_lists_start_due()
        destruction.destruction_list_destroy(list_id=the_list.pk)
    assert Complaint.objects.filter(pk=item.complaint_id).exists()
    item.refresh_from_db()
    assert item.result == ItemResult.PENDING and item.excluded


def test_r8_5_cancelling_during_cooling_off_works_after_the_start_is_refused(
    at, officer, second_officer, org_admin, world
):
    the_list = _confirmed(at, world, officer, second_officer)
    with at("2026-03-15 09:00"):
        destruction.destruction_list_cancel(
            destruction_list=the_list, reason="Toch bewaren.", by=org_admin
        )
        destruction.destruction_lists_start_due()
    the_list.refresh_from_db()
    assert the_list.status == S.CANCELLED and the_list.cancel_reason == "Toch bewaren."
    with at("2026-03-20 09:00"):
        assert destruction.destruction_lists_start_due() == 0
    assert Complaint.objects.filter(pk__in=[c.pk for c in world["ended"]]).count() == 3

    # A new list; once its destruction started, cancelling is refused.
    again = _confirmed(at, world, officer, second_officer)
    with at("2026-03-18 09:01"):
        assert destruction.destruction_lists_start_due() == 1
        with pytest.raises(TransitionRefused) as refused:
            destruction.destruction_list_cancel(
                destruction_list=again, reason="Te laat.", by=officer
            )
    assert "no longer be cancelled" in str(refused.value.message)


def _figures(org):
    return report_figures(
        organisation=org, period=Period(PeriodKind.YEAR, date(2025, 1, 1), date(2025, 12, 31))
    )


def test_r8_5_destruction_after_the_cooling_off_with_a_hold_added_meanwhile(
    at, org, officer, org_admin, world, django_capture_on_commit_callbacks
):
    the_list = _confirmed(at, world, officer, org_admin)
    survivor = world["ended"][2]
    figures_before = _figures(org)
    with at("2026-03-17 10:00"):  # the cooling-off ends on 18 March, 09:00
        hold_services.hold_set(complaint=survivor, reason="Verzoek klager.", by=officer)
        assert destruction.destruction_reminders_send_due() == 1
        assert destruction.destruction_reminders_send_due() == 0  # once
    reminders = OutboxMessage.objects.filter(kind=MessageKind.DESTRUCTION_REMINDER)
    assert sorted(reminders.values_list("to_email", flat=True)) == sorted(
        [officer.email, org_admin.email]
    )
    with at("2026-03-18 08:59"):
        assert destruction.destruction_lists_start_due() == 0
    with at("2026-03-18 09:00"), django_capture_on_commit_callbacks(execute=True):
        assert destruction.destruction_lists_start_due() == 1
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.filter(task_path=destroy_list.module_path).exists()
    with at("2026-03-18 09:05"), django_capture_on_commit_callbacks(execute=True):
        destroy_list.func(the_list.pk)

    the_list = DestructionList.objects.get(pk=the_list.pk)
    assert the_list.status == S.DESTROYED
    gone = world["ended"][:2]
    assert not Complaint.objects.filter(pk__in=[c.pk for c in gone]).exists()
    assert Complaint.objects.filter(pk=survivor.pk).exists()
    assert Complaint.objects.filter(pk=world["later"].pk).exists()
    skipped = the_list.items.get(reference=survivor.reference)
    with translation.override("nl"):
        by_hand = str(HoldKind.MANUAL.label)
    assert skipped.result == ItemResult.SKIPPED and by_hand in skipped.skip_reason
    records = DestructionRecord.objects.filter(destruction_list=the_list)
    assert sorted(r.reference for r in records) == sorted(c.reference for c in gone)
    assert all(r.review_id == world["review"].pk for r in records)
    # What remains: the reports of the destroyed period give the same figures.
    assert _figures(org) == figures_before
    call_command("verify_dossier", stdout=io.StringIO())
    # The statement: the references and the two confirmers.
    text = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(the_list.statement_pdf)).pages
    )
    for complaint in gone:
        assert complaint.reference in text
    assert officer.display_name in text and org_admin.display_name in text
    # Dates in the one format of the language, also in the compact listing of records.
    assert "6 mei 2025" in text and "6-5-2025" not in text
    import hashlib

    assert the_list.statement_sha256 == hashlib.sha256(the_list.statement_pdf).hexdigest()


def test_r8_5_a_destroying_list_whose_task_was_lost_is_enqueued_again(
    at, officer, second_officer, world, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    from klachtenregeling.retention.tasks import destroy_list

    the_list = _confirmed(at, world, officer, second_officer)
    with at("2026-03-18 09:01"):
        assert destruction.destruction_lists_start_due() == 1  # its task row is never run
    DBTaskResult.objects.all().delete()  # ... and then lost (a worker's database restored)
    with at("2026-03-18 09:10"):
        assert destruction.destruction_lists_resume_stalled() == 0  # not stalled yet
    with at("2026-03-18 09:20"), django_capture_on_commit_callbacks(execute=True):
        assert destruction.destruction_lists_resume_stalled() == 1
    task = DBTaskResult.objects.get(task_path=destroy_list.module_path)
    assert task.args_kwargs["args"] == [the_list.pk]
    with at("2026-03-18 09:21"):
        assert destruction.destruction_lists_resume_stalled() == 0  # once per stall
        done = destruction.destruction_list_destroy(list_id=the_list.pk)
        # A second run (the lost task turning up after all) finds the work done.
        again = destruction.destruction_list_destroy(list_id=the_list.pk)
    assert done.status == S.DESTROYED and again.status == S.DESTROYED
    assert again.statement_sha256 == done.statement_sha256
    assert not Complaint.objects.filter(pk__in=[c.pk for c in world["ended"][:2]]).exists()


def test_r8_5_a_destroying_list_shows_how_far_it_is(at, client, officer, second_officer, world):
    from django.db import transaction

    the_list = _confirmed(at, world, officer, second_officer)
    with at("2026-03-18 09:01"):
        destruction.destruction_lists_start_due()
    client.force_login(officer)
    url = reverse("destruction:detail", args=[the_list.pk])
    with at("2026-03-18 09:02"):
        page = client.get(url).content.decode()
    assert "0 van 3 klachten verwerkt." in page  # the page is in the site's language
    assert '<progress id="destruction-progress" max="3" value="0">' in page
    # One batch of one line, as the task does it.
    first = the_list.items.order_by("pk").first()
    with at("2026-03-18 09:03"), transaction.atomic():
        destruction._destroy_batch([first], destruction._locked(the_list))
    with at("2026-03-18 09:04"):
        page = client.get(url).content.decode()
    assert "1 van 3 klachten verwerkt." in page


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 search index")
def test_r8_5_a_destruction_list_merges_the_search_index_after_its_last_batch(
    at, officer, second_officer, world
):
    # Each batch leaves its deleted entries marked in the index; the list then merges it
    # into one segment, so the destroyed complaints' words are gone from its blocks too.
    the_list = _confirmed(at, world, officer, second_officer)
    with at("2026-03-19 09:00"):
        destruction.destruction_lists_start_due()
        destruction.destruction_list_destroy(list_id=the_list.pk)
    assert not Complaint.objects.filter(pk__in=[c.pk for c in world["ended"]]).exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(DISTINCT segid) FROM complaint_search_idx")
        assert cursor.fetchone()[0] == 1
        cursor.execute(
            "SELECT rowid FROM complaint_search WHERE complaint_search MATCH %s", ['"marieke"*']
        )
        assert [row[0] for row in cursor.fetchall()] == [world["later"].pk]
