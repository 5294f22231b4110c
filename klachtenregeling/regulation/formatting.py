"""An article's text as paragraphs and lists, for the web page and the PDF alike.

The format is deliberately small: a blank line starts a new paragraph, lines starting
with "1." (or "1)") are numbered items, lines starting with "-" are bulleted items, and
any other line continues the item or paragraph before it. Text is escaped; web and
e-mail addresses become links.
"""

import re
from dataclasses import dataclass, field

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString

_NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(.*)$")
_BULLET = re.compile(r"^\s*[-\u2013\u2022*]\s+(.*)$")  # -, en dash, bullet, *
# A web address (ending before closing punctuation) or an e-mail address. Our own, not
# Django's urlize: that drops the full stop in "(https://example.nl)." (Django 5.2).
_LINK = re.compile(
    r"(?P<url>https?://[^\s<>()\"']*[^\s<>()\"'.,;:!?])"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
)


@dataclass
class Block:
    kind: str  # "p", "ol" or "ul"
    items: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)  # for "ol": the numbers as written


def blocks(body: str) -> list[Block]:
    result: list[Block] = []
    for chunk in re.split(r"\n[ \t]*\n", body.strip()):
        current: Block | None = None
        for line in (raw.strip() for raw in chunk.splitlines()):
            if not line:
                continue
            numbered, bullet = _NUMBERED.match(line), _BULLET.match(line)
            kind = "ol" if numbered else "ul" if bullet else None
            if kind and (current is None or current.kind != kind):
                current = Block(kind)
                result.append(current)
            if numbered:
                current.items.append(numbered.group(2))
                current.numbers.append(int(numbered.group(1)))
            elif bullet:
                current.items.append(bullet.group(1))
            elif current is None:
                current = Block("p", [line])
                result.append(current)
            else:
                current.items[-1] += " " + line
    return result


def _join(parts: list[SafeString]) -> SafeString:
    """Concatenate parts that are already safe (escaped, or built by format_html)."""
    return format_html_join("", "{}", ((part,) for part in parts))


def linkify(text: str) -> SafeString:
    """Escaped text in which web and e-mail addresses are links."""
    parts, last = [], 0
    for match in _LINK.finditer(text):
        parts.append(escape(text[last : match.start()]))
        href = match.group("url") or f"mailto:{match.group('email')}"
        parts.append(format_html('<a href="{}">{}</a>', href, match.group(0)))
        last = match.end()
    parts.append(escape(text[last:]))
    return _join(parts)


def to_html(body: str) -> SafeString:
    parts = []
    for block in blocks(body):
        if block.kind == "p":
            parts.append(format_html("<p>{}</p>", linkify(block.items[0])))
        elif block.kind == "ol":
            items = format_html_join(
                "",
                '<li value="{}">{}</li>',
                zip(block.numbers, map(linkify, block.items), strict=True),
            )
            parts.append(format_html("<ol>{}</ol>", items))
        else:
            items = format_html_join("", "<li>{}</li>", ((linkify(i),) for i in block.items))
            parts.append(format_html("<ul>{}</ul>", items))
    return _join(parts)
