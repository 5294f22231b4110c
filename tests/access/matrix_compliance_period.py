"""Rows of the access matrix for the per-period compliance statement (issue 14).

The statement of a period is composed like the live report: the organisation's officers
(REPORT_COMPOSE), each for their own organisation's complaints; anyone else: not found."""

from .entries import OFFICERS, OK, Entry, staff

MATRIX: dict[str, Entry] = {
    "werk/verslagen/naleving.pdf": staff(OK, OFFICERS),
}
