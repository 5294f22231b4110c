"""One voice (issue 17, item 4): everything a complainant or a staff member reads says
"je" — pages, mails, PDF letters, the published regulation and Django's own password
help — and dates have one format per language: "4 december 2026" / "4 December 2026",
with the weekday or the time where they help. The rendered pages are scanned as well
(`tests/access/test_page_language.py`)."""

import re
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import (
    password_validators_help_texts,
    validate_password,
)
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext

from klachtenregeling.accounts.django_wording import password_length_message, password_messages
from klachtenregeling.letters.tests import test_pdf_standards as pdf_standards
from klachtenregeling.notifications.compose import compose
from klachtenregeling.notifications.models import OutboxMessage
from klachtenregeling.regulation.defaults import DEFAULT_TEXTS
from tests.access.test_page_language import (
    DATABASE_ID,
    FORMAL,
    HEX_64,
    OTHER_DATES,
    RULE_ID,
)

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "klachtenregeling"
TEMPLATE_DIRS = [SOURCES, ROOT / "templates"]
# The formats a template or the code may give a date: day, month in words, year; with the
# weekday for a due day, with the time (and seconds, in the security log) for a moment.
DATE_FORMATS = {"j F Y", "l j F Y", "j F Y H:i", "l j F Y H:i", "j F Y H:i:s", "H:i"}


def _msgstrs(po: Path) -> list[tuple[str, str]]:
    entries = []
    for block in po.read_text().split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#")]
        current, parts = None, {}
        for line in lines:
            match = re.match(r"^(msgid|msgid_plural|msgstr(?:\[\d\])?) \"(.*)\"$", line)
            if match:
                current = match[1]
                parts[current] = match[2]
            elif current and line.startswith('"'):
                parts[current] += line[1:-1]
        for key, value in parts.items():
            if key.startswith("msgstr") and value:
                entries.append((parts.get("msgid", ""), value))
    return entries


def test_every_dutch_translation_says_je():
    """Pages, mails and letters are written in English and translated: the Dutch says je."""
    formal = [
        f"{msgid[:60]!r} → {msgstr}"
        for msgid, msgstr in _msgstrs(ROOT / "locale/nl/LC_MESSAGES/django.po")
        if FORMAL.search(msgstr)
    ]
    assert formal == []


def test_no_template_has_dutch_in_the_formal_voice():
    """A template written in Dutch directly (none should be) would escape the translations."""
    found = []
    for directory in TEMPLATE_DIRS:
        for path in [*directory.rglob("*.html"), *directory.rglob("*.txt")]:
            text = re.sub(r"{%.*?%}|{{.*?}}|{#.*?#}", " ", path.read_text(), flags=re.S)
            text = re.sub(r"<[^>]*>", " ", text)
            if FORMAL.search(text):
                found.append(str(path.relative_to(ROOT)))
    assert found == []


def test_the_default_regulation_in_dutch_says_je():
    formal = [
        article
        for article, languages in DEFAULT_TEXTS.items()
        if FORMAL.search(" ".join(languages["nl"]))
    ]
    assert formal == []


def test_djangos_password_help_says_je():
    """Django's Dutch says "Uw wachtwoord…"; ours replaces it (locale/ comes first)."""
    with translation.override("nl"):
        texts = [
            *password_validators_help_texts(),
            *(gettext(message) for message in password_messages()),
            password_length_message(10),
        ]
        try:
            validate_password("1234")
        except ValidationError as error:
            texts.extend(error.messages)
    assert len(texts) > len(password_messages())
    assert [text for text in texts if FORMAL.search(text)] == []
    assert "Je wachtwoord moet minstens 10 tekens lang zijn." in texts


def test_every_date_in_a_template_has_the_house_format():
    found = []
    for directory in TEMPLATE_DIRS:
        for path in [*directory.rglob("*.html"), *directory.rglob("*.txt")]:
            text = path.read_text()
            for match in re.finditer(r"\|date(?::([\"'])(.*?)\1)?", text):
                machine = 'datetime="' in text[max(match.start() - 40, 0) : match.start()]
                if match[2] not in DATE_FORMATS and not machine:
                    found.append(f"{path.relative_to(ROOT)}: {match[0]}")
    assert found == []


