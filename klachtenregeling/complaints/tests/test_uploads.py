import io

import pytest
from django.utils import translation

from klachtenregeling.complaints.uploads import check_upload, check_uploads
from klachtenregeling.core.errors import InvalidInput
from tests import samples


@pytest.fixture(autouse=True)
def _english():
    """The messages are asserted in English (the msgids); Dutch is checked in the view tests."""
    with translation.override("en"):
        yield


ALLOWED = [
    ("factuur.pdf", samples.pdf(), "application/pdf"),
    ("foto.PNG", samples.png(), "image/png"),
    ("foto.jpg", samples.jpeg(), "image/jpeg"),
    (
        "brief.docx",
        samples.docx(),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ("verslag.txt", samples.txt(), "text/plain"),
    ("klacht.eml", samples.eml(), "message/rfc822"),
]


@pytest.mark.parametrize(("name", "content", "content_type"), ALLOWED)
def test_allowed_types_are_recognised_by_content(name, content, content_type):
    checked = check_upload(name, io.BytesIO(content))
    assert (checked.filename, checked.content_type, checked.size) == (
        name,
        content_type,
        len(content),
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("pagina.html", samples.html(), "is not a PDF"),
        ("factuur.pdf", samples.png(), "does not match its extension"),  # PNG bytes named .pdf
        ("script.txt", samples.html(), "is not a PDF"),  # HTML in a .txt
        ("leeg.pdf", b"", "is empty"),
        ("../../etc/passwd", samples.txt(), "not a valid file name"),
        ("..\\boot.ini", samples.txt(), "not a valid file name"),
        ("map/bestand.pdf", samples.pdf(), "not a valid file name"),
        (".verborgen.pdf", samples.pdf(), "not a valid file name"),
        ("", samples.pdf(), "not a valid file name"),
        ("nul\x00.pdf", samples.pdf(), "not a valid file name"),
    ],
)
def test_bad_files_are_refused_with_a_message(name, content, message):
    with pytest.raises(InvalidInput) as refused:
        check_upload(name, io.BytesIO(content))
    assert message in str(refused.value.errors["attachments"][0])


def test_files_over_the_size_limit_are_refused(settings):
    settings.MAX_ATTACHMENT_BYTES = 1024
    with pytest.raises(InvalidInput) as refused:
        check_upload("groot.txt", io.BytesIO(b"a" * 1025))
    assert "larger than" in str(refused.value.errors["attachments"][0])


def test_at_most_five_files_at_once():
    files = [(f"f{i}.txt", io.BytesIO(samples.txt())) for i in range(6)]
    with pytest.raises(InvalidInput) as refused:
        check_uploads(files)
    assert "at most 5" in str(refused.value.errors["attachments"][0])


def test_every_bad_file_is_reported():
    files = [("a.html", io.BytesIO(samples.html())), ("b.pdf", io.BytesIO(b""))]
    with pytest.raises(InvalidInput) as refused:
        check_uploads(files)
    assert len(refused.value.errors["attachments"]) == 2
