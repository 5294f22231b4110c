"""Rate limits per client address (Art. 6): the public complaint form and the complainant's
link; each gives the 429 page, and another address is not affected. (The API, the log-in and
the code step: api/tests, accounts/tests.)"""

from django.urls import reverse

from klachtenregeling.complaints.models import Complaint
from klachtenregeling.complaints.tests.views.test_public_form import FORM, valid


def test_the_complaint_form_is_limited_per_address(client, org, officer):
    for n in range(20):
        client.post(FORM, valid(submission_key=f"k{n}"), REMOTE_ADDR="10.1.1.1")
    blocked = client.post(FORM, valid(submission_key="k-x"), REMOTE_ADDR="10.1.1.1")
    assert blocked.status_code == 429
    assert blocked["Retry-After"] == "3600"
    assert "Te veel verzoeken" in blocked.content.decode()
    other = client.post(FORM, valid(submission_key="k-y"), REMOTE_ADDR="10.2.2.2")
    assert other.status_code == 302
    assert Complaint.objects.count() == 21


def test_opening_personal_links_is_limited_per_address(client, org):
    url = reverse("portal:enter", args=[org.slug]) + "?t=guess"
    statuses = [client.get(url, REMOTE_ADDR="10.3.3.3").status_code for _ in range(31)]
    assert statuses == [404] * 30 + [429]  # guessing tokens stops after 30 an hour
    assert client.get(url, REMOTE_ADDR="10.4.4.4").status_code == 404
