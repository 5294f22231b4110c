"""Plain text as RFC 3676 format=flowed (DelSp=no): lines of at most 78 characters that a
mail client joins back into the paragraphs they came from.

Each input line is a paragraph. A paragraph longer than WIDTH is broken after a space: the
space stays at the end of the line (a "soft" break) and tells the reader's client that the
paragraph goes on. A line that ends without a space is a hard break. A line that starts
with a space, ">" or "From " is space-stuffed (one space in front) so that it is not read as
quoted text or mangled by a mail server; the reader removes that space again.

Breaks are only made at spaces, so a word — a URL above all — is never split: a URL longer
than the width stands alone on a line that is longer than 78 characters (RFC 5322 allows up
to 998; RFC 3676 permits this for a word that cannot be broken). Widths are counted in
characters, as RFC 5322 counts them, not in encoded octets.

Trailing spaces of a paragraph are dropped: a hard line that ended with one would read as
a soft break. The signature separator "-- " is the one exception and stays as it is (and a
soft line never reads "-- "). Line ends are made "\\n" first: text typed in a browser comes
with CRLF.
"""

from bisect import bisect_right

WIDTH = 78
SIGNATURE_SEPARATOR = "-- "


def _stuffed(line: str) -> bool:
    return line.startswith((" ", ">", "From "))


def _stuff(line: str) -> str:
    return " " + line if _stuffed(line) else line


def _wrap(paragraph: str, width: int) -> list[str]:
    """Break one paragraph into lines that end with a space, except the last."""
    # Soft breaks: right after a space.
    breaks = [end for end in range(1, len(paragraph)) if paragraph[end - 1] == " "]
    lines = []
    start = 0
    while True:
        rest = paragraph[start:]
        budget = width - (1 if _stuffed(rest) else 0)
        if len(rest) <= budget:
            lines.append(rest)
            return lines
        # Never a line that reads as the signature separator "-- ".
        ahead = [
            end
            for end in breaks[bisect_right(breaks, start) :]
            if paragraph[start:end] != SIGNATURE_SEPARATOR
        ]
        if not ahead:
            lines.append(rest)  # one word longer than the width (a long URL): left whole
            return lines
        fitting = ahead[: bisect_right(ahead, start + budget)]
        end = fitting[-1] if fitting else ahead[0]
        lines.append(paragraph[start:end])
        start = end


def flow(text: str, width: int = WIDTH) -> str:
    """`text` (lines separated by "\\n") as format=flowed lines, separated by "\\n"."""
    lines = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if paragraph != SIGNATURE_SEPARATOR:
            paragraph = paragraph.rstrip(" ")
        lines.extend(_stuff(line) for line in _wrap(paragraph, width))
    return "\n".join(lines)


def unflow(text: str) -> str:
    """What a reader's client shows: soft-broken lines joined, space-stuffing removed.

    Quoted lines (">") are not treated apart: `flow` never writes them unstuffed.
    """
    paragraphs = []
    current = None
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.startswith(" "):
            line = line[1:]
        current = line if current is None else current + line
        if line == SIGNATURE_SEPARATOR or not line.endswith(" "):
            paragraphs.append(current)
            current = None
    if current is not None:
        paragraphs.append(current)
    return "\n".join(paragraphs)
