"""R-6.1: the access matrix. Every URL pattern of the project (enumerated from the URL
resolver: a new view without an entry here fails `test_r6_1_every_url_pattern_has_an_entry`)
x every role (see world.py) x the role's own object and another one, with the outcome
expected: 200, a redirect (to where), 400 (allowed, but the empty form is refused), 403
or 404. Where existence itself is confidential the refusal is 404, and a refusal never
shows a complainant's name.

One request per cell, each rolled back to the same world (a savepoint), so a POST that
is allowed changes nothing for the next cell.
"""

import copy

import pytest
from django.core.cache import cache
from django.db import transaction

from . import (
    matrix_compliance,
    matrix_compliance_period,
    matrix_destruction,
    matrix_followup,
    matrix_mail,
    matrix_oral,
    matrix_registration,
    matrix_reports,
    matrix_retention,
    matrix_settings,
    routes,
)
from .entries import (
    BEHEER_LOGIN,
    FORBIDDEN,
    LOGIN,
    NOT_FOUND,
    OFFICERS,
    OK,
    REFUSED_INPUT,
    SIGNED_IN,
    TWO_FACTOR,
    Entry,
    Outcome,
    _cells,
    beheer,
    beheer_model,
    complainant,
    everyone,
    handler,
    question,
    respondent,
    staff,
    to,
)

# Names that only the complaints' own people may see (the complainants of both sides).
CONFIDENTIAL = ("Marieke Jonker", "Kees Bakker")


