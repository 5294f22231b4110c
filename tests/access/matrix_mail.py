"""Rows of the access matrix for incoming e-mail (issue 18): the triage inbox is the
organisation's officers' only; the mailbox settings and unreadable mail its admin's."""

from .entries import (
    LOGIN,
    NOT_FOUND,
    OFFICERS,
    OK,
    REFUSED_INPUT,
    Entry,
    _cells,
    question,
    staff,
    to,
)

MAILBOX = "/werk/post/mailbox/"


def _admin_of_own(ok) -> Entry:
    def decide(role, side):
        if role in ("anonymous", "complainant"):
            return to(LOGIN)
        return ok if role == "admin" and side == "own" else NOT_FOUND

    return Entry("POST", _cells(True, decide))


MATRIX: dict[str, Entry] = {
    "werk/post/": staff(OK, OFFICERS),
    "werk/post/inlezen/": staff(REFUSED_INPUT, OFFICERS, method="POST"),
    "werk/post/<int:mail_id>/": question(OK, "GET"),
    "werk/post/<int:mail_id>/als-klacht/": question(OK, "GET"),
    "werk/post/<int:mail_id>/als-vraag/": question(to("/werk/post/"), "POST"),
    "werk/post/<int:mail_id>/weggooien/": question(REFUSED_INPUT, "POST"),
    "werk/post/mailbox/": staff(OK, ("admin",)),
    "werk/post/mailbox/onleesbaar/<int:failed_id>/opnieuw/": _admin_of_own(to(MAILBOX)),
}
