"""Issue 20: every kind of PDF is tagged, declares its standard (PDF/A-2a for records,
PDF/UA-1 for published documents) with title, author, subject, language and creation date,
and its text layer reads as whole words, letterhead first. Read with poppler (pdfinfo,
pdftotext), as a screen reader or an archive would, not with the library that wrote it.

Each kind is made once, through the real services, in a module fixture whose database
writes are rolled back at the end."""

import io
import re
import subprocess
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path
from xml.etree import ElementTree

import pypdf
import pytest
from django.conf import settings
from django.db import transaction
from django.utils import translation

from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.complaints.constants import AttachmentKind, Concern, Satisfaction
from klachtenregeling.complaints.rules.intake import ComplaintDraft
from klachtenregeling.compliance.documents import period_statement_pdf
from klachtenregeling.compliance.selectors import compliance_table
from klachtenregeling.core import clock
from klachtenregeling.handling import case_file
from klachtenregeling.handling import services as handling_services
from klachtenregeling.handling.services import endings
from klachtenregeling.handling.tests import steps
from klachtenregeling.letters.pdf import MissingMetadata, PdfVariant, render_pdf
from klachtenregeling.regulation import services as regulation_services
from klachtenregeling.regulation.documents import order_text_pdf, regulation_pdf
from klachtenregeling.reports.constants import PeriodKind
from klachtenregeling.reports.documents import report_pdf
from klachtenregeling.reports.models import Report
from klachtenregeling.reports.periods import Period
from klachtenregeling.reports.presentation import report_context
from klachtenregeling.reports.selectors import report_figures
from klachtenregeling.retention.constants import ItemResult, ListStatus
from klachtenregeling.retention.files import read_plaintext
from klachtenregeling.retention.models import DestructionList, DestructionListItem
from klachtenregeling.retention.statement import statement_pdf as destruction_statement_pdf
from klachtenregeling.reviews.models import Review
from tests.factories import OrganisationFactory, UserFactory

# The marker makes pytest-django set up the test database that the module fixture uses.
pytestmark = pytest.mark.django_db

ORGANISATION = "Interactie Opleidingen"
# Long Dutch compounds in narrow text: with hyphenation on, WeasyPrint split them at line
# ends with U+2010 (HYPHEN), and the text layer read "klachten", "functionaris".
LONG_WORDS = (
    "klachtenfunctionaris trainingsaccommodatie bereikbaarheidsproblemen "
    "deelnemersadministratie communicatiemiddelen verantwoordelijkheidsverdeling "
    "cursusmateriaalontwikkeling opleidingscoördinator aanmeldingsbevestiging"
)
DESCRIPTION = (
    "De training Timemanagement begon een uur te laat. De klachtenfunctionaris was niet "
    "bereikbaar, de trainingsaccommodatie had bereikbaarheidsproblemen en de "
    "deelnemersadministratie stuurde geen aanmeldingsbevestiging. " + LONG_WORDS
)
REASONING = (
    "De klacht is deels terecht. De opleidingscoördinator heeft de "
    "verantwoordelijkheidsverdeling met de trainingsaccommodatie niet vastgelegd, en de "
    "communicatiemiddelen schoten tekort. De cursusmateriaalontwikkeling was wel op orde. "
    + LONG_WORDS
)

RECORD = ("pdfaid", "2", "A")  # PDF/A-2a: archival, tagged
PUBLIC = ("pdfuaid", "1", None)  # PDF/UA-1