MATRIX: dict[str, Entry] = {
    # --- The settings back-office (Django admin, scoped to the admin's organisation).
    "beheer/": beheer(OK),
    "beheer/login/": Entry(
        "GET",
        _cells(
            False,
            lambda role, side: (
                to(LOGIN)
                if role in ("anonymous", "complainant")
                else to("/werk/instellingen/")
                if role == "admin"
                else FORBIDDEN
            ),
        ),
    ),
    # Logging out of Django's admin is for its superusers; everyone else is sent back.
    "beheer/logout/": Entry("POST", _cells(False, lambda role, side: to("/beheer/"))),
    "beheer/password_change/": beheer(OK),
    "beheer/password_change/done/": beheer(OK),
    "beheer/autocomplete/": beheer(FORBIDDEN),
    "beheer/jsi18n/": beheer(OK),
    "beheer/r/<path:content_type_id>/<path:object_id>/": beheer(NOT_FOUND, objects=True),
    **beheer_model("organisations/organisation"),
    "beheer/accounts/user/<id>/password/": beheer(FORBIDDEN, objects=True),
    **beheer_model("accounts/user"),
    **beheer_model("engagements/client"),
    **beheer_model("engagements/engagement"),
    # The organisation's API keys: made (shown once) and revoked after a confirmation.
    **beheer_model("organisations/apikey"),
    "beheer/organisations/apikey/<path:object_id>/intrekken/": beheer(
        OK, objects=True, other=to("/beheer/")
    ),
    "beheer/^(?P<app_label>organisations|accounts|engagements)/$": beheer(OK),
    "beheer/(?P<url>.*)$": beheer(NOT_FOUND),
    # --- The public API: filing a complaint and the form's options.
    "api/v1/openapi.json": everyone(OK),
    "api/v1/complaints": everyone(REFUSED_INPUT, method="POST"),
    "api/v1/organisations/<slug>/form-options": everyone(OK),
    "api/v1/": everyone(NOT_FOUND),
    "i18n/setlang/": everyone(to("/")),
    # --- Log-in, the second factor and the account.
    "inloggen/": staff(
        to("/werk/"),
        SIGNED_IN,
        overrides={
            "anonymous": OK,
            "complainant": OK,
            **{role: to("/inloggen/code/") for role in TWO_FACTOR},
        },
    ),
    # Signed in with the second factor already: nothing to verify, on to the work.
    "inloggen/code/": staff(to("/werk/"), SIGNED_IN),
    "inloggen/tweestaps/": staff(OK, SIGNED_IN),
    "uitloggen/": everyone(to("/inloggen/"), method="POST"),
    "werk/": staff(OK, SIGNED_IN, overrides={role: to("/werk/klachten/") for role in OFFICERS}),
    "werk/account/": staff(OK, SIGNED_IN),
    "werk/account/herstelcodes/": staff(REFUSED_INPUT, SIGNED_IN, method="POST"),
    "werk/account/overal-uitloggen/": staff(to("/inloggen/"), SIGNED_IN, method="POST"),
    # --- The officer's work (R-5.x, R-6.1): officers see only their own complaints.
    "werk/klachten/": staff(OK, OFFICERS),
    "werk/klachten/registreren/": staff(OK, OFFICERS),
    "werk/klachten/toewijzen/": staff(OK, ("admin",)),
    # Both complaints have an officer already: nobody may appoint one (and the admin
    # learns nothing about them either).
    "werk/klachten/toewijzen/<reference:reference>/": Entry(
        "POST",
        _cells(
            True,
            lambda role, side: to(LOGIN) if role in ("anonymous", "complainant") else NOT_FOUND,
        ),
    ),
    "werk/klachten/<reference:reference>/": handler(OK, method="GET"),
    "werk/klachten/<reference:reference>/behandelen/": handler(to("/werk/")),
    "werk/klachten/<reference:reference>/onderwerpen/": handler(to("/werk/klachten/KL-")),
    "werk/klachten/<reference:reference>/notities/": handler(REFUSED_INPUT),
    "werk/klachten/<reference:reference>/bijlagen/": handler(REFUSED_INPUT),
    "werk/klachten/<reference:reference>/bijlagen/<uuid:attachment_id>/": handler(OK, method="GET"),
    "werk/klachten/<reference:reference>/overdragen/": handler(REFUSED_INPUT),
    "werk/klachten/<reference:reference>/termijn/": handler(REFUSED_INPUT),
    # --- Issue 16: letters to post, of the complaints the officer handles.
    "werk/per-post/": staff(OK, OFFICERS),
    "werk/per-post/<int:message_id>/verstuurd/": handler(REFUSED_INPUT),
    "werk/agenda/": staff(OK, OFFICERS),
    # The secret address is the key (calendar programs cannot sign in): the own side is
    # the officer's live address, the other side an address that does not exist.
    "agenda/<str:token>.ics": Entry(
        "GET", _cells(True, lambda role, side: OK if side == "own" else NOT_FOUND)
    ),
    # --- The published regulation: wording and publishing are the admin's.
    "werk/klachtenregeling/": staff(OK, ("admin",)),
    "werk/klachtenregeling/publiceren/": staff(
        to("/werk/klachtenregeling/"), ("admin",), method="POST"
    ),
    "werk/klachtenregeling/artikel/<slug:article>/": staff(OK, ("admin",)),
    "werk/klachtenregeling/opdrachtbevestiging/": staff(OK, SIGNED_IN),
    # The other organisation has published no regulation yet: no PDF to give.
    "werk/klachtenregeling/opdrachtbevestiging/<slug:language>.pdf": staff(
        OK, SIGNED_IN, overrides={"foreign_officer": NOT_FOUND}
    ),
    # --- Questions: the organisation's officers; another organisation's not.
    "werk/vragen/": staff(OK, OFFICERS),
    "werk/vragen/<int:pk>/": question(OK, "GET"),
    "werk/vragen/<int:pk>/beantwoorden/": question(REFUSED_INPUT, "POST"),
    "werk/vragen/<int:pk>/als-klacht/": question(REFUSED_INPUT, "POST"),
    "werk/huisstijl/": staff(OK, ("admin",)),
    # --- The steps of the procedure (R-5.x): the handling officer only.
    **{
        f"werk/klachten/<reference:reference>/stap/{step}/": handler(REFUSED_INPUT)
        for step in (
            "betrokkene",
            "betrokkene-informeren",
            "uitnodigen",
            "verklaring",
            "niet-gehoord",
            "update",
            "voorstel",
            "oordeel",
            "ondertekenen",
            "reactie-op-papier",
            "handtekening-op-papier",
            "geen-reactie",
            "geschillencommissie",
            "dossier-geschillencommissie",
            "uitspraak",
            "afsluiten",
            "intrekken",
            "niet-ontvankelijk",
        )
    },
    "werk/klachten/<reference:reference>/stap/links-intrekken/": handler(to("/werk/klachten/KL-")),
    # Issue 17: share an attachment with the person complained about (the empty form: 400).
    "werk/klachten/<reference:reference>/stap/delen/": handler(REFUSED_INPUT),
    # --- The respondent's side: complaints about themselves, once informed.
    "werk/over-mij/": staff(OK, SIGNED_IN),
    "werk/over-mij/<reference:reference>/": respondent(OK, method="GET"),
    "werk/over-mij/<reference:reference>/verklaring/": respondent(REFUSED_INPUT),
    "werk/over-mij/<reference:reference>/update/": respondent(REFUSED_INPUT),
    "werk/over-mij/<reference:reference>/voorstel/": respondent(REFUSED_INPUT),
    "werk/over-mij/<reference:reference>/ondertekenen/": respondent(REFUSED_INPUT),
    "werk/over-mij/<reference:reference>/brieven/<uuid:attachment_id>/": respondent(
        OK, method="GET"
    ),
    # Issue 17: the world's attachment is not shared, so nobody finds it here (the shared
    # case: handling/tests/test_sharing.py).
    "werk/over-mij/<reference:reference>/bestanden/<uuid:attachment_id>/": respondent(
        NOT_FOUND, method="GET"
    ),
    # --- The access log: the officer sees who read; the admin exports it.
    "werk/klachten/<reference:reference>/inzage/": handler(OK, method="GET"),
    "werk/inzagelog/": staff(OK, ("admin",)),
    # --- The security log (issue 15): refused complaint URLs, for the admin only.
    "werk/beveiligingslog/": staff(OK, ("admin",)),
    "werk/beveiligingslog/csv/": staff(OK, ("admin",)),
    # --- The public site.
    "": everyone(OK),
    "<slug:org>/": everyone(OK),
    "<slug:org>/klacht/": everyone(OK),
    # The receipt belongs to the browser that just filed; anyone else goes to the form.
    "<slug:org>/klacht/ontvangen/": everyone(to("/interactie/klacht/")),
    # --- The complainant's page, through the personal link only.
    "<slug:org>/mijn-klacht/": complainant(OK, method="GET"),
    "<slug:org>/mijn-klacht/open/": everyone(NOT_FOUND),  # no token in the address
    "<slug:org>/mijn-klacht/link-kwijt/": everyone(OK),
    "<slug:org>/mijn-klacht/verklaring/": complainant(REFUSED_INPUT),
    "<slug:org>/mijn-klacht/voorstel/": complainant(REFUSED_INPUT),
    "<slug:org>/mijn-klacht/oordeel/": complainant(REFUSED_INPUT),
    "<slug:org>/mijn-klacht/intrekken/": complainant(REFUSED_INPUT),
    "<slug:org>/mijn-klacht/brieven/<uuid:attachment_id>/": complainant(
        OK, method="GET", objects=True
    ),
    # Issue 17: the complainant's own files, and adding files to the complaint.
    "<slug:org>/mijn-klacht/bestanden/": complainant(REFUSED_INPUT),
    "<slug:org>/mijn-klacht/bestanden/<uuid:attachment_id>/": complainant(
        OK, method="GET", objects=True
    ),
    # Issue 16: the short link of a letter opens the complainant's page (through the long
    # link's door); an unknown code shows nothing.
    "k/<shortcode:code>": Entry(
        "GET",
        _cells(
            True,
            lambda role, side: (
                to("/interactie/mijn-klacht/open/?t=") if side == "own" else NOT_FOUND
            ),
        ),
    ),
    "<slug:org>/mijn-klacht/afsluiten/": everyone(to("/interactie/"), method="POST"),
    "<slug:org>/klachtenregeling/": everyone(OK),
    "<slug:org>/klachtenregeling/download/": everyone(OK),
    "<slug:org>/klachtenregeling/versies/": everyone(OK),
    "<slug:org>/klachtenregeling/versies/<int:number>/": everyone(OK),
    "<slug:org>/klachtenregeling/versies/<int:number>/download/": everyone(OK),
    "<slug:org>/vraag/": everyone(OK),
    "<slug:org>/vraag/ontvangen/": everyone(to("/interactie/vraag/")),
    "<slug:org>/huisstijl.css": everyone(OK),
    "<slug:org>/logo/": everyone(NOT_FOUND),  # the organisation has no logo
    # --- Article 8: the lists of subjects and causes, the reports, recommendations, reviews.
    **matrix_registration.MATRIX,
    **matrix_reports.MATRIX,
    **matrix_followup.MATRIX,
    **matrix_retention.MATRIX,
    **matrix_compliance.MATRIX,
    **matrix_compliance_period.MATRIX,
    **matrix_destruction.MATRIX,
    **matrix_mail.MATRIX,
    **matrix_settings.MATRIX,
    **matrix_oral.MATRIX,
}


