"""Issue 15: a letter names the complainant in whatever script they wrote their name, emoji
included. Every glyph is drawn from an embedded font, none is the empty box of a missing
one (.notdef, glyph 0), and the text layer reads the names back. Read with poppler
(pdffonts, pdftotext) and the PDF's own content streams (pypdf), not with WeasyPrint."""

import io
import re
import subprocess
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pypdf
import pytest
from pypdf.generic import ContentStream

from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.complaints.constants import AttachmentKind
from klachtenregeling.handling.tests import steps
from klachtenregeling.retention.files import read_plaintext

NAMES = {
    "latin": "Zoë Ærøskøbing-Núñez",
    "arabic": "محمد العلي",
    "hebrew": "דוד כהן",
    # woman technologist with a skin tone: four code points, one glyph (ZWJ sequence)
    "emoji": "Ana 👩🏽\u200d💻",
}


def _run(*command: str) -> str:
    # poppler's own tools on a file this test wrote
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout  # noqa: S603


def _extension_letter(submit, officer, name: str) -> bytes:
    complaint = steps.start(submit(complainant_name=name), officer)
    complaint_services.complaint_extend_deadline(
        complaint=complaint,
        new_deadline=complaint.deadline + timedelta(days=14),
        reason="De trainingslocatie moet nog reageren.",
        by=officer,
    )
    letter = complaint.attachments.get(kind=AttachmentKind.LETTER)
    return read_plaintext(letter)


def _code_to_cid(font) -> Callable[[int], int]:
    """How a Type 0 font's two-byte codes become CIDs: Identity-H, or an embedded CMap
    (WeasyPrint writes one when a glyph is missing: it maps that code to CID 0)."""
    encoding = font["/Encoding"]
    if encoding == "/Identity-H":
        return lambda code: code
    cmap = encoding.get_object().get_data().decode("latin-1")
    table: dict[int, int] = {}
    for start, end, cid in re.findall(r"<(\w+)>\s*<(\w+)>\s*(\d+)", _section(cmap, "cidrange")):
        for offset in range(int(end, 16) - int(start, 16) + 1):
            table[int(start, 16) + offset] = int(cid) + offset
    for code, cid in re.findall(r"<(\w+)>\s*(\d+)", _section(cmap, "cidchar")):
        table[int(code, 16)] = int(cid)
    return lambda code: table.get(code, 0)


def _section(cmap: str, name: str) -> str:
    return " ".join(re.findall(rf"begin{name}(.*?)end{name}", cmap, re.S))


def _glyphs(pdf: bytes) -> dict[str, set[int]]:
    """The glyph ids each font is shown with on every page. The letters' fonts are Type 0
    with two-byte codes and CID = glyph id (CIDToGIDMap Identity); glyph 0 is .notdef."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    glyphs: dict[str, set[int]] = {}
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        content = ContentStream(page.get_contents(), reader)
        name, to_cid = None, None
        for operands, operator in content.operations:
            if operator == b"Tf":
                font = fonts[operands[0]].get_object()
                name = str(font["/BaseFont"])
                assert font["/Subtype"] == "/Type0", f"{name} is not a Type 0 font"
                descendant = font["/DescendantFonts"][0].get_object()
                assert descendant["/CIDToGIDMap"] == "/Identity", name
                to_cid = _code_to_cid(font)
            elif operator in (b"Tj", b"TJ"):
                strings = operands[0] if operator == b"TJ" else operands
                for string in strings:
                    if isinstance(string, int | float):
                        continue  # a kerning adjustment in TJ
                    data = bytes(string.original_bytes)
                    glyphs.setdefault(name, set()).update(
                        to_cid(int.from_bytes(data[i : i + 2], "big"))
                        for i in range(0, len(data), 2)
                    )
    return glyphs


@pytest.mark.parametrize("script", NAMES)
def test_a_name_in_any_script_is_drawn_embedded_and_read_back(submit, officer, tmp_path, script):
    name = NAMES[script]
    pdf = _extension_letter(submit, officer, name)
    path = Path(tmp_path / "letter.pdf")
    path.write_bytes(pdf)

    # No missing glyph: no font is shown with glyph 0 (.notdef, the empty box).
    missing = sorted(font for font, shown in _glyphs(pdf).items() if 0 in shown)
    assert not missing, f"{name!r}: .notdef drawn from {missing}"
    # Every font is embedded with a Unicode map (PDF/A), none is a Type 3 stand-in.
    fonts = _run("pdffonts", str(path)).splitlines()[2:]
    assert fonts
    for line in fonts:
        assert "Type 3" not in line, line
        embedded, _subset, unicode = line.split()[-5:-2]
        assert (embedded, unicode) == ("yes", "yes"), line
    # The text layer gives the name back as written (bidi marks aside).
    text = _run("pdftotext", "-enc", "UTF-8", str(path), "-")
    bare = "".join(ch for ch in text if ch not in "\u202a\u202b\u202c\u202d\u202e\u200e\u200f")
    assert name in bare
    # Still a tagged record that poppler opens.
    assert "Tagged:          yes" in _run("pdfinfo", str(path))


def test_the_letters_read_the_machines_font_files_and_nothing_else():
    """WeasyPrint reads the emoji face (`local()`) through the letters' fetcher: system font
    files only; any other file or address is refused."""
    from pathlib import Path

    from klachtenregeling.letters.pdf import _no_fetching

    emoji = next(Path("/usr/share/fonts").rglob("NotoColorEmoji.ttf"))
    response = _no_fetching(emoji.as_uri())
    assert response.read(4) in (b"\x00\x01\x00\x00", b"OTTO", b"true")  # a font file
    for refused in (
        "file:///etc/passwd",
        "file:///usr/share/fonts/../../../etc/passwd",
        "https://example.net/font.ttf",
    ):
        with pytest.raises(ValueError):
            _no_fetching(refused)
