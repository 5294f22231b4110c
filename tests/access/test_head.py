"""Every page that answers GET answers HEAD (RFC 9110, 9.3.2): the same status and headers,
no body. Link checkers and uptime monitors ask with HEAD and report a 405 as broken.

Every URL pattern of the project (enumerated from the resolver, filled in with the access
world's objects, see routes.py) is asked both ways: as the anonymous visitor, and as the
first role the access matrix lets in (so HEAD reaches the view itself, not only the
log-in redirect). Each request is rolled back to the same world.
"""

import copy

import pytest
from django.core.cache import cache
from django.db import transaction

from . import routes
from .entries import OK
from .test_access_matrix import MATRIX

# Named in issue 20: these gave 405 to HEAD.
LISTED = [
    "<slug:org>/klacht/",
    "<slug:org>/klachtenregeling/",
    "<slug:org>/klachtenregeling/download/",
    "<slug:org>/vraag/",
    "api/v1/organisations/<slug>/form-options",
    "<slug:org>/huisstijl.css",
]

# Differ between two requests by nature (a fresh token or time), not by method.
VOLATILE_HEADERS = {"Set-Cookie", "Date", "Expires", "Content-Length"}


def _cells(route: str) -> list[tuple[str, str]]:
    """The anonymous visitor, and the first role that gets the page itself."""
    entry = MATRIX[route]
    side = "own" if routes.has_object(route) else "-"
    cells = [("anonymous", side)]
    let_in = [cell for cell, outcome in entry.cells.items() if outcome == OK]
    if entry.method == "GET" and let_in and let_in[0] not in cells:
        cells.append(let_in[0])
    return cells


def _ask(world, method: str, route: str, role: str, side: str):
    cache.clear()  # rate limits: each request is a first visit
    client = world.client_for(role)
    cookies = copy.deepcopy(client.cookies)
    savepoint = transaction.savepoint()
    try:
        return client.generic(method, routes.fill(route, world, side))
    finally:
        transaction.savepoint_rollback(savepoint)
        client.cookies = cookies


def _body(response) -> bytes:
    # Reading a streamed response to its end closes it (the test client's wrapper).
    return b"".join(response.streaming_content) if response.streaming else response.content


def _headers(response) -> dict:
    return {k: v for k, v in response.headers.items() if k not in VOLATILE_HEADERS}


@pytest.mark.parametrize("route", routes.all_routes())
def test_head_answers_as_get_without_a_body(world, db, route):
    for role, side in _cells(route):
        get = _ask(world, "GET", route, role, side)
        head = _ask(world, "HEAD", route, role, side)
        where = f"{route} as {role}"
        assert head.status_code == get.status_code, where
        assert _headers(head) == _headers(get), where
        assert _body(head) == b"", where
        _body(get)


@pytest.mark.parametrize("route", LISTED)
def test_pages_named_in_the_issue_answer_head_with_200(world, db, route):
    response = _ask(world, "HEAD", route, "anonymous", "-")
    assert response.status_code == 200
    assert _body(response) == b""
