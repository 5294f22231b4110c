import pytest
from django.urls import reverse

from klachtenregeling.complaints import services
from tests.factories import SubjectFactory

URL = reverse("complaints:dashboard")


def references(response) -> list[str]:
    return [c.reference for c in response.context["page"].object_list]


def test_officer_sees_only_their_own_complaints(client, officer, second_officer, submit):
    mine = submit()
    theirs = submit(respondent_id=officer.pk)  # goes to the second officer
    client.force_login(officer)
    response = client.get(URL)
    assert references(response) == [mine.reference]
    assert theirs.reference.encode() not in response.content


def test_r7_1_most_urgent_first_and_overdue_highlighted(client, officer, submit, at):
    with at("2026-01-05 10:00"):
        old = submit()
    with at("2026-02-10 10:00"):
        recent = submit()
    client.force_login(officer)
    with at("2026-02-12 09:00"):
        response = client.get(URL)
    assert references(response) == [old.reference, recent.reference]
    assert response.context["counts"] == {
        "open": 2,
        "overdue": 1,
        "due_this_week": 0,
        "received": 2,
        "awaiting_answer": 0,
        "compliance": 0,  # stored with the last step; the daily refresh did not run
        "ended": 0,
    }
    row = response.content.decode().split(old.reference)[0].rsplit("<tr", 1)[1]
    assert 'class="overdue"' in row
    with at("2026-02-12 09:00"):
        overdue = client.get(URL, {"overdue": "1"})
    assert references(overdue) == [old.reference]


def test_filter_by_status_and_subject(client, org, officer, submit):
    subject = SubjectFactory(organisation=org, name="Facturatie")
    invoiced, started = submit(), submit()
    services.complaint_set_subjects(complaint=invoiced, subject_ids=[subject.pk], by=officer)
    services.complaint_start_handling(complaint=started, by=officer)
    client.force_login(officer)
    assert references(client.get(URL, {"subject": subject.pk})) == [invoiced.reference]
    assert references(client.get(URL, {"status": "in_handling"})) == [started.reference]
    assert references(client.get(URL, {"status": "received", "subject": subject.pk})) == [
        invoiced.reference
    ]


def test_search_in_text_name_and_reference(client, officer, submit):
    annulering = submit(description="Annuleringskosten zijn onterecht gerekend.")
    other = submit(complainant_name="Pieter Post", description="De zaal was te klein.")
    client.force_login(officer)
    assert references(client.get(URL, {"q": other.reference.lower()})) == [other.reference]
    assert references(client.get(URL, {"q": "Post"})) == [other.reference]
    found = references(client.get(URL, {"q": "annuleringskosten"}))
    assert found == [annulering.reference]


def test_pagination_25_per_page(client, officer, submit):
    for _ in range(27):
        submit()
    client.force_login(officer)
    first = client.get(URL)
    second = client.get(URL, {"page": 2})
    assert len(references(first)) == 25
    assert len(references(second)) == 2
    assert not set(references(first)) & set(references(second))
    assert b'rel="next"' in first.content


def test_htmx_request_gets_only_the_results(client, officer, submit):
    submit()
    client.force_login(officer)
    response = client.get(URL, HTTP_HX_REQUEST="true")
    assert b"<table" in response.content
    assert b"<html" not in response.content