def test_every_date_in_the_code_has_the_house_format():
    """date_format() with the house format only (its default differs per language:
    "Dec. 4, 2026" in English), and no strftime for what people read."""
    found = []
    for path in SOURCES.rglob("*.py"):
        if "/tests/" in str(path) or "/migrations/" in str(path):
            continue
        if "/demo/" in str(path):  # the demo's complainants write dates in their own words
            continue
        text = path.read_text()
        for match in re.finditer(r"date_format\(([^()]*(?:\([^()]*\))?[^()]*)\)", text):
            formats = re.findall(r"[\"']([^\"']*)[\"']", match[1])
            if not formats or formats[-1] not in DATE_FORMATS:
                found.append(f"{path.relative_to(ROOT)}: {match[0]}")
        found += [f"{path.relative_to(ROOT)}: strftime" for _ in re.finditer(r"\.strftime\(", text)]
    assert found == []


# --- letters and mails, as they are sent ------------------------------------------------------
# Every kind of PDF and the mails the procedure writes along the way, made once through the
# real services (the fixture of the PDF standards test), read as their reader reads them:
# the PDF's text layer (pdftotext), the mail's subject, text part and HTML part.


def _pdf_text(path) -> str:
    # poppler's own tool on a file this test wrote
    return subprocess.run(  # noqa: S603
        ["pdftotext", str(path), "-"],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture(scope="module")
def sent(django_db_setup, django_db_blocker, tmp_path_factory):
    """Every PDF kind as text, and every mail (and letter by post) the journeys wrote."""
    folder = tmp_path_factory.mktemp("voice")
    with django_db_blocker.unblock(), transaction.atomic():
        pdfs = pdf_standards._make_every_kind()
        for message in OutboxMessage.objects.filter(composed=False):
            compose(message.pk)  # as the worker sends them (issue 19)
        mails = {
            f"{m.kind} → {m.recipient_role} ({m.language})": " ".join(
                (m.subject, m.body_text, strip_tags(m.body_html))
            )
            for m in OutboxMessage.objects.all()
        }
        transaction.set_rollback(True)
    letters = {}
    for kind, content in pdfs.items():
        path = folder / f"{kind}.pdf"
        path.write_bytes(content)
        letters[kind] = _pdf_text(path)
    return {"letters": letters, "mails": mails}


def _found(texts: dict[str, str], *patterns) -> list[str]:
    return [
        f"{name}: {match[0]!r}"
        for name, text in texts.items()
        for pattern in patterns
        for match in pattern.finditer(text)
    ]


@pytest.mark.django_db
def test_every_pdf_letter_says_je_with_the_house_dates(sent):
    """The letters to the complainant and the person complained about, the case file and the
    statements: "je", "4 december 2026", and no rule IDs (the signature block's hash stays,
    explained in words)."""
    assert set(sent["letters"]) == set(pdf_standards.KINDS)
    assert _found(sent["letters"], FORMAL, OTHER_DATES, RULE_ID) == []
    assert re.search(r"\b2 maart 2026\b", sent["letters"]["complaint-as-submitted"])


@pytest.mark.django_db
def test_every_mail_says_je_with_the_house_dates(sent):
    """Subject, text part and HTML part of every mail the journeys wrote (letters by post
    included): "je", "4 december 2026", no rule IDs, no hashes, no row ids."""
    mails = sent["mails"]
    assert len({name.split(" → ")[0] for name in mails}) >= 8, sorted(mails)
    assert all(name.endswith("(nl)") for name in mails), sorted(mails)
    assert _found(mails, FORMAL, OTHER_DATES, RULE_ID, HEX_64, DATABASE_ID) == []


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("6 mei 2025", False),
        ("4 december 2026", False),
        ("4 Dec 2026", True),
        ("4 dec", True),
        ("4 mei, 10:00", True),
        ("Nov. 21", True),
        ("04-12-2027", True),
    ],
)
def test_the_date_scan_knows_may_is_its_own_abbreviation(text, other):
    assert bool(OTHER_DATES.search(text)) is other


@pytest.mark.django_db
def test_the_judgment_letters_explain_the_fingerprint_in_words(sent):
    """Issue 17, item 7: the hash stays in the PDF's signature block, said in words."""
    for kind in ("judgment-letter-signed", "judgment-letter-to-respondent-signed"):
        text = " ".join(sent["letters"][kind].split())
        assert "De vingerafdruk (SHA-256) van de tekst van het oordeel:" in text, kind
        assert "verandert er ook maar één teken in de tekst, dan is de vingerafdruk anders" in text
