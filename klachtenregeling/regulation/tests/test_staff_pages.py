"""The administrator's regulation pages, and the order-confirmation text for all staff."""

from django.urls import reverse
from django.utils.html import escape

from klachtenregeling.regulation import selectors
from klachtenregeling.regulation.constants import Article

from .conftest import pdf_text

OVERVIEW = reverse("regulation_staff:overview")


def article_url(key):
    return reverse("regulation_staff:article", args=[key])


def test_r4_1_only_the_administrator_sees_the_editing_pages(
    client, officer, staff_member, org_admin
):
    for user in (officer, staff_member):
        client.force_login(user)
        assert client.get(OVERVIEW).status_code == 404
        assert client.get(article_url(Article.AIMS)).status_code == 404
    client.force_login(org_admin)
    assert client.get(OVERVIEW).status_code == 200
    client.logout()
    assert client.get(OVERVIEW).status_code == 302


def test_r4_1_the_overview_lists_placeholders_with_their_values_and_what_to_fix(
    client, org, officer, org_admin
):
    officer.email = ""
    officer.save()
    client.force_login(org_admin)
    content = client.get(OVERVIEW).content.decode()
    assert "De klachtenregeling is nog niet gepubliceerd." in content
    assert "{termijn}" in content and "vier weken (28 dagen)" in content
    assert "{geschillencommissie_adres}" in content and "Postbus 90600" in content
    assert f"Klachtenfunctionaris {escape(officer.display_name)} heeft geen e-mailadres." in content


def test_r4_1_the_administrator_publishes_from_the_overview(client, org, officer, org_admin):
    client.force_login(org_admin)
    response = client.post(reverse("regulation_staff:publish"), follow=True)
    assert "Gepubliceerd als versie 1." in response.content.decode()
    assert selectors.current_version(org).published_by == org_admin


def test_r4_1_a_refused_publication_lists_the_reasons(client, org, officer, org_admin):
    officer.email = ""
    officer.save()
    client.force_login(org_admin)
    content = client.post(reverse("regulation_staff:publish"), follow=True).content.decode()
    assert "De klachtenregeling is niet gepubliceerd." in content
    assert "heeft geen e-mailadres" in content
    assert selectors.current_version(org) is None


def test_r4_1_editing_an_article_publishes_and_errors_sit_next_to_the_text(
    client, org, officer, org_admin, publish
):
    publish()
    client.force_login(org_admin)
    form = client.get(article_url(Article.SCOPE)).context["form"]
    data = {**form.initial, "body_en": form.initial["body_en"] + "\n3. TODO workshops {datum}"}
    refused = client.post(article_url(Article.SCOPE), data)
    assert refused.status_code == 400
    errors = refused.context["form"].errors["body_en"]
    assert any("“TODO” lijkt op een redactionele notitie" in e for e in errors)
    assert any("{datum} is geen bekend invulveld" in e for e in errors)
    content = refused.content.decode()
    assert 'aria-describedby="id_body_en_helptext id_body_en_error"' in content
    assert 'aria-invalid="true"' in content

    data["body_en"] = form.initial["body_en"] + "\n3. Also for workshops."
    saved = client.post(article_url(Article.SCOPE), data, follow=True)
    assert "Gepubliceerd als versie 2." in saved.content.decode()
    assert "3. Also for workshops." in selectors.current_version(org).text

    reset = client.post(
        article_url(Article.SCOPE), {**data, "reset": "1", "expected_version": 2}, follow=True
    )
    assert "Gepubliceerd als versie 3." in reset.content.decode()
    assert "Also for workshops" not in selectors.current_version(org).text


def test_r4_1_unknown_article_is_not_found(client, org_admin):
    client.force_login(org_admin)
    assert client.get(article_url("nonsense")).status_code == 404


def test_r4_1_r4_2_order_confirmation_text_from_the_same_settings(
    client, org, officer, staff_member, publish
):
    publish()
    client.force_login(staff_member)
    response = client.get(reverse("regulation_staff:order-text"))
    assert response.status_code == 200
    [(_nl, _name, dutch), (_en, _name_en, english)] = response.context["texts"]
    regulation_url = f"http://testserver/{org.slug}/klachtenregeling/"
    assert f"Op deze opdracht is de klachtenregeling van {org.name} van toepassing" in dutch
    assert regulation_url in dutch
    assert (
        "onafhankelijke instantie: De Geschillencommissie, Postbus 90600, 2509 LP Den Haag "
        "(https://www.degeschillencommissie.nl)" in dutch
    )
    assert "kosteloos" in dutch and "€" not in dutch
    assert "The complaints regulation of" in english and "binding ruling" in english
    pdf = client.get(reverse("regulation_staff:order-text-pdf", args=["en"]))
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "independent body: De Geschillencommissie, Postbus 90600, 2509 LP Den Haag" in text
    assert client.get(reverse("regulation_staff:order-text-pdf", args=["de"])).status_code == 404


def test_r4_1_order_text_waits_for_the_first_publication(client, org, officer):
    client.force_login(officer)
    content = client.get(reverse("regulation_staff:order-text")).content.decode()
    assert "is nog niet gepubliceerd" in content
    assert client.get(reverse("regulation_staff:order-text-pdf", args=["nl"])).status_code == 404