def test_r6_1_every_url_pattern_has_an_entry():
    patterns = set(routes.all_routes())
    assert sorted(patterns - MATRIX.keys()) == [], "URL patterns without an entry in the matrix"
    assert sorted(MATRIX.keys() - patterns) == [], "entries for URL patterns that do not exist"
    for route, entry in MATRIX.items():
        sides = {side for _, side in entry.cells}
        expected = {"own", "other"} if routes.has_object(route) else {"-"}
        assert sides == expected, f"{route}: sides {sides}, expected {expected}"


def _ask(world, route: str, entry: Entry, role: str, side: str):
    cache.clear()  # rate limits: each cell is a first visit
    client = world.client_for(role)
    cookies = copy.deepcopy(client.cookies)  # a log-out in this cell ends only this cell's
    url = routes.fill(route, world, side)
    try:
        if entry.method == "GET":
            return url, client.get(url)
        return url, client.post(url, {})
    finally:
        client.cookies = cookies


def _differs(expected: Outcome, response) -> bool:
    if response.status_code != expected.status:
        return True
    return bool(expected.location) and not response["Location"].startswith(expected.location)


def _leaks(expected: Outcome, response) -> bool:
    """Does a refusal (not found, forbidden, to the log-in) show a complainant's name?"""
    refused = expected.status in (403, 404) or expected.location in (LOGIN, BEHEER_LOGIN)
    if not refused:
        return False
    body = response.content.decode(errors="replace")
    return any(name in body for name in CONFIDENTIAL)


@pytest.mark.parametrize("route", sorted(MATRIX))
def test_r6_1_access_matrix(world, db, route):
    entry = MATRIX[route]
    wrong = []
    for (role, side), expected in entry.cells.items():
        savepoint = transaction.savepoint()
        try:
            url, response = _ask(world, route, entry, role, side)
        finally:
            transaction.savepoint_rollback(savepoint)
        if _differs(expected, response):
            got = f"{response.status_code} → {response.get('Location', '')}".rstrip(" →")
            wrong.append(f"{entry.method} {url} as {role} ({side}): expected {expected}, got {got}")
        elif _leaks(expected, response):
            wrong.append(f"{entry.method} {url} as {role} ({side}): refusal shows a name")
    assert wrong == []
