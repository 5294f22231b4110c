"""Rows of the access matrix for oral complaints (R-1.1): the officer's list and form, a
record for the officer who wrote it down only (R-6.1, R-5.4), the complainant's
confirmation page through the personal link (without one: "not valid", 404)."""

from .entries import NOT_FOUND, OK, REFUSED_INPUT, Entry, _one_person, everyone, staff, to

OFFICERS = ("officer", "other_officer", "foreign_officer")


def writer(ok, method: str = "GET") -> Entry:
    """The officer who wrote the record down (own side: the officer; other side: the other
    organisation's officer); everyone else "not found"."""
    return _one_person(ok, method, own="officer", other="foreign_officer")


MATRIX: dict[str, Entry] = {
    "werk/mondeling/": staff(OK, OFFICERS),
    "werk/mondeling/vastleggen/": staff(OK, OFFICERS),
    "werk/mondeling/<int:record_id>/": writer(OK),
    "werk/mondeling/<int:record_id>/op-papier/": writer(OK),
    "werk/mondeling/<int:record_id>/sluiten/": writer(to("/werk/mondeling/")),
    "werk/mondeling/<int:record_id>/brief/": writer(to("/werk/mondeling/")),
    "werk/mondeling/<int:record_id>/brieven/<int:letter_id>/": writer(OK),
    "werk/per-post/mondeling/<int:letter_id>/verstuurd/": writer(REFUSED_INPUT, "POST"),
    "<slug:org>/bevestigen/": everyone(NOT_FOUND),
}
