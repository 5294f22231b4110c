"""What every mail the application sends must satisfy; the SMTP inbox of the tests (conftest)
checks each message it receives with `problems()`, so every journey that sends mail checks
its mails.

- RFC 5322 / MIME, strictly: the message is parsed with `email.policy.strict` (the parser
  raises on any defect), and no part nor header carries a defect; every part decodes; no
  line is longer than 998 octets; From, Date and Message-ID occur exactly once.
- The house standards (README, "Standards: E-mail"): the Message-ID is on the sender's
  domain; Date has a real offset (not -0000); the plain-text body is format=flowed and its
  lines are at most 78 characters, except a line that holds one unbreakable word (a URL).
"""

import email.policy
from email.parser import BytesParser

from klachtenregeling.notifications.flowed import WIDTH

RFC5322_LINE_LIMIT = 998
ONCE = ("From", "Date", "Message-ID")


def _part_problems(message) -> list[str]:
    problems = []
    for number, part in enumerate(message.walk()):
        where = f"part {number} ({part.get_content_type()})"
        problems += [f"{where}: {defect!r}" for defect in part.defects]
        for name, value in part.items():
            problems += [f"{where}, header {name}: {defect!r}" for defect in value.defects]
        if not part.is_multipart():
            try:
                part.get_content()
            except (LookupError, ValueError, KeyError) as error:
                problems.append(f"{where}: does not decode: {error!r}")
    return problems


def _header_problems(message) -> list[str]:
    problems = [
        f"{name} occurs {len(message.get_all(name, []))} times, not once"
        for name in ONCE
        if len(message.get_all(name, [])) != 1
    ]
    if problems:
        return problems
    sender_domain = message["From"].addresses[0].domain.lower()
    message_id = str(message["Message-ID"])
    if not message_id.lower().endswith(f"@{sender_domain}>"):
        problems.append(f"Message-ID {message_id} is not on the sender's domain {sender_domain}")
    date = message["Date"]
    if date.datetime is None or date.datetime.tzinfo is None:
        problems.append(f"Date {date} has no real time zone")
    return problems


def _text_problems(message) -> list[str]:
    body = message.get_body(preferencelist=("plain",))
    if body is None:
        return ["no plain-text part"]
    if body.get_param("format") != "flowed":
        return [f"the plain-text part is not format=flowed: {body['Content-Type']}"]
    problems = []
    for line in body.get_content().splitlines():
        content = line.removeprefix(" ").rstrip(" ")
        if len(line) > WIDTH and " " in content:
            problems.append(f"a text line of {len(line)} characters: {line!r}")
    return problems


def problems(raw: bytes) -> list[str]:
    """Everything wrong with the message `raw` (as received over SMTP); [] when nothing is."""
    found = [
        f"a line of {len(line)} octets"
        for line in raw.splitlines()
        if len(line.rstrip(b"\r\n")) > RFC5322_LINE_LIMIT
    ]
    try:
        message = BytesParser(policy=email.policy.strict).parsebytes(raw)
    except Exception as error:  # the strict policy raises on the first defect it finds
        return [*found, f"strict parsing failed: {error!r}"]
    return found + _part_problems(message) + _header_problems(message) + _text_problems(message)