# Every PDF the application makes: kind -> (template, declared standard). The template
# list is checked against the templates on disk, so a new kind cannot go untested.
KINDS = {
    "extension-letter": ("letters/extension.html", RECORD),
    "not-admissible-letter": ("letters/not_admissible.html", RECORD),
    "judgment-letter": ("letters/judgment.html", RECORD),
    "judgment-letter-signed": ("letters/judgment.html", RECORD),
    "judgment-letter-to-respondent": ("letters/judgment_respondent.html", RECORD),
    "judgment-letter-to-respondent-signed": ("letters/judgment_respondent.html", RECORD),
    "case-file": ("letters/dossier.html", RECORD),
    "letter-by-post": ("letters/by_post.html", RECORD),
    "no-answer-letter": ("letters/no_answer.html", RECORD),
    "oral-record-letter": ("oral/letter.html", RECORD),
    "oral-reminder-letter": ("oral/letter.html", RECORD),
    "oral-not-confirmed-letter": ("oral/letter_not_confirmed.html", RECORD),
    "complaint-as-submitted": ("letters/submission.html", RECORD),
    "compliance-statement": ("compliance/statement.html", RECORD),
    "period-compliance-statement": ("compliance/pdf/period_statement.html", RECORD),
    "destruction-statement": ("retention/pdf/statement.html", RECORD),
    "report": ("reports/pdf/report.html", RECORD),
    "regulation": ("regulation/pdf/regulation.html", PUBLIC),
    "order-confirmation-text": ("regulation/pdf/order_confirmation.html", PUBLIC),
}

AMSTERDAM = clock.AMSTERDAM
SUBMITTED = datetime(2026, 3, 2, 10, 0, tzinfo=AMSTERDAM)
EXTENDED = datetime(2026, 3, 9, 11, 15, tzinfo=AMSTERDAM)
JUDGED = datetime(2026, 3, 20, 14, 30, tzinfo=AMSTERDAM)
SIGNED = datetime(2026, 3, 23, 9, 45, tzinfo=AMSTERDAM)
DESTROYED = datetime(2026, 4, 1, 9, 5, tzinfo=AMSTERDAM)
# no answer after the reminder and a second period (14 + 14 days after the judgment).
UNANSWERED = JUDGED + timedelta(days=30)
# The creation date each record carries: its own date, not the moment it was rendered.
CREATED = {
    "extension-letter": EXTENDED,
    "judgment-letter": JUDGED,
    "judgment-letter-signed": SIGNED,
    "judgment-letter-to-respondent": JUDGED,
    "judgment-letter-to-respondent-signed": SIGNED,
    "complaint-as-submitted": SUBMITTED,
    "letter-by-post": SUBMITTED,
    "destruction-statement": DESTROYED,
    "no-answer-letter": UNANSWERED,
    "oral-record-letter": SUBMITTED,
    "oral-reminder-letter": SUBMITTED,
    "oral-not-confirmed-letter": UNANSWERED,
}


def _draft(**overrides) -> ComplaintDraft:
    values = {
        "complainant_name": "Marieke Jonker",
        "complainant_email": "marieke@example.org",
        "description": DESCRIPTION,
        "concerns": (Concern.PERFORMANCE,),
        "engagement_description": "Training Timemanagement, maart, Amersfoort",
        "desired_outcome": "Excuses en een nieuwe trainingsdatum.",
    }
    values.update(overrides)
    return ComplaintDraft(**values)


def _letters(complaint) -> dict[str, bytes]:
    found = {}
    kinds = (AttachmentKind.LETTER, AttachmentKind.RESPONDENT_LETTER)
    for attachment in complaint.attachments.filter(kind__in=kinds):
        found[attachment.filename.removeprefix(complaint.reference + "-")] = read_plaintext(
            attachment
        )
    return found


