"""The house style: logo (PNG/JPEG by content, stored privately, served per organisation)
and colours (readable, WCAG AA), applied through a stylesheet — never inline styles."""

import io
import re

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image

from klachtenregeling.branding import services
from klachtenregeling.branding.models import Branding
from klachtenregeling.core.errors import InvalidInput, NotPermitted
from tests import samples

EDIT = reverse("branding_staff:edit")


def image(kind: str, size=(40, 20)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 92, 171)).save(buffer, kind)
    return buffer.getvalue()


def named(content: bytes, name: str) -> io.BytesIO:
    handle = io.BytesIO(content)
    handle.name = name
    return handle


def stored_logos() -> set[str]:
    root = default_storage.path("logos")
    from pathlib import Path

    return {str(p) for p in Path(root).rglob("*") if p.is_file()} if Path(root).exists() else set()


def update(org, by, **overrides):
    values = {"primary_colour": "", "accent_colour": "", "logo": None, "remove_logo": False}
    values.update(overrides)
    return services.branding_update(organisation=org, by=by, **values)


def test_a_logo_is_stored_privately_and_served_for_its_organisation(
    client, org, org_admin, other_org
):
    branding = update(org, org_admin, logo=io.BytesIO(image("PNG")))
    assert branding.logo.name.startswith(f"logos/{org.pk}/")
    assert not branding.logo.name.endswith(".png")  # a random name, outside the web root
    response = client.get(reverse("branding:logo", args=[org.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == image("PNG")
    assert client.get(reverse("branding:logo", args=[other_org.slug])).status_code == 404


def test_a_jpeg_is_fine_too(org, org_admin):
    assert update(org, org_admin, logo=io.BytesIO(image("JPEG"))).logo_content_type == "image/jpeg"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Dit is tekst met een .png-naam", "Het logo moet een PNG- of JPEG-afbeelding zijn."),
        (image("GIF"), "Het logo moet een PNG- of JPEG-afbeelding zijn."),
        (samples.pdf(), "Het logo moet een PNG- of JPEG-afbeelding zijn."),
        (
            samples.png()[:30] + b"\x00" * 40,
            "Het logobestand is beschadigd of geen echte afbeelding.",
        ),
        (b"", "Het logobestand is leeg."),
        (
            image("PNG") + b"\x00" * (512 * 1024),
            "Het logo is groter dan 512 KB. Upload een kleinere PNG of JPEG.",
        ),
    ],
)
def test_bad_logos_are_refused_by_content_and_nothing_is_stored(org, org_admin, content, message):
    before = stored_logos()
    with pytest.raises(InvalidInput) as refused:
        update(org, org_admin, logo=io.BytesIO(content), primary_colour="#0b5cab")
    assert [str(m) for m in refused.value.errors["logo"]] == [message]
    assert not Branding.objects.exists()
    assert stored_logos() == before


def test_a_replaced_logo_file_is_removed(org, org_admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = update(org, org_admin, logo=io.BytesIO(image("PNG"))).logo.name
    with django_capture_on_commit_callbacks(execute=True):
        second = update(org, org_admin, logo=io.BytesIO(image("JPEG"))).logo.name
    assert not default_storage.exists(first)
    assert default_storage.exists(second)
    with django_capture_on_commit_callbacks(execute=True):
        update(org, org_admin, remove_logo=True)
    assert not default_storage.exists(second)
    assert not Branding.objects.get().logo


def test_unreadable_colours_are_refused(org, org_admin):
    with pytest.raises(InvalidInput) as refused:
        update(org, org_admin, primary_colour="#ffbf47", accent_colour="blauw")
    assert set(refused.value.errors) == {"primary_colour", "accent_colour"}
    assert not Branding.objects.exists()


def test_only_the_organisations_administrator_sets_the_house_style(org, officer, other_org):
    from tests.factories import UserFactory

    for user in (officer, UserFactory(organisation=other_org, admin=True)):
        with pytest.raises(NotPermitted):
            update(org, user, primary_colour="#0b5cab")


def test_colours_reach_the_pages_as_a_stylesheet(client, org, org_admin):
    update(org, org_admin, primary_colour="#1B6E3A", accent_colour="#5a2d82")
    response = client.get(reverse("branding:stylesheet", args=[org.slug]))
    assert response["Content-Type"] == "text/css; charset=utf-8"
    css = response.content.decode()
    assert "--accent: #1b6e3a;" in css
    assert "--accent-dark: #16582e;" in css
    assert "--brand-accent: #5a2d82;" in css
    assert response["Cache-Control"] == "public, max-age=300"
    stamp = Branding.objects.get().stamp
    cached = client.get(reverse("branding:stylesheet", args=[org.slug]), {"v": stamp})
    assert "immutable" in cached["Cache-Control"]


def test_an_organisation_without_house_style_gets_the_standard_colours(client, org):
    css = client.get(reverse("branding:stylesheet", args=[org.slug])).content.decode()
    assert "--accent:" not in css


def test_public_pages_link_the_stylesheet_and_use_no_inline_styles(client, org, officer, org_admin):
    update(org, org_admin, primary_colour="#1b6e3a", logo=io.BytesIO(image("PNG")))
    from klachtenregeling.regulation.services import regulation_publish

    regulation_publish(organisation=org)
    pages = [
        reverse("organisation-home", args=[org.slug]),
        reverse("regulation:page", args=[org.slug]),
        reverse("questions:ask", args=[org.slug]),
        reverse("public:complaint-form", args=[org.slug]),
    ]
    stylesheet = reverse("branding:stylesheet", args=[org.slug])
    for url in pages:
        content = client.get(url).content.decode()
        assert f'<link rel="stylesheet" href="{stylesheet}?v=' in content, url
        assert f'src="{reverse("branding:logo", args=[org.slug])}?v=' in content, url
        assert not re.search(r"\sstyle=", content), url  # CSP without 'unsafe-inline'
        assert "<style" not in content, url


def test_the_administrator_edits_the_house_style_with_errors_next_to_the_fields(
    client, org, org_admin
):
    client.force_login(org_admin)
    assert client.get(EDIT).status_code == 200
    refused = client.post(
        EDIT, {"primary_colour": "#3399ff", "logo": named(b"geen plaatje", "logo.png")}
    )
    assert refused.status_code == 400
    errors = refused.context["form"].errors
    assert errors["logo"] == ["Het logo moet een PNG- of JPEG-afbeelding zijn."]
    assert "te weinig contrast" in errors["primary_colour"][0]
    assert (
        'aria-describedby="id_primary_colour_helptext id_primary_colour_error"'
        in refused.content.decode()
    )
    saved = client.post(
        EDIT, {"primary_colour": "#1b6e3a", "logo": named(image("PNG"), "logo.png")}, follow=True
    )
    assert "De huisstijl is opgeslagen." in saved.content.decode()
    assert Branding.objects.get().primary_colour == "#1b6e3a"


def test_staff_who_are_not_administrators_cannot_edit_it(client, officer):
    client.force_login(officer)
    assert client.get(EDIT).status_code == 404


def test_a_good_logo_is_kept_across_a_colour_error(client, org, org_admin):
    """Issue 17, item 1: the logo that passed the checks is not lost by an error elsewhere
    on the form, nor is the colour typed; the next submit stores it without choosing it again."""
    from klachtenregeling.complaints.models import PendingUpload

    client.force_login(org_admin)
    refused = client.post(
        EDIT, {"primary_colour": "#3399ff", "logo": named(image("PNG"), "logo.png")}
    )
    assert refused.status_code == 400
    html = refused.content.decode()
    assert 'value="#3399ff"' in html  # what was typed stays
    assert "al toegevoegd:" in html and "logo.png" in html and "verwijderen" in html
    [kept] = re.findall(r'name="kept_upload" value="([0-9a-f-]{36})"', html)
    assert not Branding.objects.filter(organisation=org).exclude(logo="").exists()

    saved = client.post(EDIT, {"primary_colour": "#1b6e3a", "kept_upload": [kept]})
    assert saved.status_code == 302
    branding = Branding.objects.get(organisation=org)
    assert branding.logo and branding.primary_colour == "#1b6e3a"
    assert client.get(reverse("branding:logo", args=[org.slug])).status_code == 200
    assert not PendingUpload.objects.exists()
