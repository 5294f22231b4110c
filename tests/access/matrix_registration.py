"""Rows of the access matrix for the managed lists of subjects and causes (R-8.1, R-3.2)."""

from .entries import OFFICERS, OK, Entry, staff

MATRIX: dict[str, Entry] = {
    "werk/registratie/": staff(OK, (*OFFICERS, "admin")),
}