def _make_every_kind() -> dict[str, bytes]:
    organisation = OrganisationFactory(
        name=ORGANISATION,
        slug="interactie-pdf",
        website="https://interactie.example",
        postal_address="Stationsplein 12\n3818 LE Amersfoort",
        disputes_body_name="De Geschillencommissie",
        disputes_body_address="Postbus 90600\n2509 LP Den Haag",
    )
    officer = UserFactory(
        organisation=organisation,
        officer=True,
        username="amber-pdf",
        first_name="Amber",
        last_name="de Vries",
    )
    respondent = UserFactory(
        organisation=organisation,
        username="trainer-pdf",
        first_name="Pieter",
        last_name="van den Broek",
    )
    organisation.default_officer = officer
    organisation.save()
    pdfs: dict[str, bytes] = {}

    with clock.frozen(SUBMITTED):
        complaint = complaint_services.complaint_submit(
            organisation=organisation, draft=_draft(respondent_id=respondent.pk), files=[]
        ).complaint
        complaint = steps.start(complaint, officer)
        other = complaint_services.complaint_submit(
            organisation=organisation,
            draft=_draft(complainant_name="Joost Bakker", complainant_email="joost@example.org"),
            files=[],
        ).complaint
        other = steps.classify(steps.start(other, officer), officer)
        # Issue 16: a complainant without e-mail gets the acknowledgement as a letter.
        by_post = complaint_services.complaint_submit(
            organisation=organisation,
            draft=_draft(
                complainant_name="Anna Smit",
                complainant_email="",
                address_street="Kerkstraat",
                address_number="12-2",
                address_postcode="3811 AB",
                address_city="Amersfoort",
            ),
            files=[],
        ).complaint
        pdfs["letter-by-post"] = _letters(by_post)["post-acknowledgement.pdf"]
        endings.complaint_declare_not_admissible(
            complaint=other,
            reasons="Het bericht gaat over de deelnemersadministratie van een andere "
            "opleidingscoördinator, niet over onze dienstverlening. " + LONG_WORDS,
            by=officer,
        )
    with clock.frozen(EXTENDED):
        complaint_services.complaint_extend_deadline(
            complaint=complaint,
            new_deadline=complaint.deadline + timedelta(days=14),
            reason="De trainingsaccommodatie moet nog reageren op de bereikbaarheidsproblemen. "
            + LONG_WORDS,
            by=officer,
        )
    with clock.frozen(JUDGED):
        complaint = steps.hear_both(steps.fresh(complaint), officer)
        judgment = steps.judge(
            complaint,
            officer,
            reasoning=REASONING,
            recs=["Leg de verantwoordelijkheidsverdeling met de trainingsaccommodatie vast."],
        )
    with clock.frozen(SIGNED):
        steps.accept(complaint, judgment)
        handling_services.judgment_sign(
            complaint=complaint, shown_sha256=judgment.text_sha256, by=officer
        )
        handling_services.judgment_sign(
            complaint=steps.fresh(complaint), shown_sha256=judgment.text_sha256, by=respondent
        )
    complaint = steps.fresh(complaint)
    letters = _letters(complaint)
    pdfs["extension-letter"] = letters["verlenging-1.pdf"]
    pdfs["judgment-letter"] = letters["oordeel-v1.pdf"]
    pdfs["judgment-letter-signed"] = letters["oordeel-v1-ondertekend.pdf"]
    pdfs["judgment-letter-to-respondent"] = letters["oordeel-v1-betrokkene.pdf"]
    pdfs["judgment-letter-to-respondent-signed"] = letters["oordeel-v1-ondertekend-betrokkene.pdf"]
    pdfs["not-admissible-letter"] = _letters(other)["niet-ontvankelijk.pdf"]

    with clock.frozen(SIGNED + timedelta(hours=1)), translation.override("nl"):
        archive = zipfile.ZipFile(io.BytesIO(case_file.build(complaint).content))
        pdfs["case-file"] = archive.read("01-dossier.pdf")
        pdfs["complaint-as-submitted"] = archive.read("02-klacht-zoals-ingediend/klacht.pdf")
        pdfs["compliance-statement"] = archive.read("06-naleving.pdf")

        period = Period(PeriodKind.YEAR, date(2026, 1, 1), date(2026, 12, 31))
        table = compliance_table(organisation, period)
        pdfs["period-compliance-statement"] = period_statement_pdf(organisation, table)
        figures = report_figures(organisation=organisation, period=period)
        pdfs["report"] = report_pdf(
            organisation=organisation,
            figures=figures,
            context=report_context(figures=figures, compliance=table),
        )

        version = regulation_services.regulation_publish(organisation=organisation).version
        pdfs["regulation"] = regulation_pdf(version, "nl")
        pdfs["order-confirmation-text"] = order_text_pdf(version, "nl")

    pdfs["destruction-statement"] = _destruction_statement(organisation, officer)
    pdfs["no-answer-letter"] = _no_answer_letter(organisation, officer)
    pdfs.update(_oral_letters(officer))
    return pdfs


