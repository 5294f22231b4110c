"""The pages of an oral complaint (R-1.1, second sentence): one test per page."""

import io
from datetime import date

from django.urls import reverse
from django.utils import translation

from klachtenregeling.complaints.constants import Channel
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.oral import services
from klachtenregeling.oral.constants import RecordStatus
from klachtenregeling.oral.models import OralComplaintRecord
from tests import samples

FORM = {
    "told_on": "2026-03-02",
    "how_told": "phone",
    "complainant_name": "Bakkerij Van Dam",
    "complainant_email": "info@vandam.example",
    "language": "nl",
    "representation": "self",
    "engagement_description": "Workshop Feedback",
    "concerns": ["forming"],
    "description": "Belde over de offerte.",
    "submission_key": "mondeling-1",
}


def make_record(officer, draft, at):
    with at("2026-03-02 11:00"):
        return services.oral_record_create(
            by=officer, told_on=date(2026, 3, 2), how_told="phone", draft=draft()
        )


def test_r1_1_oral_record_page_records_and_sends(client, officer, at):
    client.force_login(officer)
    with at("2026-03-02 11:00"):
        assert client.get(reverse("oral:record")).status_code == 200
        response = client.post(reverse("oral:record"), FORM)
    created = OralComplaintRecord.objects.get()
    assert response["Location"] == reverse("oral:detail", args=[created.pk])
    assert Complaint.objects.count() == 0


def test_r1_1_oral_record_page_shows_errors_and_stores_nothing(client, officer, at):
    client.force_login(officer)
    with at("2026-03-02 11:00"):
        response = client.post(reverse("oral:record"), {**FORM, "told_on": "2026-03-09"})
    assert response.status_code == 200
    assert "told_on" in response.context["form"].errors
    assert not OralComplaintRecord.objects.exists()


def test_r1_1_oral_waiting_list_shows_the_record(client, officer, second_officer, draft, at):
    created, _token = make_record(officer, draft, at)
    client.force_login(officer)
    with at("2026-03-03 09:00"):
        response = client.get(reverse("oral:waiting"))
    assert created.complainant_name in response.content.decode()
    assert "16 maart 2026" in response.content.decode()
    client.force_login(second_officer)
    assert created.complainant_name not in client.get(reverse("oral:waiting")).content.decode()
    assert client.get(reverse("oral:detail", args=[created.pk])).status_code == 404


def test_r1_1_oral_detail_and_close_refused_before_the_period(client, officer, draft, at):
    created, _token = make_record(officer, draft, at)
    client.force_login(officer)
    with at("2026-03-05 09:00"):
        assert client.get(reverse("oral:detail", args=[created.pk])).status_code == 200
        response = client.post(reverse("oral:close", args=[created.pk]))
    assert "16 maart 2026" in response.content.decode()
    with at("2026-03-17 09:00"):
        shown = client.post(reverse("oral:close", args=[created.pk]))
        assert "letter-page" in shown.content.decode()  # previewed, nothing sent yet
        created.refresh_from_db()
        assert created.status == RecordStatus.AWAITING
        response = client.post(reverse("oral:close", args=[created.pk]), {"confirm": "send"})
    assert response.status_code == 302
    created.refresh_from_db()
    assert created.status == RecordStatus.NOT_CONFIRMED


def test_r1_1_oral_paper_confirmation_page(client, officer, draft, at):
    created, _token = make_record(officer, draft, at)
    client.force_login(officer)
    scan = io.BytesIO(samples.pdf())
    scan.name = "bevestiging.pdf"
    with at("2026-03-10 09:00"):
        response = client.post(
            reverse("oral:confirm-on-paper", args=[created.pk]),
            {"paper-confirmed_on": "2026-03-09", "paper-scan": scan, "paper-text": "Tekst."},
        )
    complaint = Complaint.objects.get()
    assert response["Location"] == reverse("complaints:detail", args=[complaint.reference])
    assert complaint.channel == Channel.ORAL


