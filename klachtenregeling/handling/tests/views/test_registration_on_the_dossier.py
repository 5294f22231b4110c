"""The dossier shows where a complaint still needs its subject (R-8.1) and asks the cause
(R-3.2) and satisfaction (R-3.3) where a step ends it; the complainant's own withdrawal
asks how satisfied they are."""

from django.urls import reverse

from klachtenregeling.complaints.constants import Satisfaction, Status
from klachtenregeling.portal import tokens
from klachtenregeling.reports.models import ComplaintStatistic

from .. import steps

HINT = 'data-hint="subjects-first"'


def dossier(client, complaint) -> str:
    response = client.get(reverse("complaints:detail", args=[complaint.reference]))
    assert response.status_code == 200
    return response.content.decode()


def test_r8_1_dossier_hint_where_an_end_is_offered_without_a_subject(client, complaint, officer):
    client.force_login(officer)
    page = dossier(client, complaint)
    # Withdrawal and not admissible are offered in handling: both say so, with a link.
    assert page.count(HINT) == 2
    assert 'href="#subjects"' in page
    assert 'id="subjects"' in page
    page = dossier(client, steps.classify(complaint, officer))
    assert HINT not in page


def test_r8_1_page_step_refused_without_a_subject_stores_nothing(client, complaint, officer):
    client.force_login(officer)
    response = client.post(
        reverse("handling:withdraw", args=[complaint.reference]),
        {
            "withdraw-version": complaint.version,
            "withdraw-reason": "Klager belde.",
            "withdraw-satisfaction": "unknown",
        },
    )
    assert response.status_code == 400
    assert 'href="#subjects"' in response.content.decode()
    assert steps.fresh(complaint).status == Status.IN_HANDLING


def test_r3_2_closing_page_asks_the_cause_and_stores_it(client, complaint, officer):
    complaint = steps.resolve(steps.classify(complaint, officer), officer)
    client.force_login(officer)
    # No cause configured yet: the form says where to add them (no dead end).
    page = dossier(client, complaint)
    assert 'data-hint="no-causes"' in page
    assert reverse("registration:lists") + "#causes" in page
    cause_id = steps.cause_for(complaint, officer)
    page = dossier(client, complaint)
    assert 'name="close-cause"' in page
    url = reverse("handling:close", args=[complaint.reference])
    data = {"close-version": complaint.version, "close-satisfaction": "partly"}
    response = client.post(url, data)
    assert response.status_code == 400
    assert 'id="id_close-cause_error"' in response.content.decode()
    response = client.post(url, {**data, "close-cause": cause_id, "close-root_cause": ""})
    assert response.status_code == 302
    complaint = steps.fresh(complaint)
    assert (complaint.status, complaint.cause_id, complaint.satisfaction) == (
        Status.CLOSED,
        cause_id,
        Satisfaction.PARTLY,
    )


def test_r3_3_complainant_withdraws_with_or_without_saying_how_satisfied(client, submit):
    for given, stored in (({}, Satisfaction.UNKNOWN), ({"satisfaction": "satisfied"}, "satisfied")):
        complaint = submit()
        token = tokens.issue(complaint, purpose="test")
        slug = complaint.organisation.slug
        client.get(reverse("portal:enter", args=[slug]) + f"?t={token}")
        page = client.get(reverse("portal:status", args=[slug])).content.decode()
        assert 'name="satisfaction"' in page
        response = client.post(
            reverse("portal:withdraw", args=[slug]), {"reason": "", "confirm": "on", **given}
        )
        assert response.status_code == 302
        complaint = steps.fresh(complaint)
        assert complaint.status == Status.WITHDRAWN
        assert complaint.satisfaction == stored
        assert ComplaintStatistic.objects.get(complaint=complaint).satisfaction == stored


def test_r3_2_r3_3_withdrawal_asks_the_cause_and_unknown_is_an_answer(client, complaint, officer):
    """Item 5 of issue 16: cause and satisfaction are asked at every end, and "unknown" is
    an answer to both — not leaving the field empty."""
    complaint = steps.classify(complaint, officer)
    cause_id = steps.cause_for(complaint, officer)
    client.force_login(officer)
    page = dossier(client, complaint)
    assert 'name="withdraw-cause"' in page and 'name="not-admissible-cause"' in page
    url = reverse("handling:withdraw", args=[complaint.reference])
    data = {
        "withdraw-version": complaint.version,
        "withdraw-reason": "Klager belde: het is opgelost.",
        "withdraw-satisfaction": "unknown",
    }
    response = client.post(url, data)
    assert response.status_code == 400
    assert 'id="id_withdraw-cause_error"' in response.content.decode()
    assert "Klager belde: het is opgelost." in response.content.decode()  # nothing lost
    assert steps.fresh(complaint).status == Status.IN_HANDLING
    assert cause_id  # a real cause is offered beside "unknown"
    response = client.post(url, {**data, "withdraw-cause": "0"})
    assert response.status_code == 302
    complaint = steps.fresh(complaint)
    assert (complaint.status, complaint.cause_id, complaint.satisfaction) == (
        Status.WITHDRAWN,
        None,
        Satisfaction.UNKNOWN,
    )
    statistic = ComplaintStatistic.objects.get(complaint=complaint)
    assert (statistic.cause_id, statistic.satisfaction) == (None, Satisfaction.UNKNOWN)
