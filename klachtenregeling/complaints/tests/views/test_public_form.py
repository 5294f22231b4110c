"""The public complaint form: Dutch by default, every bad input answered next to its field."""

import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from klachtenregeling.complaints.models import Attachment, Complaint
from tests import samples
from tests.factories import UserFactory

FORM = reverse("public:complaint-form", args=["interactie"])
RECEIPT = reverse("public:receipt", args=["interactie"])


def valid(**overrides) -> dict:
    data = {
        "complainant_name": "Marieke Jonker",
        "complainant_email": "marieke@example.org",
        "representation": "self",
        "engagement_description": "Training Timemanagement, maart",
        "concerns": ["performance", "invoice"],
        "description": "De training begon een uur te laat.",
        "submission_key": "form-key-1",
    }
    data.update(overrides)
    return data


def file(name: str, content: bytes) -> io.BytesIO:
    handle = io.BytesIO(content)
    handle.name = name
    return handle


def errors_of(response) -> dict:
    return {name: [str(e) for e in errs] for name, errs in response.context["form"].errors.items()}


def test_form_is_dutch_by_default(client, org, officer):
    response = client.get(FORM)
    assert response.status_code == 200
    assert b'<html lang="nl">' in response.content
    assert b"Klacht indienen" in response.content
    assert b"De behandeling van je klacht is kosteloos." in response.content


def test_form_in_english_after_the_language_switch(client, org, officer):
    client.post(reverse("set_language"), {"language": "en", "next": FORM})
    response = client.get(FORM)
    assert b'<html lang="en">' in response.content
    assert b"File a complaint" in response.content


def test_r5_5_receipt_shows_reference_and_judgment_date(client, org, officer, at):
    with at("2026-03-02 10:00"):
        response = client.post(FORM, valid(), follow=True)
    complaint = Complaint.objects.get()
    assert response.redirect_chain == [(RECEIPT, 302)]
    content = response.content.decode()
    assert "We hebben je klacht ontvangen" in content
    assert complaint.reference in content
    assert "maandag 30 maart 2026" in content  # 2 March + 28 days
    assert "De Geschillencommissie" in content
    assert "€" not in content  # no fee anywhere
    # The acknowledgement is still in the outbox: the page does not claim it was sent.
    assert "Er is een bevestiging onderweg naar" in content
    assert "bevestiging gestuurd" not in content


def test_r1_2_r1_3_r2_1_dutch_errors_next_to_each_field(client, org, officer):
    response = client.post(
        FORM,
        valid(
            complainant_email="geen-adres",
            concerns=[],
            representation="representative",
            on_behalf_of="",
            engagement_description="",
        ),
    )
    assert response.status_code == 200
    errors = errors_of(response)
    assert errors["complainant_email"] == ["Voer een geldig e-mailadres in."]
    assert errors["concerns"] == ["Kies ten minste één punt waar de klacht over gaat."]
    assert errors["on_behalf_of"] == ["Dit veld is verplicht."]
    assert errors["engagement_description"] == [
        "Vul het opdrachtnummer in of beschrijf de opdracht (training, datum, plaats)."
    ]
    html = response.content.decode()
    assert 'id="id_complainant_email_error"' in html
    assert (
        'aria-describedby="id_complainant_email_helptext id_complainant_email_error"' in html
        or ('aria-describedby="id_complainant_email_error"' in html)
    )
    assert "Verbeter het volgende" in html
    assert Complaint.objects.count() == 0


def test_r2_1_unknown_engagement_number(client, org, officer, engagement):
    response = client.post(
        FORM, valid(engagement_reference="OPD-1999-999", engagement_description="")
    )
    assert errors_of(response)["engagement_reference"][0].startswith(
        "Dit opdrachtnummer kennen we niet."
    )
    ok = client.post(FORM, valid(engagement_reference="opd-2026-001", engagement_description=""))
    assert ok.status_code == 302
    assert Complaint.objects.get().engagement == engagement


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("complainant_name", "", "Dit veld is verplicht."),
        ("complainant_name", "x" * 201, "niet meer dan 200 tekens bevat (het zijn er nu 201)"),
        ("description", "   ", "Dit veld is verplicht."),
        ("description", "x" * 10_001, "niet meer dan 10000 tekens"),
        ("desired_outcome", "x" * 2_001, "niet meer dan 2000 tekens"),
        (
            "on_behalf_of",
            "Iemand",
            "Vul dit alleen in als je de klacht indient namens een opdrachtgever.",
        ),
    ],
)
def test_empty_and_over_long_fields(client, org, officer, field, value, message):
    response = client.post(FORM, valid(**{field: value}))
    assert message in " ".join(errors_of(response)[field])
    assert Complaint.objects.count() == 0


def test_html_and_script_are_stored_as_text(client, org, officer):
    client.post(FORM, valid(description="<script>alert('x')</script><b>vet</b>"))
    assert Complaint.objects.get().description == "<script>alert('x')</script><b>vet</b>"


def test_attachment_is_stored(client, org, officer):
    response = client.post(FORM, valid(attachments=[file("factuur.pdf", samples.pdf())]))
    assert response.status_code == 302
    assert Complaint.objects.get().attachments.get().filename == "factuur.pdf"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("pagina.html", samples.html(), "is geen PDF-, PNG-, JPEG-, DOCX-, TXT- of EML-bestand."),
        ("factuur.pdf", samples.png(), "past niet bij de extensie"),
        ("..%2F..%2Fetc%2Fpasswd.txt", samples.txt(), "is geen geldige bestandsnaam"),
    ],
)
def test_bad_attachments_are_refused_in_dutch_and_nothing_stored(
    client, org, officer, name, content, message
):
    response = client.post(FORM, valid(attachments=[file(name, content)]))
    assert message in " ".join(errors_of(response)["attachments"])
    assert Complaint.objects.count() == 0
    assert Attachment.objects.count() == 0


