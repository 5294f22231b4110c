"""Pages for signed-in people carry complaint content: no browser or proxy may keep them
(issue 15: `Cache-Control: private, no-store` on every authenticated page)."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse


def _plain_names(resolver=None, namespace=""):
    """The names of every URL pattern without parameters."""
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if not entry.pattern.regex.groupindex:
                yield from _plain_names(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name and not entry.pattern.regex.groupindex:
            yield f"{namespace}{entry.name}"


@pytest.mark.parametrize("who", ["officer", "org_admin", "board_member", "staff_member"])
def test_r6_1_every_page_for_a_signed_in_person_is_private_and_not_stored(
    request, client, submit, who
):
    user = request.getfixturevalue(who)
    complaint = submit()
    client.force_login(user)
    seen = 0
    urls = [reverse(name) for name in sorted(set(_plain_names()))]
    if user.is_officer:
        urls.append(reverse("complaints:detail", args=[complaint.reference]))
    for url in urls:
        if url.startswith(("/beheer/", "/admin/")) or "logout" in url or "uitloggen" in url:
            continue
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        seen += 1
        assert "no-store" in response["Cache-Control"], url
        assert "private" in response["Cache-Control"], url
    assert seen >= 5


def test_a_public_page_for_an_anonymous_visitor_is_not_marked_private(client, org):
    response = client.get("/", follow=True)
    assert response.status_code == 200
    assert "private" not in response.get("Cache-Control", "")