def _oral_letters(officer) -> dict[str, bytes]:
    """R-1.1: the written record of an oral complaint by post, and the letter closing it as
    not confirmed (a complainant without e-mail)."""
    from klachtenregeling.oral import letters as oral_letters
    from klachtenregeling.oral import services as oral_services

    draft = _draft(
        complainant_name="Kees de Vries",
        complainant_email="",
        address_street="Dorpsstraat",
        address_number="12",
        address_postcode="3811 AB",
        address_city="Amersfoort",
    )
    with clock.frozen(SUBMITTED):
        record, _token = oral_services.oral_record_create(
            by=officer, told_on=SUBMITTED.date(), how_told="phone", draft=draft
        )
        letter = oral_letters.render(
            record, "record", url="https://klachten.example.nl/m/abc", dated=SUBMITTED
        )
    reminder = oral_letters.render(
        record,
        "reminder",
        url="https://klachten.example.nl/m/def",
        dated=SUBMITTED,
        close_from=UNANSWERED.date(),
    )
    return {
        "oral-record-letter": letter,
        "oral-reminder-letter": reminder,
        "oral-not-confirmed-letter": oral_letters.render(record, "not_confirmed", dated=UNANSWERED),
    }


def _no_answer_letter(organisation, officer) -> bytes:
    with clock.frozen(SUBMITTED):
        unanswered = complaint_services.complaint_submit(
            organisation=organisation,
            draft=_draft(complainant_name="Sanne Visser", complainant_email="sanne@example.org"),
            files=[],
        ).complaint
        unanswered = steps.start(unanswered, officer)
    with clock.frozen(JUDGED):
        unanswered = steps.hear_both(steps.fresh(unanswered), officer)
        steps.judge(unanswered, officer, reasoning=REASONING)
    with clock.frozen(UNANSWERED):
        handling_services.complaint_close_no_answer(
            complaint=steps.fresh(unanswered),
            cause_id=steps.cause_for(unanswered, officer),
            satisfaction=Satisfaction.UNKNOWN,
            by=officer,
        )
    return _letters(steps.fresh(unanswered))["geen-reactie.pdf"]


def _destruction_statement(organisation, officer) -> bytes:
    second = UserFactory(organisation=organisation, admin=True, username="fatima-pdf")
    report = Report.objects.create(
        organisation=organisation,
        period_kind=PeriodKind.YEAR,
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        content={},
        sha256="0" * 64,
        finalised_by=officer,
        finalised_at=datetime(2026, 1, 5, 10, 0, tzinfo=AMSTERDAM),
    )
    review = Review.objects.create(
        organisation=organisation,
        held_on=date(2026, 3, 10),
        recorded_by=officer,
        recorded_at=datetime(2026, 3, 10, 16, 0, tzinfo=AMSTERDAM),
    )
    review.reports.set([report])
    confirmed = datetime(2026, 3, 11, 9, 0, tzinfo=AMSTERDAM)
    the_list = DestructionList.objects.create(
        organisation=organisation,
        review=review,
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        status=ListStatus.DESTROYED,
        created_by=officer,
        created_at=confirmed,
        confirmed_by=officer,
        confirmed_at=confirmed,
        second_confirmed_by=second,
        second_confirmed_at=confirmed,
        cooling_off_until=confirmed + timedelta(days=7),
        destroyed_at=DESTROYED,
    )
    for number, ended in enumerate(("2025-05-06", "2025-06-10", "2025-09-15"), start=1):
        DestructionListItem.objects.create(
            destruction_list=the_list,
            reference=f"KL-2025-{number:04d}",
            received_on=date.fromisoformat(ended) - timedelta(days=30),
            ended_on=date.fromisoformat(ended),
            outcome="withdrawn",
            result=ItemResult.DESTROYED,
        )
    pdf, _sha256 = destruction_statement_pdf(the_list)
    return pdf


