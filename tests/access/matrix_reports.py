"""Rows of the access matrix for the periodic report and finalised reports (R-8.3)."""

from .entries import OFFICERS, OK, Entry, staff

MATRIX: dict[str, Entry] = {
    "werk/verslagen/": staff(OK, OFFICERS),
}
