"""Issue 17, item 9: clients and engagements on the administrator's own pages (Django's admin
is for the platform's superusers only); every change in the organisation log."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from klachtenregeling.engagements.models import Client, Engagement
from klachtenregeling.organisations.models import LogAction, OrganisationLogEntry
from tests.factories import UserFactory

LIST = "/werk/instellingen/opdrachten/"
NEW = "/werk/instellingen/opdrachten/nieuw/"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def admin_client(client, org_admin):
    client.force_login(org_admin)
    return client


@pytest.fixture
def engagement(org):
    client = Client.objects.create(organisation=org, name="Gemeente Utrecht")
    return Engagement.objects.create(
        organisation=org, client=client, reference="OPD-2026-001", title="Training Excel"
    )


def new_engagement(**values):
    return {
        "reference": "OPD-2026-777",
        "title": "Cursus timemanagement",
        "starts_on": "2026-03-01",
        "ends_on": "2026-03-31",
        "client": "",
        "new_client_name": "Bakkerij De Korenaar",
        "new_client_email": "inkoop@korenaar.nl",
        **values,
    }


def test_engagement_added_with_a_new_client_and_logged(admin_client, org, org_admin):
    response = admin_client.post(NEW, new_engagement())
    assert response.status_code == 302
    engagement = Engagement.objects.get(organisation=org, reference="OPD-2026-777")
    assert engagement.client.name == "Bakkerij De Korenaar"
    assert engagement.client.organisation == org
    entry = OrganisationLogEntry.objects.get(organisation=org, action=LogAction.ENGAGEMENT_ADDED)
    assert entry.actor == org_admin
    assert {"field": "client", "before": None, "after": "Bakkerij De Korenaar"} in entry.changes
    page = admin_client.get(response["Location"]).content.decode()
    assert "Opdracht OPD-2026-777 is toegevoegd." in page


def test_refused_input_keeps_what_was_typed_and_stores_nothing(admin_client, org, engagement):
    response = admin_client.post(
        NEW,
        new_engagement(reference="opd-2026-001", ends_on="2026-02-01", new_client_name="Nieuw"),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Opdrachtnummer opd-2026-001 is al in gebruik." in html
    assert "Cursus timemanagement" in html  # typed text kept
    assert not Client.objects.filter(name="Nieuw").exists()
    no_client = admin_client.post(NEW, new_engagement(new_client_name=""))
    assert no_client.status_code == 400
    assert "Kies een opdrachtgever of vul de naam van een nieuwe in." in no_client.content.decode()
    assert Engagement.objects.filter(organisation=org).count() == 1


def test_end_before_start_is_refused(admin_client):
    response = admin_client.post(NEW, new_engagement(starts_on="2026-05-01", ends_on="2026-04-01"))
    assert response.status_code == 400
    assert "De einddatum ligt voor de begindatum." in response.content.decode()


def test_engagement_changed_with_before_and_after_in_the_log(admin_client, org, engagement):
    url = f"{LIST}{engagement.pk}/"
    data = {
        "save": "1",
        "reference": "OPD-2026-001",
        "title": "Training Excel voor gevorderden",
        "client": str(engagement.client_id),
    }
    assert admin_client.post(url, data).status_code == 302
    engagement.refresh_from_db()
    assert engagement.title == "Training Excel voor gevorderden"
    entry = OrganisationLogEntry.objects.get(action=LogAction.ENGAGEMENT_CHANGED)
    assert entry.changes == [
        {"field": "title", "before": "Training Excel", "after": "Training Excel voor gevorderden"}
    ]
    log = admin_client.get("/werk/instellingen/logboek/").content.decode()
    assert "Wijzigde een opdracht" in log and "Training Excel voor gevorderden" in log


def test_document_checked_by_content_and_logged(admin_client, org, engagement):
    url = f"{LIST}{engagement.pk}/"
    fake = SimpleUploadedFile("factuur.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    refused = admin_client.post(url, {"upload": "1", "kind": "invoice", "file": fake})
    assert refused.status_code == 400
    assert not engagement.documents.exists()
    good = SimpleUploadedFile("factuur.pdf", PDF, "application/pdf")
    assert (
        admin_client.post(url, {"upload": "1", "kind": "invoice", "file": good}).status_code == 302
    )
    document = engagement.documents.get()
    assert document.filename == "factuur.pdf" and len(document.sha256) == 64
    assert document.file.read() == PDF
    assert OrganisationLogEntry.objects.filter(
        organisation=org, action=LogAction.ENGAGEMENT_DOCUMENT_ADDED
    ).exists()
    assert "factuur.pdf" in admin_client.get(url).content.decode()


def test_list_searches_and_pages(admin_client, org, engagement):
    client = engagement.client
    for n in range(30):
        Engagement.objects.create(
            organisation=org, client=client, reference=f"OPD-2025-{n:03}", title=f"Cursus {n}"
        )
    first = admin_client.get(LIST).content.decode()
    assert "Pagina 1 van 2" in first
    found = admin_client.get(LIST, {"q": "excel"}).content.decode()
    assert "OPD-2026-001" in found and "OPD-2025-000" not in found
    none = admin_client.get(LIST, {"q": "zeilcursus"}).content.decode()
    assert "Geen opdracht gevonden voor “zeilcursus”." in none


def test_only_the_organisations_administrator(client, officer, other_org, engagement):
    client.force_login(officer)
    assert client.get(LIST).status_code == 404
    foreign_admin = UserFactory(organisation=other_org, admin=True, username="foreign-admin")
    client.force_login(foreign_admin)
    assert client.get(f"{LIST}{engagement.pk}/").status_code == 404
    assert client.get(LIST).status_code == 200
    assert "OPD-2026-001" not in client.get(LIST).content.decode()


def test_django_admin_is_for_superusers_only(client, org_admin):
    client.force_login(org_admin)
    response = client.get("/beheer/")
    assert response.status_code == 302
    assert client.get(response["Location"])["Location"] == "/werk/instellingen/"
    root = UserFactory(organisation=None, is_superuser=True, is_employee=False)
    client.force_login(root)
    assert client.get("/beheer/").status_code == 200


def test_english(admin_client):
    admin_client.cookies["django_language"] = "en"
    page = admin_client.get(LIST, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Engagements" in page


def test_a_document_is_kept_when_its_kind_is_missing(admin_client, org, engagement):
    """Issue 17, item 1: the file that passed the checks survives the form's error."""
    import re

    from klachtenregeling.complaints.models import PendingUpload

    url = f"{LIST}{engagement.pk}/"
    good = SimpleUploadedFile("contract.pdf", PDF, "application/pdf")
    refused = admin_client.post(url, {"upload": "1", "kind": "", "file": good})
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "al toegevoegd:" in html and "contract.pdf" in html and "verwijderen" in html
    [kept] = re.findall(r'name="kept_upload" value="([0-9a-f-]{36})"', html)
    assert not engagement.documents.exists()
    response = admin_client.post(url, {"upload": "1", "kind": "invoice", "kept_upload": [kept]})
    assert response.status_code == 302
    document = engagement.documents.get()
    assert document.filename == "contract.pdf" and document.file.read() == PDF
    assert not PendingUpload.objects.exists()
