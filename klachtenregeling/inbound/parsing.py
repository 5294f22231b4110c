"""Reading a raw message with the standard library's `email` package.

Headers and bodies come out as text in any charset (encoded words, quoted-printable,
base64, ISO-8859-1, Windows-1252, UTF-8); a part whose charset is unknown or wrong is read
as Windows-1252, which maps every byte. HTML is never shown as HTML: it is made plain text
with `nh3` (scripts, styles and remote images removed). Attachments are returned as bytes;
they are checked like web uploads (complaints/uploads.py) only when they are stored.
"""

import email
import email.policy
import hashlib
import html
import re
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime

import nh3

MESSAGE_ID = re.compile(r"<([^<>\s]+@[^<>\s]+)>")
_BLOCK_TAGS = re.compile(
    r"<\s*(br|/p|/div|/li|/tr|/h[1-6]|/blockquote|/table)\b[^>]*>", re.IGNORECASE
)
_BLANK_LINES = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t\u00a0]+")
MAX_TEXT = 100_000


class UnreadableMail(Exception):
    """The message cannot be read; it is kept raw as failed mail."""


@dataclass(frozen=True)
class Part:
    filename: str
    content_type: str
    content: bytes


@dataclass
class ParsedMail:
    message_id: str
    in_reply_to: list[str]
    references: list[str]
    from_name: str
    from_address: str
    recipients: list[str]
    subject: str
    date: datetime | None
    text: str
    attachments: list[Part]
    headers: dict[str, str]
    # A delivery status notification (RFC 3464): the Message-IDs of the returned message,
    # the failed recipients and the status codes.
    report_type: str = ""
    returned_message_ids: list[str] = field(default_factory=list)
    failed_recipients: list[str] = field(default_factory=list)
    diagnostic: str = ""


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def message_ids(value: str) -> list[str]:
    """The ids in a Message-ID, In-Reply-To or References header, without brackets."""
    return MESSAGE_ID.findall(value or "")


def _header(message, name: str) -> str:
    try:
        value = message.get(name)
    except Exception:  # a header the policy cannot parse: read it as stored
        value = message.get_all(name, failobj=[""])[0] if hasattr(message, "get_all") else ""
    return " ".join(str(value or "").split())


def _addresses(message, *names: str) -> list[tuple[str, str]]:
    values = []
    for name in names:
        for value in message.get_all(name, failobj=[]):
            values.append(str(value))
    return [(n, a.strip().lower()) for n, a in getaddresses(values) if "@" in a]


def _text_of(part) -> str:
    payload = part.get_payload(decode=True) or b""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset)
    except (LookupError, UnicodeDecodeError):
        # Windows-1252 maps every byte that matters; a mislabelled Outlook body reads right.
        return payload.decode("cp1252", errors="replace")


def html_to_text(markup: str) -> str:
    """Sanitised plain text of an HTML body: no tags, no scripts or styles, no remote images."""
    markup = _BLOCK_TAGS.sub("\n", markup)
    cleaned = nh3.clean(markup, tags=set(), clean_content_tags={"script", "style", "head", "title"})
    return html.unescape(cleaned)


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()[:MAX_TEXT]


def _body(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    text = _text_of(body)
    if body.get_content_type() == "text/html":
        text = html_to_text(text)
    return _tidy(text)


def _attachments(message: EmailMessage) -> list[Part]:
    parts = []
    for part in message.iter_attachments():
        content_type = part.get_content_type()
        filename = part.get_filename() or ""
        if content_type == "message/rfc822":
            inner = part.get_payload(0) if part.is_multipart() else None
            content = (
                inner.as_bytes() if inner is not None else (part.get_payload(decode=True) or b"")
            )
            parts.append(Part(filename or "doorgestuurd.eml", content_type, content))
            continue
        if content_type.startswith("multipart/"):
            continue
        if not filename and part.get_content_disposition() != "attachment":
            continue  # an inline alternative body, not a file
        parts.append(
            Part(filename or "bijlage", content_type, part.get_payload(decode=True) or b"")
        )
    return parts


def _date(message) -> datetime | None:
    try:
        value = parsedate_to_datetime(_header(message, "Date"))
    except (TypeError, ValueError, IndexError):
        return None
    return value if value.tzinfo is not None else None


def _delivery_report(message: EmailMessage, parsed: ParsedMail) -> None:
    """RFC 3464: the machine-readable part says who failed; the returned part which message."""
    parsed.report_type = (message.get_param("report-type") or "").lower()
    for part in message.walk():
        content_type = part.get_content_type()
        if content_type == "message/delivery-status":
            for block in part.get_payload():
                recipient = str(
                    block.get("Final-Recipient", "") or block.get("Original-Recipient", "")
                )
                if recipient:
                    parsed.failed_recipients.append(recipient.split(";")[-1].strip().lower())
                status = str(block.get("Status", "")).strip()
                diagnostic = " ".join(str(block.get("Diagnostic-Code", "")).split())
                if status or diagnostic:
                    parsed.diagnostic = f"{status} {diagnostic}".strip()[:400]
        elif content_type in ("message/rfc822", "message/global"):
            inner = part.get_payload(0) if part.is_multipart() else None
            if inner is not None:
                parsed.returned_message_ids += message_ids(_header(inner, "Message-ID"))
        elif content_type == "text/rfc822-headers":
            headers = email.message_from_string(_text_of(part), policy=email.policy.default)
            parsed.returned_message_ids += message_ids(_header(headers, "Message-ID"))


NOISE_HEADERS = (
    "auto-submitted",
    "x-autoreply",
    "x-autorespond",
    "x-auto-response-suppress",
    "precedence",
    "x-precedence",
    "list-id",
    "return-path",
    "x-failed-recipients",
    "content-type",
)


def parse(raw: bytes) -> ParsedMail:
    """Read a message; raises UnreadableMail when it is not a mail at all."""
    if not raw or not raw.strip():
        raise UnreadableMail("empty or not an e-mail message")
    try:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        if not message.keys():
            raise UnreadableMail("no headers: not an e-mail message")
        from_name, from_address = (_addresses(message, "From") or [("", "")])[0]
        parsed = ParsedMail(
            message_id=(message_ids(_header(message, "Message-ID")) or [""])[0],
            in_reply_to=message_ids(_header(message, "In-Reply-To")),
            references=message_ids(_header(message, "References")),
            from_name=from_name[:200],
            from_address=from_address[:254],
            recipients=[
                a
                for _n, a in _addresses(
                    message, "To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To"
                )
            ],
            subject=_header(message, "Subject")[:300],
            date=_date(message),
            text=_body(message),
            attachments=_attachments(message),
            headers={name: _header(message, name).lower() for name in NOISE_HEADERS},
        )
        if message.get_content_type() == "multipart/report":
            _delivery_report(message, parsed)
    except UnreadableMail:
        raise
    except Exception as error:  # the email package raises many kinds on broken input
        raise UnreadableMail(f"{type(error).__name__}: {error}") from error
    if not parsed.from_address:
        raise UnreadableMail("no sender address (From)")
    return parsed