@pytest.fixture(scope="module")
def pdf_files(django_db_setup, django_db_blocker, tmp_path_factory):
    """Every kind, rendered once, as files for poppler."""
    folder = tmp_path_factory.mktemp("pdfs")
    with django_db_blocker.unblock(), transaction.atomic():
        pdfs = _make_every_kind()
        transaction.set_rollback(True)
    files = {}
    for kind, content in pdfs.items():
        files[kind] = folder / f"{kind}.pdf"
        files[kind].write_bytes(content)
    return files


def _run(*command: str) -> str:
    # poppler's own tools on files this test wrote
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout  # noqa: S603


def _pdfinfo(path: Path) -> dict[str, str]:
    fields = {}
    for line in _run("pdfinfo", "-isodates", str(path)).splitlines():
        name, _, value = line.partition(":")
        fields[name.strip()] = value.strip()
    return fields


def _xmp_ids(path: Path) -> dict[str, str]:
    """The part/conformance declarations of the XMP packet (pdfinfo -meta)."""
    xmp = _run("pdfinfo", "-meta", str(path))
    packet = xmp[xmp.index("<x:xmpmeta") : xmp.index("</x:xmpmeta>") + len("</x:xmpmeta>")]
    ids = {}
    for element in ElementTree.fromstring(packet).iter():  # noqa: S314 - our own PDF
        for name, value in element.attrib.items():
            for prefix, namespace in (
                ("pdfaid", "http://www.aiim.org/pdfa/ns/id/"),
                ("pdfuaid", "http://www.aiim.org/pdfua/ns/id/"),
            ):
                if name.startswith("{" + namespace + "}"):
                    ids[f"{prefix}:{name.split('}')[1]}"] = value
    return ids


def test_every_pdf_template_is_a_kind_here():
    """A new PDF template gets a line in KINDS (and so these checks and the README's
    list): a full HTML document in the letters' house style, or one that extends a base
    such document (letters/_letter.html)."""
    texts = {
        "/".join(path.parts[path.parts.index("templates") + 1 :]): path.read_text()
        for path in (Path(settings.BASE_DIR) / "klachtenregeling").glob("*/templates/**/*.html")
    }
    documents = {
        name for name, text in texts.items() if "<html" in text and "letters/_styles.html" in text
    }
    bases = {name for name in documents if name.rsplit("/", 1)[-1].startswith("_")}
    extending = {
        name
        for name, text in texts.items()
        for base in bases
        if f'{{% extends "{base}" %}}' in text
    }
    assert (documents - bases) | extending == {template for template, _ in KINDS.values()}


@pytest.mark.parametrize("kind", KINDS)
def test_tagged_with_title_author_subject_language_and_creation_date(pdf_files, kind):
    info = _pdfinfo(pdf_files[kind])
    assert info["Tagged"] == "yes"
    assert info["Author"] == ORGANISATION
    assert info["Title"] and info["Subject"]
    created = datetime.fromisoformat(info["CreationDate"])  # e.g. 2026-03-09T11:15:00+01
    assert created.tzinfo is not None
    if kind in CREATED:
        assert created == CREATED[kind]
    catalog = pypdf.PdfReader(pdf_files[kind]).trailer["/Root"]
    assert catalog["/Lang"] == "nl"


@pytest.mark.parametrize("kind", KINDS)
def test_xmp_declares_the_standard(pdf_files, kind):
    prefix, part, conformance = KINDS[kind][1]
    ids = _xmp_ids(pdf_files[kind])
    assert ids[f"{prefix}:part"] == part
    if conformance:
        assert ids[f"{prefix}:conformance"] == conformance
    other = "pdfuaid" if prefix == "pdfaid" else "pdfaid"
    assert not any(key.startswith(other + ":") for key in ids)