def test_attachment_over_the_size_limit(client, org, officer, settings):
    settings.MAX_ATTACHMENT_BYTES = 1024 * 1024
    big = file("groot.txt", b"a" * (1024 * 1024 + 1))
    response = client.post(FORM, valid(attachments=[big]))
    assert "is groter dan 1 MB" in " ".join(errors_of(response)["attachments"])
    assert Complaint.objects.count() == 0


def crafted_upload(client, filename: str):
    """Browsers send only a base name; a crafted multipart body can send anything."""
    boundary = "grens"
    parts = []
    for key, value in valid().items():
        for item in value if isinstance(value, list) else [value]:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{item}\r\n'
            )
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="attachments"; '
        f'filename="{filename}"\r\nContent-Type: text/plain\r\n\r\ninhoud\r\n--{boundary}--\r\n'
    )
    return client.generic(
        "POST",
        FORM,
        "".join(parts).encode(),
        content_type=f"multipart/form-data; boundary={boundary}",
    )


def test_path_traversal_name_is_reduced_to_a_plain_name_and_stored_randomly(client, org, officer):
    response = crafted_upload(client, "../../boot.txt")
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.filename == "boot.txt"
    assert ".." not in attachment.file.name
    assert "boot" not in attachment.file.name


def test_drive_letter_name_is_refused(client, org, officer):
    response = crafted_upload(client, "C:boot.txt")
    assert "is geen geldige bestandsnaam" in " ".join(errors_of(response)["attachments"])
    assert Complaint.objects.count() == 0


def test_double_submit_files_one_complaint(client, org, officer):
    first = client.post(FORM, valid(submission_key="dubbel"))
    second = client.post(FORM, valid(submission_key="dubbel"))
    assert first.status_code == second.status_code == 302
    assert Complaint.objects.count() == 1


def test_receipt_without_a_submission_goes_back_to_the_form(client, org, officer):
    response = client.get(RECEIPT, follow=True)
    assert response.redirect_chain == [(FORM, 302)]
    assert "Er is geen ontvangstbevestiging om te tonen." in response.content.decode()


def test_receipt_is_only_for_the_browser_that_submitted(client, org, officer, django_user_model):
    from django.test import Client

    client.post(FORM, valid())
    stranger = Client()
    assert stranger.get(RECEIPT).status_code == 302
    assert client.get(RECEIPT).status_code == 200


def test_submissions_are_rate_limited_per_ip(client, org, officer):
    for n in range(20):
        assert client.post(FORM, valid(submission_key=f"k{n}")).status_code == 302
    blocked = client.post(FORM, valid(submission_key="k-last"))
    assert blocked.status_code == 429
    assert "Te veel verzoeken" in blocked.content.decode()
    assert Complaint.objects.count() == 20


def test_unknown_organisation_is_404(client, db):
    assert client.get(reverse("public:complaint-form", args=["bestaat-niet"])).status_code == 404


def test_r1_4_staff_list_belongs_to_this_organisation(
    client, org, officer, staff_member, other_officer
):
    response = client.get(FORM)
    choices = dict(response.context["form"].fields["respondent_id"].choices)
    assert staff_member.pk in choices and officer.pk in choices
    assert other_officer.pk not in choices


def staff_list_reads(captured) -> int:
    """Queries that read the organisation's staff (accounts.selectors.staff_members_of)."""
    return sum(
        '"accounts_user"."is_employee"' in q["sql"].partition("WHERE")[2]
        for q in captured.captured_queries
    )


def test_issue_19_the_form_reads_the_staff_list_once(client, org, officer, staff_member):
    """Regression: the select reads its choices twice (its required attribute, then its
    options), which read the staff list from the database twice per GET."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(FORM)
    assert staff_list_reads(captured) == 1
    assert f'<option value="{staff_member.pk}">' in response.content.decode()


def _markup(response) -> str:
    """The page without what differs per request: the CSRF tokens and the one-time key."""
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    html = re.sub(r'"X-CSRFToken": "[^"]+"', "", html)
    return re.sub(r'name="submission_key" value="[0-9a-f]{32}"', "", html)


def test_issue_19_an_empty_forms_fields_come_from_the_cache_as_rendered(
    client, org, officer, monkeypatch
):
    from klachtenregeling.complaints.views import public

    first, cached = client.get(FORM), client.get(FORM)
    assert cached.context["fields_key"] == first.context["fields_key"] != ""
    monkeypatch.setattr(public, "unbound_form_key", lambda *args, **kwargs: "")
    rendered = client.get(FORM)
    assert _markup(cached) == _markup(rendered) == _markup(first)
    assert 'name="description"' in _markup(cached)


def test_issue_19_the_cached_fields_follow_the_staff_and_the_language(client, org, officer):
    before = client.get(FORM)
    newcomer = UserFactory(organisation=org, username="joost", first_name="Joost")
    after = client.get(FORM)
    assert after.context["fields_key"] != before.context["fields_key"]
    assert f'<option value="{newcomer.pk}">' in after.content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": FORM})
    english = client.get(FORM).content.decode()
    assert "Your complaint" in english and "Je klacht" not in english


def test_issue_19_a_form_with_errors_is_rendered_with_its_values(client, org, officer):
    client.get(FORM)  # the empty form is in the cache
    response = client.post(FORM, valid(description="", complainant_name="Marieke Bakker"))
    assert response.context["fields_key"] == ""
    assert 'value="Marieke Bakker"' in response.content.decode()
    assert "description" in errors_of(response)