@pytest.mark.parametrize("role", ["staff_member", "board_member", "org_admin"])
def test_dashboard_is_for_officers_only(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(URL).status_code == 404


def test_anonymous_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_counts_never_cross_organisations(client, officer, other_org, other_officer, submit):
    submit()
    submit(organisation=other_org)
    submit(organisation=other_org)
    client.force_login(other_officer)
    response = client.get(URL)
    assert response.context["counts"]["open"] == 2
    client.force_login(officer)
    assert client.get(URL).context["counts"]["open"] == 1


def test_days_left_shown(client, officer, submit, at):
    with at("2026-03-02 10:00"):
        submit()
    client.force_login(officer)
    with at("2026-03-25 10:00"):
        response = client.get(URL)
    cells = response.content.decode()
    assert '<td class="col-optional">5</td>' in cells


def test_search_finds_the_start_of_a_name_on_every_database(client, officer, submit):
    janssen = submit(complainant_name="Willemijn Janssen")
    submit(complainant_name="Pieter Post")
    client.force_login(officer)
    assert references(client.get(URL, {"q": "jans"})) == [janssen.reference]


def test_r7_1_overdue_due_this_week_and_awaiting_an_account_at_a_glance(
    client, officer, submit, at, smtp_server
):
    from datetime import date

    from klachtenregeling.compliance.tests.test_selectors import read_by
    from klachtenregeling.handling import services as handling
    from klachtenregeling.handling.constants import Party
    from klachtenregeling.handling.tests import steps
    from klachtenregeling.notifications.delivery import deliver_due

    with at("2026-03-02 10:00"):
        overdue, judged = submit(), submit()  # deadlines 30 March
    with at("2026-03-10 10:00"):
        this_week = submit()  # 7 April
    with at("2026-03-20 10:00"):
        later = submit()  # 17 April
        # Read before the steps: no rule breached, so urgency alone orders them.
        read_by(officer, later)
        read_by(officer, judged)
        later = steps.start(later, officer)
        handling.hearing_invite(
            complaint=later, party=Party.COMPLAINANT, due_date=date(2026, 4, 10), by=officer
        )
        deliver_due()  # the messages so far delivered
        steps.judge(steps.hear_both(steps.start(judged, officer), officer), officer)
        deliver_due()
    client.force_login(officer)
    with at("2026-04-02 09:00"):
        response = client.get(URL)
        counts = response.context["counts"]
        assert (counts["overdue"], counts["due_this_week"], counts["awaiting_answer"]) == (1, 1, 1)
        # The term runs until the judgment: those lead, by deadline; the judged one follows.
        assert references(response) == [
            overdue.reference,
            this_week.reference,
            later.reference,
            judged.reference,
        ]
        assert references(client.get(URL, {"due": "overdue"})) == [overdue.reference]
        assert references(client.get(URL, {"due": "week"})) == [this_week.reference]
        awaiting = client.get(URL, {"due": "awaiting"})
        assert references(awaiting) == [later.reference]
        assert "wacht op reactie" in awaiting.content.decode()
        # Once the complainant has given the account, nothing is awaited any more.
        handling.statement_give_as_complainant(
            complaint=later, text="Mijn verhaal.", link=steps.link_for(later)
        )
        assert references(client.get(URL, {"due": "awaiting"})) == []


def test_unknown_urgency_value_is_ignored(client, officer, submit):
    submit()
    client.force_login(officer)
    response = client.get(URL, {"due": "<script>"})
    assert response.status_code == 200
    assert len(references(response)) == 1


def test_issue_14_breach_and_at_risk_first_named_by_article(
    client, officer, submit, at, smtp_server
):
    """The stored compliance status orders the rows (breached, at risk, the rest), and the
    worst rule is named by its article title, never by its internal id."""
    from klachtenregeling.compliance.stored import compliance_refresh_all
    from klachtenregeling.handling.tests import steps
    from klachtenregeling.notifications.delivery import deliver_due

    with at("2026-03-02 10:00"):
        breached = steps.start(submit(), officer)  # a step without a logged read
    with at("2026-03-20 10:00"):
        fine = submit()
    with at("2026-03-03 10:00"):
        at_risk = submit()  # deadline 31 March
    with at("2026-03-20 11:00"):
        deliver_due()  # every message delivered
    client.force_login(officer)
    client.cookies["django_language"] = "en"  # texts compared in English
    with at("2026-03-27 09:00"):
        compliance_refresh_all()
        response = client.get(URL)
        only = client.get(URL, {"due": "compliance"})
    assert references(response) == [breached.reference, at_risk.reference, fine.reference]
    assert references(only) == [breached.reference, at_risk.reference]
    assert response.context["counts"]["compliance"] == 2
    html = response.content.decode()
    row = html.split(f">{breached.reference}</a>")[1].split("</tr>")[0]
    assert "Breached: Article 6: every read of the dossier logged" in row
    assert "R-6.2" not in html
    row = html.split(f">{at_risk.reference}</a>")[1].split("</tr>")[0]
    assert "At risk: Article 5: " in row  # the first rule due with the judgment
    row = html.split(f">{fine.reference}</a>")[1].split("</tr>")[0]
    assert "badge" not in row.split("</td>")[0]


@pytest.mark.parametrize("size", [2, 12])
def test_issue_14_dashboard_queries_do_not_grow(
    client, officer, submit, size, django_assert_max_num_queries
):
    from klachtenregeling.handling.tests import steps

    for n in range(size):
        complaint = submit()
        if n % 2:
            steps.start(complaint, officer)  # breached: a badge on the row
    client.force_login(officer)
    client.get(URL)  # sessions, caches
    # The same at both sizes: the header's counters in two queries (ended: a bounded count
    # of its own), the page's total taken from them, the subjects read once (issue 19).
    with django_assert_max_num_queries(19):
        response = client.get(URL)
    assert len(response.context["page"].object_list) == size


def _ended(submit, officer, staff_member, at):
    """One complaint resolved and closed (with a judgment), one withdrawn."""
    from klachtenregeling.complaints.constants import Satisfaction
    from klachtenregeling.handling import services as handling_services
    from klachtenregeling.handling.tests import steps

    with at("2026-03-02 10:00"):
        closed = steps.resolve(steps.start(submit(respondent_id=staff_member.pk), officer), officer)
    with at("2026-03-20 10:00"):
        handling_services.complaint_close(
            complaint=closed,
            cause_id=steps.cause_for(closed, officer),
            satisfaction=Satisfaction.SATISFIED,
            by=officer,
        )
    with at("2026-03-03 10:00"):
        withdrawn = steps.classify(submit(), officer)
    with at("2026-03-10 10:00"):
        handling_services.complaint_withdraw_on_behalf(
            complaint=withdrawn, reason="Klager belde: opgelost.", by=officer
        )
    return steps.fresh(closed), steps.fresh(withdrawn)


def test_ended_complaints_show_outcome_and_end_date_not_days(
    client, officer, staff_member, submit, at
):
    """Issue 17: the default view is the open complaints; ended ones are under their own
    tab, with their outcome and the day they ended, most recently ended first."""
    closed, withdrawn = _ended(submit, officer, staff_member, at)
    running = submit()
    client.force_login(officer)
    with at("2026-05-01 10:00"):
        open_view = client.get(URL)
        ended_view = client.get(URL, {"view": "ended"})
    assert references(open_view) == [running.reference]
    assert open_view.context["counts"]["ended"] == 2
    assert references(ended_view) == [closed.reference, withdrawn.reference]
    html = ended_view.content.decode()
    assert "Afgerond op" in html and "Uitkomst" in html
    assert "20 maart 2026" in html and "10 maart 2026" in html
    assert "oordeel: deels gegrond" in html
    assert "Resterende dagen" not in html and "dagen te laat" not in html
    assert 'aria-current="page">Afgerond (2)' in html
    # A status filter for an ended status shows the ended view too.
    assert references(client.get(URL, {"status": "withdrawn"})) == [withdrawn.reference]


def test_r5_5_no_days_counted_once_the_judgment_is_sent(client, officer, staff_member, submit, at):
    from klachtenregeling.handling.tests import steps

    with at("2026-01-05 10:00"):
        complaint = steps.hear_both(
            steps.start(submit(respondent_id=staff_member.pk), officer), officer
        )
        steps.judge(complaint, officer)
    client.force_login(officer)
    with at("2026-05-01 10:00"):
        html = client.get(URL).content.decode()
    row = html.split(f">{complaint.reference}<")[1].split("</tr>")[0]
    assert "termijn afgelopen met het oordeel" in row
    assert "te laat" not in row


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"status": "received"},
        {"status": "in_handling"},
        {"due": "overdue"},
        {"due": "week"},
        {"due": "awaiting"},
        {"due": "compliance"},
        {"status": "received", "due": "overdue"},
        {"view": "ended"},
        {"view": "ended", "status": "closed"},
        {"q": "training"},
    ],
)
def test_issue_19_the_page_total_taken_from_a_counter_is_the_real_count(
    client, officer, staff_member, submit, at, params
):
    """The paginator takes its total from the header's counters where one counts the same
    rows (no count of its own): it must equal counting the rows."""
    from klachtenregeling.complaints import selectors
    from klachtenregeling.handling.tests import steps

    _ended(submit, officer, staff_member, at)  # one closed with a judgment, one withdrawn
    with at("2026-01-05 10:00"):
        submit()  # overdue by May
    with at("2026-04-28 10:00"):
        submit()  # due this week
        steps.start(submit(), officer)
    client.force_login(officer)
    with at("2026-05-01 10:00"):
        response = client.get(URL, params)
        filters = response.context["filters"]
        expected = selectors.complaint_list_for_officer(officer, filters).count()
    assert response.context["page"].paginator.count == expected
    assert len(references(response)) == expected