# The kinds that show the complaint's texts above (the others show no complaint content).
WITH_LONG_WORDS = {
    "extension-letter",
    "not-admissible-letter",
    "judgment-letter",
    "judgment-letter-signed",
    "case-file",
    "complaint-as-submitted",
}

# A word broken at a line end: a letter, a hyphen (ASCII, U+2010 or U+00AD), line break,
# a lower-case letter.
SPLIT_WORD = re.compile(r"\w[-\u2010\u00ad]\n\s*[a-zà-ÿ]")


@pytest.mark.parametrize("kind", KINDS)
def test_text_layer_has_whole_words_and_the_letterhead_first(pdf_files, kind):
    layout = _run("pdftotext", "-layout", str(pdf_files[kind]), "-")
    plain = _run("pdftotext", str(pdf_files[kind]), "-")
    for text in (layout, plain):
        assert "\u2010" not in text and "\u00ad" not in text
        assert not SPLIT_WORD.search(text), SPLIT_WORD.search(text)
    words = set(re.findall(r"\w+", plain))
    if kind in WITH_LONG_WORDS:
        assert "trainingsaccommodatie" in words and "verantwoordelijkheidsverdeling" in words
    # The letterhead (or a document's header) is read first, the running footer last.
    assert plain.lstrip().startswith(ORGANISATION + "\n")


@pytest.mark.parametrize("kind", KINDS)
def test_structure_tree_reads_the_letterhead_first_without_the_page_footer(pdf_files, kind):
    """What a screen reader follows: the tags (pdfinfo -struct-text), not the page layout."""
    structure = _run("pdfinfo", "-struct-text", str(pdf_files[kind]))
    texts = [text.strip() for text in re.findall(r'^\s*"(.*)"\s*$', structure, re.MULTILINE)]
    assert texts[0] == ORGANISATION
    assert "\u2010" not in structure and "\u00ad" not in structure
    # The running footer (organisation, reference, page x of y) is not content.
    assert not re.search(r"Pagina \d+ van \d+", structure)
    if kind in WITH_LONG_WORDS:
        words = set(re.findall(r"\w+", " ".join(texts)))
        assert "trainingsaccommodatie" in words and "verantwoordelijkheidsverdeling" in words


def test_a_record_rendered_again_is_the_same_file():
    """The creation date is the record's own: the same letter rendered twice is the same
    file, byte for byte (its hash in the manifest of a case file stays true)."""
    context = {
        "complaint": {"reference": "KL-2026-0007"},
        "organisation": {"name": ORGANISATION, "contact_email": "klachten@interactie.example"},
        "events": [],
        "generated_at": EXTENDED,
    }
    first = render_pdf(
        "letters/dossier.html", context, language="nl", variant=PdfVariant.RECORD, created=EXTENDED
    )
    again = render_pdf(
        "letters/dossier.html", context, language="nl", variant=PdfVariant.RECORD, created=EXTENDED
    )
    assert first == again


def test_a_record_without_its_own_date_is_refused():
    with pytest.raises(ValueError, match="created"):
        render_pdf("letters/dossier.html", {}, language="nl", variant=PdfVariant.RECORD)


def test_a_template_without_a_subject_is_refused(tmp_path, settings):
    template = tmp_path / "bare.html"
    template.write_text(
        '<!DOCTYPE html><html lang="nl"><head><title>Brief</title>'
        '<meta name="author" content="Interactie"></head><body><p>Tekst</p></body></html>'
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [str(tmp_path), *settings.TEMPLATES[0]["DIRS"]]}
    ]
    with pytest.raises(MissingMetadata, match="description"):
        render_pdf("bare.html", {}, language="nl", variant=PdfVariant.PUBLIC)
