"""Rows of the access matrix for recommendations as actions (R-3.5), the yearly review and
the board (R-8.4)."""

from .entries import OFFICERS, OK, SIGNED_IN, Entry, staff

MATRIX: dict[str, Entry] = {
    "werk/aanbevelingen/": staff(OK, SIGNED_IN),
    "werk/besprekingen/": staff(OK, (*OFFICERS, "admin")),
    "werk/bestuur/": staff(OK, ("board",)),
}
