"""Query budgets (issue 19): the pages that run all day make the same number of queries
whatever the data size — measured at two sizes of generated data (`generate_complaints`),
and at most the budget. A new N+1 query or a count that grows with the data fails here."""

import io

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from klachtenregeling.complaints.constants import Status
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.organisations.models import Organisation
from klachtenregeling.portal import tokens

# The budgets are today's counts (SQLite and PostgreSQL alike). The submission is one
# transaction of ten statements, counted here with the test's SAVEPOINT and RELEASE: its
# dossier's first events are chained in memory and written in one INSERT, its two e-mails
# in another (their texts and the personal link composed later by the worker:
# notifications/compose.py), its compliance status computed once from them
# (audit.events.new_dossier), the officer chosen before the complaint's INSERT (one query
# for the officers). The new session of a first visit is not part of it.
SUBMISSION_BUDGET = 12  # 14 before (mails rendered and inserted one by one, the link)
# The officer's list: the header's counters in two queries (the ended tab a bounded count
# of its own), the page's total taken from them, the subjects read once.
DASHBOARD_BUDGET = 19  # 25 before; 3 of them the session's save (every request)
DOSSIER_BUDGET = 36
STATUS_PAGE_BUDGET = 20
PUBLIC_FORM_BUDGET = 4  # the staff list read once (it was twice: the select's two reads)
REGISTRATION_FORM_BUDGET = 12

FORM = {
    "complainant_name": "Jan de Vries",
    "complainant_email": "jan@example.org",
    "representation": "self",
    "engagement_description": "Training timemanagement",
    "concerns": ["quality"],
    "description": "De training begon een uur te laat en niemand legde uit waarom.",
}


def grow(count: int) -> Organisation:
    call_command(
        "generate_complaints",
        "--count",
        str(count),
        "--organisations",
        "1",
        "--officers",
        "2",
        "--no-progress",
        stdout=io.StringIO(),
    )
    return Organisation.objects.get()


def queries(function) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = function()
    assert response.status_code in (200, 302), response.status_code
    return len(captured)


def measure(client, organisation, complaint, n: int) -> dict[str, int]:
    officer = complaint.assigned_officer
    form = reverse("public:complaint-form", args=[organisation.slug])
    browser = Client()  # a complainant's browser: no session of its own (the receipt: a cookie)
    figures = {
        "public form": queries(lambda: browser.get(form)),
        "submission": queries(lambda: browser.post(form, {**FORM, "submission_key": f"key-{n}"})),
    }
    client.force_login(officer)
    dashboard = reverse("complaints:dashboard")
    figures["dashboard"] = queries(lambda: client.get(dashboard))
    figures["dashboard, filtered"] = queries(lambda: client.get(dashboard, {"status": "received"}))
    figures["dashboard, ended"] = queries(lambda: client.get(dashboard, {"view": "ended"}))
    figures["registration form"] = queries(lambda: client.get(reverse("complaints:register")))
    detail = reverse("complaints:detail", args=[complaint.reference])
    client.get(detail)  # the first read of the day may write more (the access log)
    figures["dossier"] = queries(lambda: client.get(detail))
    client.logout()
    token = tokens.issue(complaint, purpose="test")
    slug = organisation.slug
    client.get(reverse("portal:enter", args=[slug]) + f"?t={token}")
    status = reverse("portal:status", args=[slug])
    client.get(status)
    figures["status page"] = queries(lambda: client.get(status))
    client.post(reverse("portal:leave", args=[slug]))
    return figures


def test_query_counts_do_not_grow_with_the_data(db, client):
    organisation = grow(20)
    # The same complaint, officer and complainant at both sizes: only the volume differs.
    complaint = (
        Complaint.objects.filter(organisation=organisation, status=Status.CLOSED)
        .order_by("-pk")
        .first()
    )
    small = measure(client, organisation, complaint, 1)
    grow(200)
    large = measure(client, organisation, complaint, 2)
    assert large == small
    assert small["public form"] <= PUBLIC_FORM_BUDGET
    assert small["submission"] <= SUBMISSION_BUDGET
    assert small["dashboard"] <= DASHBOARD_BUDGET
    assert small["dashboard, filtered"] <= DASHBOARD_BUDGET
    assert small["dashboard, ended"] <= DASHBOARD_BUDGET
    assert small["registration form"] <= REGISTRATION_FORM_BUDGET
    assert small["dossier"] <= DOSSIER_BUDGET
    assert small["status page"] <= STATUS_PAGE_BUDGET
