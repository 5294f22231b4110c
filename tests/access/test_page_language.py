"""One voice and no jargon on every page people read (issue 17, items 4 and 7).

Every page of the access matrix that a role may open (a GET with 200) is opened as that
role, in Dutch and in English, and its visible text is scanned for:

- the formal address ("u", "uw", "U ") — the product says "je" to everybody;
- a date in another format than "4 december 2026" / "4 December 2026" ("04-12-2026",
  "2026-12-04", "4 dec", "Dec. 4");
- an internal rule ID ("R-5.2"): people see the article of the published regulation;
- a database id ("#7") or a word said twice ("(klager) (klager)");
- a 64-character hexadecimal value (a SHA-256, a token) on the pages of the complainant and
  the person complained about.

The mails and the letters are scanned by their own tests (notifications, letters).
"""

import copy
import re
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.db import transaction

from . import routes
from .entries import OK
from .test_access_matrix import MATRIX

FORMAL = re.compile(r"(?<![\w-])(u|uw|Uw|UW|uzelf|Uzelf)(?![\w-])|(?<![\w-])U (?=[a-z])")
RULE_ID = re.compile(r"(?<![\w-])R-\d")
DATABASE_ID = re.compile(r"(?<![\w&])#\d+\b")  # "#7": an id of a row
SAID_TWICE = re.compile(r"(\([^()]{2,40}\)) \1")  # "(klager) (klager)"
HEX_64 = re.compile(r"(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])")
_MONTH = r"(jan|feb|mrt|mar|apr|mei|may|jun|jul|aug|sep|sept|okt|oct|nov|dec)"
OTHER_DATES = re.compile(
    r"\b\d{1,2}-\d{1,2}-\d{4}\b"  # 04-12-2026
    r"|\b\d{4}-\d{2}-\d{2}\b"  # 2026-12-04
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"  # 4/12/2026
    # 4 dec, 4 Dec. ("6 mei 2025" is the house format: May's name is its abbreviation)
    rf"|\b\d{{1,2}} (?!mei \d{{4}}){_MONTH}\.?(?= |,|$)"
    rf"|\b{_MONTH}\. \d{{1,2}}\b",  # Dec. 4
    re.IGNORECASE,
)
# Roles whose pages show no hashes and no tokens: the complainant (through the link) and
# the person complained about, and visitors of the public pages.
LAY_ROLES = ("anonymous", "complainant", "respondent", "employee", "board")


class _Text(HTMLParser):
    """The text a reader sees: no tags, attributes, scripts or styles."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def findings(text: str, *, lay: bool) -> list[str]:
    """What a page must not say (the first few of each kind)."""
    found = []
    checks = [
        ("formal address", FORMAL),
        ("date format", OTHER_DATES),
        ("rule ID", RULE_ID),
        ("database id", DATABASE_ID),
        ("said twice", SAID_TWICE),
    ]
    if lay:
        checks.append(("hash", HEX_64))
    for label, pattern in checks:
        for match in list(pattern.finditer(text))[:3]:
            start = max(match.start() - 40, 0)
            found.append(f"{label}: …{text[start : match.end() + 40]}…")
    return found


def _pages():
    for route, entry in sorted(MATRIX.items()):
        if entry.method != "GET" or route.startswith("beheer/"):
            continue
        if route.endswith(("download/", ".css", ".ics", ".csv", ".zip", ".pdf")):
            continue
        for (role, side), outcome in entry.cells.items():
            if outcome == OK and side in ("own", "-"):
                yield route, role, side
                break  # one role per page is enough; the wording is the same


def _open(world, route, role, side, language):
    cache.clear()
    client = world.client_for(role)
    cookies = copy.deepcopy(client.cookies)
    try:
        response = client.get(routes.fill(route, world, side), HTTP_ACCEPT_LANGUAGE=language)
    finally:
        client.cookies = cookies
    return response


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_page_speaks_one_voice_without_jargon(world, db, language):
    wrong = []
    for route, role, side in _pages():
        savepoint = transaction.savepoint()
        try:
            response = _open(world, route, role, side, language)
        finally:
            transaction.savepoint_rollback(savepoint)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        text = visible_text(response.content.decode())
        for finding in findings(text, lay=role in LAY_ROLES):
            wrong.append(f"{route} as {role}: {finding}")
    assert not wrong, "\n".join(wrong)


def test_the_scan_finds_what_it_looks_for():
    """The patterns themselves: each forbidden form is found, the house forms are not."""
    bad = [
        "Uw wachtwoord is te kort",
        "Heeft u vragen?",
        "Stuur ons uw klacht",
        "op 04-12-2026",
        "op 2026-12-04",
        "op 4 dec 2026",
        "on Dec. 4, 2026",
        "zie R-5.2",
        "corrigeert reactie #7",
        "de klager (klager) (klager)",
    ]
    for sentence in bad:
        assert findings(sentence, lay=False), sentence
    assert findings("a" * 64, lay=True)
    assert not findings("a" * 64, lay=False)
    good = [
        "Je klacht is ontvangen op 4 december 2026.",
        "Your complaint was received on 4 December 2026.",
        "art. 5 lid 2 van de klachtenregeling",
        "KL-2026-0042",
        "U-bocht",
    ]
    for sentence in good:
        assert not findings(sentence, lay=True), sentence
