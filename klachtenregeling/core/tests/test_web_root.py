"""Issue 20, item 6: /robots.txt and /favicon.ico, noindex on staff and personal-link pages,
and compression only where it gives nothing away (BREACH)."""

import io

from django.urls import reverse
from PIL import Image

from klachtenregeling.handling.tests import steps
from klachtenregeling.portal import tokens


def test_robots_txt_keeps_crawlers_out_of_the_staff_areas(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    rules = [
        line.split(":", 1)[1].strip()
        for line in b"".join(response.streaming_content).decode().splitlines()
        if line.startswith("Disallow:")
    ]
    assert {"/werk/", "/beheer/", "/inloggen/"} <= set(rules)
    # The public pages stay findable; personal-link pages must stay fetchable for noindex.
    assert not any(rule in ("/", "/agenda/") or "mijn-klacht" in rule for rule in rules)
    assert client.head("/robots.txt").status_code == 200


def test_favicon_ico_is_an_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    icon = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert icon.format == "ICO"
    assert {(16, 16), (32, 32)} <= icon.info["sizes"]


def test_staff_and_personal_link_pages_say_noindex(client, officer, submit):
    complaint = steps.start(submit(), officer)
    token = tokens.issue(complaint, purpose="test")
    anonymous = [
        "/werk/",  # to the log-in
        reverse("login"),
        "/beheer/",
        f"/{complaint.organisation.slug}/mijn-klacht/link-kwijt/",
        f"/{complaint.organisation.slug}/mijn-klacht/",
        "/agenda/unknown.ics",
    ]
    for url in anonymous:
        assert client.get(url)["X-Robots-Tag"] == "noindex", url
    client.force_login(officer)
    assert client.get(reverse("complaints:dashboard"))["X-Robots-Tag"] == "noindex"
    client.logout()
    slug = complaint.organisation.slug
    entered = client.get(reverse("portal:enter", args=[slug]), {"t": token})
    assert entered.status_code == 302
    assert entered["X-Robots-Tag"] == "noindex"
    status = client.get(reverse("portal:status", args=[slug]))
    assert status.status_code == 200
    assert complaint.reference in status.content.decode()
    assert status["X-Robots-Tag"] == "noindex"


def test_public_pages_may_be_indexed(client, org):
    for url in ("/", f"/{org.slug}/", f"/{org.slug}/klacht/", "/robots.txt"):
        assert "X-Robots-Tag" not in client.get(url), url


def test_pages_with_personal_data_or_forms_are_not_compressed(client, officer, submit):
    """BREACH: a compressed page that shows a secret next to text an attacker can put in
    (a search term, a re-shown form) leaks that secret through its size."""
    complaint = steps.start(submit(), officer)
    client.force_login(officer)
    for url in (
        reverse("complaints:dashboard") + "?q=Jonker",
        reverse("complaints:detail", args=[complaint.reference]),
        f"/{complaint.organisation.slug}/klacht/",
        f"/{complaint.organisation.slug}/vraag/",
    ):
        response = client.get(url, headers={"accept-encoding": "gzip"})
        assert response.status_code == 200, url
        assert "Content-Encoding" not in response, url