def test_r1_1_oral_confirm_page_confirms_once(client, officer, draft, at, org):
    _created, token = make_record(officer, draft, at)
    url = reverse("oral-confirm", args=[org.slug]) + f"?t={token}"
    with at("2026-03-04 09:00"):
        assert "Bevestig je klacht" in client.get(url).content.decode()
        response = client.post(url, {"t": token, "text": "Verbeterde tekst."})
        assert Complaint.objects.get().reference in response.content.decode()
        again = client.get(url).content.decode()
    assert "al bevestigd op 4 maart 2026" in again
    assert client.get(reverse("oral-confirm", args=[org.slug]) + "?t=x").status_code == 404


def test_r1_1_oral_confirm_page_in_english(client, officer, draft, at, org):
    _created, token = make_record(officer, draft, at)
    url = reverse("oral-confirm", args=[org.slug]) + f"?t={token}"
    with at("2026-03-04 09:00"), translation.override("en"):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert "Confirm your complaint" in response.content.decode()


def test_the_paper_confirmation_keeps_its_scan_and_text_across_an_error(client, officer, draft, at):
    """Issue 17, item 1: the scan that passed the checks survives a missing date."""
    import re

    from klachtenregeling.complaints.models import PendingUpload
    from klachtenregeling.retention.files import read_plaintext

    created, _token = make_record(officer, draft, at)
    client.force_login(officer)
    url = reverse("oral:confirm-on-paper", args=[created.pk])
    scan = io.BytesIO(samples.pdf())
    scan.name = "bevestiging.pdf"
    with at("2026-03-10 09:00"):
        refused = client.post(url, {"paper-scan": scan, "paper-text": "Verbeterd op papier."})
        assert refused.status_code == 400
        html = refused.content.decode()
        assert "Verbeterd op papier." in html
        assert "al toegevoegd:" in html and "bevestiging.pdf" in html and "verwijderen" in html
        [kept] = re.findall(r'name="kept_upload" value="([0-9a-f-]{36})"', html)
        response = client.post(
            url,
            {
                "paper-confirmed_on": "2026-03-09",
                "paper-text": "Verbeterd op papier.",
                "kept_upload": [kept],
            },
        )
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert any(read_plaintext(a) == samples.pdf() for a in complaint.attachments.all())
    assert not PendingUpload.objects.exists()


def test_r1_1_oral_letters_are_printed_and_marked_posted_from_the_post_list(
    client, officer, second_officer, draft, at
):
    with at("2026-03-02 11:00"):
        created, _token = services.oral_record_create(
            by=officer,
            told_on=date(2026, 3, 2),
            how_told="in_person",
            draft=draft(complainant_email="", address_foreign="Rue 1\n1000 Bruxelles\nBelgië"),
        )
    [letter] = created.letters.all()
    pdf_url = reverse("oral:letter-pdf", args=[created.pk, letter.pk])
    client.force_login(officer)
    with at("2026-03-03 09:00"):
        detail = client.get(reverse("oral:detail", args=[created.pk])).content.decode()
        assert pdf_url in detail and "klaar in “Te versturen per post”" in detail
        listed = client.get(reverse("post:list")).content.decode()
        assert "Mondelinge klachten die wachten op bevestiging" in listed and pdf_url in listed
        pdf = client.get(pdf_url)
        assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
        mark = reverse("post:mark-oral-posted", args=[letter.pk])
        bad = client.post(mark, {f"o{letter.pk}-posted_on": "2026-03-01"})
        assert bad.status_code == 400
        assert "De brief is pas na die datum gemaakt." in bad.content.decode()
        good = client.post(mark, {f"o{letter.pk}-posted_on": "2026-03-03"}, follow=True)
    assert "Brief gemarkeerd als verstuurd" in good.content.decode()
    assert pdf_url not in good.content.decode()
    with at("2026-03-03 10:00"):
        detail = client.get(reverse("oral:detail", args=[created.pk])).content.decode()
    assert "brief verstuurd (3 maart 2026)" in detail
    again = client.post(reverse("oral:letter", args=[created.pk]), follow=True)
    assert "Een nieuwe brief met een nieuwe link staat klaar" in again.content.decode()
    assert created.letters.count() == 2
    client.force_login(second_officer)  # only the officer who wrote it down
    assert client.get(pdf_url).status_code == 404
    assert client.post(mark, {f"o{letter.pk}-posted_on": "2026-03-03"}).status_code == 404
