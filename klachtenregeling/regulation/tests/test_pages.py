"""The public regulation page, its PDF and earlier versions (R-4.1, R-4.2, R-6.3)."""

import itertools
import re

from django.urls import reverse

from klachtenregeling.regulation import services
from klachtenregeling.regulation.rules.placeholders import FREE_OF_CHARGE

from .conftest import pdf_text


def page_url(org):
    return reverse("regulation:page", args=[org.slug])


def test_r4_1_nothing_is_shown_before_the_regulation_is_published(client, org, officer):
    assert client.get(page_url(org)).status_code == 404
    assert client.get(reverse("regulation:pdf", args=[org.slug])).status_code == 404
    home = client.get(reverse("organisation-home", args=[org.slug])).content.decode()
    assert page_url(org) not in home


def test_r4_1_r4_2_r6_3_the_page_states_the_settings(client, org, officer, publish):
    version = publish()
    response = client.get(page_url(org))
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="nl">' in content
    assert "<h1>Klachtenregeling</h1>" in content
    assert "Versie 1, gepubliceerd op" in content
    for expected in (
        "Artikel 1 Begripsbepalingen",
        "Artikel 8 Klachtregistratie en bewaartermijn",
        f"{officer.display_name} (",
        "binnen vier weken (28 dagen) na ontvangst",
        "De Geschillencommissie, Postbus 90600, 2509 LP Den Haag",
        'href="https://www.degeschillencommissie.nl"',
        FREE_OF_CHARGE["nl"],  # the published text says so
        "Heb je een vraag?",
        reverse("questions:ask", args=[org.slug]),
    ):
        assert expected in content, expected
    assert "€" not in content  # no fee anywhere
    # The fingerprint is in the PDF (explained in words), not on the public pages.
    assert (
        version.sha256
        not in client.get(reverse("regulation:versions", args=[org.slug])).content.decode()
    )


def test_r4_1_the_page_in_english_after_the_language_switch(client, org, officer, publish):
    publish()
    client.post(reverse("set_language"), {"language": "en", "next": page_url(org)})
    content = client.get(page_url(org)).content.decode()
    assert '<html lang="en">' in content
    assert "Article 5 Internal complaints procedure" in content
    assert "within four weeks (28 days) of its receipt" in content
    assert FREE_OF_CHARGE["en"] in content
    assert "Have a question?" in content


def test_r4_1_headings_are_in_order(client, org, officer, publish):
    publish()
    content = client.get(page_url(org)).content.decode()
    levels = [int(level) for level in re.findall(r"<h([1-6])", content)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))


def test_r4_1_the_download_is_the_same_regulation_as_a_pdf(client, org, officer, publish):
    version = publish()
    response = client.get(reverse("regulation:pdf", args=[org.slug]))
    assert response["Content-Type"] == "application/pdf"
    assert f"klachtenregeling-{org.slug}-v1-nl.pdf" in response["Content-Disposition"]
    text = pdf_text(response.content)
    for expected in (
        "Klachtenregeling",
        "Versie 1, gepubliceerd op",
        "Artikel 5 Interne klachtprocedure",
        "vier weken (28 dagen)",
        officer.email,
        "Postbus 90600, 2509 LP Den Haag",
        "kosteloos",
        version.sha256[:20],
    ):
        assert expected in text, expected


def test_r4_1_old_versions_stay_readable_and_downloadable(client, org, officer, org_admin, publish):
    publish()
    org.term_days = 42
    from klachtenregeling.organisations.services import organisation_update

    organisation_update(organisation=org, by=org_admin)
    old = client.get(reverse("regulation:version", args=[org.slug, 1])).content.decode()
    assert "vier weken (28 dagen)" in old
    assert "Deze geldt niet meer voor nieuwe klachten." in old
    assert "Heb je een vraag?" not in old
    old_pdf = pdf_text(client.get(reverse("regulation:version-pdf", args=[org.slug, 1])).content)
    assert "Versie 1" in old_pdf and "vier weken (28 dagen)" in old_pdf
    new_pdf = pdf_text(client.get(reverse("regulation:pdf", args=[org.slug])).content)
    assert "Versie 2" in new_pdf and "zes weken (42 dagen)" in new_pdf
    listing = client.get(reverse("regulation:versions", args=[org.slug])).content.decode()
    assert listing.index("Versie 2") < listing.index("Versie 1")
    assert client.get(reverse("regulation:version", args=[org.slug, 3])).status_code == 404


def test_r4_1_versions_belong_to_their_organisation(
    client, org, officer, other_org, other_officer, publish
):
    publish()
    assert client.get(reverse("regulation:version", args=[other_org.slug, 1])).status_code == 404
    services.regulation_publish(organisation=other_org)
    other = client.get(reverse("regulation:page", args=[other_org.slug])).content.decode()
    assert other_officer.email in other
    assert officer.email not in other


def test_the_front_page_links_regulation_complaint_and_question_forms(
    client, org, officer, publish
):
    publish()
    content = client.get(reverse("organisation-home", args=[org.slug])).content.decode()
    for url in (
        page_url(org),
        reverse("regulation:pdf", args=[org.slug]),
        reverse("public:complaint-form", args=[org.slug]),
        reverse("questions:ask", args=[org.slug]),
        reverse("portal:lost-link", args=[org.slug]),
    ):
        assert f'href="{url}"' in content, url
    assert "huisstijl.css" in content
    assert "€" not in content


def test_the_pages_cannot_be_framed_by_another_site(client, org, officer, publish):
    """README, "For the website": link to the pages; an iframe is refused."""
    publish()
    for url in (page_url(org), reverse("questions:ask", args=[org.slug])):
        assert client.get(url)["X-Frame-Options"] == "DENY"
