"""Rows of the access matrix for holds on destruction (R-8.5): the officer handling the
complaint and the organisation's administrator (reference and dates only)."""

from .entries import LOGIN, NOT_FOUND, OK, Entry, _cells, staff, to


def _holds(ok) -> Entry:
    def decide(role, side):
        if role in ("anonymous", "complainant"):
            return to(LOGIN)
        own = (role == "officer" and side == "own") or (role == "other_officer" and side == "other")
        return ok if own or role == "admin" else NOT_FOUND

    return Entry("POST" if ok != OK else "GET", _cells(True, decide))


MATRIX: dict[str, Entry] = {
    "werk/bewaring/": staff(OK, ("admin",)),
    "werk/bewaring/<reference:reference>/": _holds(OK),
    # An empty form is refused with a message and the page sends the user back.
    "werk/bewaring/<reference:reference>/zetten/": _holds(to("/werk/")),
    "werk/bewaring/<reference:reference>/<int:hold_id>/opheffen/": _holds(to("/werk/")),
}
