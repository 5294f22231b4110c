"""Rows of the access matrix for the destruction list (R-8.5): officers propose and leave
lines out; officers and the administrator confirm and cancel; the board reads the statement
of destruction. An empty form is refused with a message and the page sends the user back."""

from .entries import LOGIN, NOT_FOUND, OFFICERS, OK, Entry, _cells, staff, to


def _for(ok, method: str, *, own: tuple, other: tuple = ("foreign_officer",)) -> Entry:
    def decide(role, side):
        if role in ("anonymous", "complainant"):
            return to(LOGIN)
        return ok if role in (own if side == "own" else other) else NOT_FOUND

    return Entry(method, _cells(True, decide))


_OFFICERS_OF = ("officer", "other_officer")
_DECIDE = (*_OFFICERS_OF, "admin")
BACK = to("/werk/")

MATRIX: dict[str, Entry] = {
    "werk/vernietigen/": staff(OK, (*OFFICERS, "admin", "board")),
    "werk/vernietigen/nieuw/": staff(BACK, OFFICERS, method="POST"),
    "werk/vernietigen/<int:list_id>/": _for(OK, "GET", own=_DECIDE),
    "werk/vernietigen/<int:list_id>/uitsluiten/<int:item_id>/": _for(
        BACK, "POST", own=_OFFICERS_OF
    ),
    "werk/vernietigen/<int:list_id>/bevestigen/": _for(BACK, "POST", own=_DECIDE),
    "werk/vernietigen/<int:list_id>/annuleren/": _for(BACK, "POST", own=_DECIDE),
    "werk/vernietigen/<int:list_id>/verklaring/": _for(OK, "GET", own=(*_DECIDE, "board")),
}
