"""R-8.5, R-4.3: holds on destruction are rows: the referral's own, and holds set by hand."""

import pytest
from django.urls import reverse

from klachtenregeling.accounts import policies
from klachtenregeling.audit.constants import ActorRole, EventType
from klachtenregeling.audit.models import CaseEvent
from klachtenregeling.core.errors import DomainError, InvalidInput, NotPermitted
from klachtenregeling.handling.tests import steps
from klachtenregeling.retention import selectors, services
from klachtenregeling.retention.constants import HoldKind
from klachtenregeling.retention.models import Hold


@pytest.fixture
def ended(submit, officer):
    complaint = steps.classify(steps.start(submit(), officer), officer)
    from klachtenregeling.handling import services as handling

    handling.complaint_withdraw_on_behalf(
        complaint=complaint, reason="Telefonisch ingetrokken.", by=officer
    )
    return steps.fresh(complaint)


def test_r4_3_referral_sets_and_lifts_its_hold(complaint, officer):
    complaint = steps.refer(steps.unresolve(complaint, officer), officer)
    [hold] = selectors.open_holds(complaint)
    assert (hold.kind, hold.set_by) == (HoldKind.REFERRAL, officer)
    assert [b.kind for b in selectors.blockers(complaint)] == [
        HoldKind.NOT_ENDED,
        HoldKind.REFERRAL,
    ]
    with pytest.raises(DomainError):  # only the ruling ends it
        services.hold_lift(hold=hold, reason="Klaar.", by=officer)

    from klachtenregeling.core import clock
    from klachtenregeling.handling import services as handling
    from klachtenregeling.handling.constants import RulingOutcome

    handling.ruling_record(
        complaint=complaint,
        ruling_on=clock.today(),
        outcome=RulingOutcome.REJECTED,
        text="Ongegrond.",
        root_cause="Planning.",
        cause_id=steps.cause_for(complaint, officer),
        satisfaction="dissatisfied",
        by=officer,
    )
    hold.refresh_from_db()
    assert hold.lifted_at is not None and hold.lifted_by == officer
    assert selectors.blockers(steps.fresh(complaint)) == []


def test_r8_5_officer_sets_and_lifts_a_hold_by_hand_with_case_events(ended, officer):
    hold = services.hold_set(complaint=ended, reason="  Rechtszaak loopt.  ", by=officer)
    assert (hold.kind, hold.reason, hold.is_open) == (HoldKind.MANUAL, "Rechtszaak loopt.", True)
    assert [b.kind for b in selectors.blockers(ended)] == [HoldKind.MANUAL]
    services.hold_lift(hold=hold, reason="Zaak geschikt.", by=officer)
    hold.refresh_from_db()
    assert (hold.lift_reason, hold.lifted_by) == ("Zaak geschikt.", officer)
    assert not selectors.has_open_hold(ended)
    set_event, lifted_event = CaseEvent.objects.filter(
        complaint=ended, type__in=[EventType.HOLD_SET, EventType.HOLD_LIFTED]
    ).order_by("seq")
    assert set_event.data == {"hold_id": hold.pk, "kind": "manual", "reason": "Rechtszaak loopt."}
    assert (set_event.actor_role, lifted_event.data["reason"]) == (
        ActorRole.OFFICER,
        "Zaak geschikt.",
    )
    with pytest.raises(DomainError):
        services.hold_lift(hold=hold, reason="Nog eens.", by=officer)


def test_r8_5_admin_sets_a_hold_recorded_as_admin(ended, org_admin):
    hold = services.hold_set(complaint=ended, reason="Verzoek van de klager.", by=org_admin)
    event = CaseEvent.objects.get(complaint=ended, type=EventType.HOLD_SET)
    assert (event.actor, event.actor_role, hold.set_by) == (org_admin, ActorRole.ADMIN, org_admin)


def test_r8_5_a_hold_needs_a_reason(ended, officer):
    with pytest.raises(InvalidInput):
        services.hold_set(complaint=ended, reason=" ", by=officer)
    assert not Hold.objects.exists()


def test_r8_5_who_may_manage_holds(
    ended, officer, second_officer, staff_member, board_member, org_admin, other_officer
):
    allowed = {
        u.username
        for u in (officer, second_officer, staff_member, board_member, org_admin, other_officer)
        if policies.can(u, policies.HOLD_MANAGE, ended)
    }
    assert allowed == {officer.username, org_admin.username}
    with pytest.raises(NotPermitted):
        services.hold_set(complaint=ended, reason="Nee.", by=second_officer)


def test_r8_5_the_admin_never_manages_holds_of_a_complaint_about_them(ended, org_admin):
    ended.respondent_id = org_admin.pk  # as if the complaint were about the admin
    assert not policies.can(org_admin, policies.HOLD_MANAGE, ended)


def test_r8_5_the_dossier_shows_the_holds_box_and_the_officer_sets_a_hold(client, ended, officer):
    client.force_login(officer)
    page = client.get(reverse("complaints:detail", args=[ended.reference]))
    assert page.status_code == 200
    assert reverse("retention:set", args=[ended.reference]) in page.content.decode()
    response = client.post(
        reverse("retention:set", args=[ended.reference]), {"reason": "Rechtszaak."}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("complaints:detail", args=[ended.reference])
    hold = Hold.objects.get(complaint=ended)
    page = client.get(reverse("complaints:detail", args=[ended.reference]))
    assert "Rechtszaak." in page.content.decode()
    response = client.post(
        reverse("retention:lift", args=[ended.reference, hold.pk]), {"lift_reason": "Klaar."}
    )
    assert response.status_code == 302
    assert not selectors.has_open_hold(ended)


def test_r8_5_the_admin_sees_reference_dates_and_holds_only(client, ended, org_admin):
    client.force_login(org_admin)
    listing = client.get(reverse("retention:list"), {"reference": ended.reference})
    assert listing.status_code == 200
    assert ended.reference in listing.content.decode()
    page = client.get(reverse("retention:complaint", args=[ended.reference]))
    assert page.status_code == 200
    html = page.content.decode()
    for content in (ended.complainant_name, ended.complainant_email, ended.description):
        assert content not in html
    response = client.post(
        reverse("retention:set", args=[ended.reference]), {"reason": "Verzoek klager."}
    )
    assert response["Location"] == reverse("retention:complaint", args=[ended.reference])
    assert selectors.has_open_hold(ended)


def test_r8_5_an_empty_reason_is_refused_with_a_message(client, ended, officer):
    client.force_login(officer)
    url = reverse("complaints:detail", args=[ended.reference])
    response = client.post(
        reverse("retention:set", args=[ended.reference]), {"reason": ""}, HTTP_REFERER=url
    )
    assert response.status_code == 302
    assert not Hold.objects.exists()