def test_issue_19_a_long_history_is_paged_without_counting_it(
    client, officer, staff_member, submit, at, monkeypatch
):
    """Past the ended tab's cap the list counts no further than the page asked for and one
    row more: "Pagina 1" with a next page, and the exact total once the end is in reach.
    (Cap and page size made small here, so that two complaints are a long history.)"""
    from klachtenregeling.complaints import selectors
    from klachtenregeling.complaints.views import officer as views

    closed, withdrawn = _ended(submit, officer, staff_member, at)
    monkeypatch.setattr(selectors, "ENDED_COUNT_CAP", 1)
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    client.force_login(officer)
    first = client.get(URL, {"view": "ended"})
    assert first.context["counts"]["ended"] == "1+"
    assert references(first) == [closed.reference]  # the most recently ended first
    html = first.content.decode()
    assert "<span>Pagina 1</span>" in html and 'rel="next"' in html
    for page in ("2", "9"):  # beyond the end: the last page
        last = client.get(URL, {"view": "ended", "page": page})
        assert references(last) == [withdrawn.reference]
        html = last.content.decode()
        assert "<span>Pagina 2 van 2</span>" in html and 'rel="next"' not in html
    for page in ("x", "0", "-1", "²", "9" * 40):  # not a page: the first (a huge one: the last)
        response = client.get(URL, {"view": "ended", "page": page})
        assert response.status_code == 200
        assert references(response) == [
            closed.reference if page != "9" * 40 else withdrawn.reference
        ]
