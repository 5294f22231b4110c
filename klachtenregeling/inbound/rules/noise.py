"""Mail that no person wrote: auto-replies, bounces of our own messages, loops.

Pure functions over a parsed message (parsing.ParsedMail). None of these creates a
complaint, enters the triage inbox or notifies anyone at night (README, "E-mail").
"""

import re

from ..constants import MailKind

# Subjects of out-of-office and automatic replies in the languages our mail meets.
AUTO_REPLY_SUBJECTS = re.compile(
    r"^\s*(automatic reply|auto(matisch)?[ -]?(reply|response|antwoord)|out of (the )?office|"
    r"afwezig|abwesenheit|absence|r[ée]ponse automatique|automatische antwort|"
    r"niet aanwezig|vakantie|on vacation)\b",
    re.IGNORECASE,
)
BOUNCE_SUBJECTS = re.compile(
    r"(undeliver|delivery status notification|delivery (has )?failed|returned mail|"
    r"mail delivery failed|onbestelbaar|niet bezorgd|kan niet worden bezorgd|failure notice)",
    re.IGNORECASE,
)
BOUNCE_SENDERS = re.compile(r"^(mailer-daemon|postmaster)@", re.IGNORECASE)
OUTBOX_ID = re.compile(r"^outbox-(\d+)-(\d{14})@(.+)$")


def is_auto_reply(headers: dict[str, str], subject: str) -> bool:
    """RFC 3834 `Auto-Submitted`, the Microsoft and other X- headers, bulk `Precedence`,
    and the subjects of out-of-office replies."""
    auto_submitted = headers.get("auto-submitted", "")
    if auto_submitted and auto_submitted != "no":
        return True
    if headers.get("x-autoreply") or headers.get("x-autorespond"):
        return True
    if headers.get("precedence") in {"auto_reply", "bulk", "junk", "list"}:
        return True
    if headers.get("x-precedence") in {"auto_reply", "bulk", "junk"}:
        return True
    suppress = headers.get("x-auto-response-suppress", "")
    if "oof" in suppress or suppress == "all":
        # Exchange marks its own automatic replies with this (and Auto-Submitted).
        return bool(AUTO_REPLY_SUBJECTS.search(subject))
    return bool(AUTO_REPLY_SUBJECTS.search(subject))


def is_bounce(*, report_type: str, from_address: str, subject: str, headers: dict) -> bool:
    """A delivery status notification (RFC 3464), or a mailer daemon's returned mail."""
    if report_type == "delivery-status":
        return True
    if headers.get("x-failed-recipients"):
        return True
    empty_return_path = headers.get("return-path", "x") in {"<>", ""}
    return bool(
        (BOUNCE_SENDERS.match(from_address) or empty_return_path)
        and BOUNCE_SUBJECTS.search(subject)
    )


def outbox_pk(message_id: str, *, our_domain: str) -> tuple[int, str] | None:
    """(pk, timestamp) of one of our outbox Message-IDs (notifications/models.py), else None."""
    match = OUTBOX_ID.match(message_id or "")
    if not match or match.group(3).lower() != our_domain.lower():
        return None
    return int(match.group(1)), match.group(2)


def classify(*, parsed, our_domain: str, our_addresses: set[str]) -> str:
    """The kind of a message before threading: a loop, a bounce, an auto-reply, or mail."""
    if outbox_pk(parsed.message_id, our_domain=our_domain) or parsed.from_address in our_addresses:
        return MailKind.LOOP
    if is_bounce(
        report_type=parsed.report_type,
        from_address=parsed.from_address,
        subject=parsed.subject,
        headers=parsed.headers,
    ):
        return MailKind.BOUNCE
    if is_auto_reply(parsed.headers, parsed.subject):
        return MailKind.AUTO_REPLY
    return MailKind.NEW
