"""Rows of the access matrix for recommendations as actions (R-3.5), the yearly review and
the board (R-8.4). See world_followup.py for the own and the other objects."""

from .entries import (
    LOGIN,
    NOT_FOUND,
    OFFICERS,
    OK,
    REFUSED_INPUT,
    SIGNED_IN,
    Entry,
    _cells,
    staff,
    to,
)


def _for(ok, method: str, *, own: tuple, other: tuple) -> Entry:
    """A page of one object: `own` roles on the own side's object, `other` roles on the other
    organisation's; everyone else "not found", nobody signed in the log-in page."""

    def decide(role, side):
        if role in ("anonymous", "complainant"):
            return to(LOGIN)
        return ok if role in (own if side == "own" else other) else NOT_FOUND

    return Entry(method, _cells(True, decide))


# The own recommendation is owned by the employee; the other one by the foreign officer.
_RECOMMENDATION = {"own": ("officer", "other_officer", "employee"), "other": ("foreign_officer",)}
_OFFICERS_OF = {"own": ("officer", "other_officer"), "other": ("foreign_officer",)}

MATRIX: dict[str, Entry] = {
    "werk/aanbevelingen/": staff(OK, SIGNED_IN),
    "werk/aanbevelingen/<int:recommendation_id>/": _for(OK, "GET", **_RECOMMENDATION),
    "werk/aanbevelingen/<int:recommendation_id>/status/": _for(
        REFUSED_INPUT, "POST", **_RECOMMENDATION
    ),
    "werk/aanbevelingen/<int:recommendation_id>/toewijzen/": _for(
        REFUSED_INPUT, "POST", **_OFFICERS_OF
    ),
    "werk/besprekingen/": staff(OK, (*OFFICERS, "admin")),
    "werk/besprekingen/nieuw/": staff(OK, OFFICERS),
    # The own review was submitted to the board (the board reads it); the admin reads all.
    "werk/besprekingen/<int:review_id>/": _for(
        OK,
        "GET",
        own=("officer", "other_officer", "admin", "board"),
        other=("foreign_officer",),
    ),
    "werk/besprekingen/<int:review_id>/notitie/": _for(REFUSED_INPUT, "POST", **_OFFICERS_OF),
    "werk/bestuur/": staff(OK, ("board",)),
    # Only the board of the review's organisation, once (the other side has no board here).
    "werk/bestuur/besprekingen/<int:review_id>/besluit/": _for(
        REFUSED_INPUT, "POST", own=("board",), other=()
    ),
}
