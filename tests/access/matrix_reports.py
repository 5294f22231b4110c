"""Rows of the access matrix for the periodic report and finalised reports (R-8.3).

The live report is the officers' (of any organisation: each sees their own figures); a
finalised report is read by the officers, the board and the administrator of its
organisation (R-6.1: figures and recommendations only) — anyone else: not found."""

from .entries import LOGIN, NOT_FOUND, OFFICERS, OK, REFUSED_INPUT, Entry, _cells, staff, to

# Who reads the own organisation's finalised report; the other side's is the foreign officer's.
_READERS = ("officer", "other_officer", "board", "admin")


def _finalised(ok=OK) -> Entry:
    def decide(role, side):
        if role in ("anonymous", "complainant"):
            return to(LOGIN)
        readers = _READERS if side == "own" else ("foreign_officer",)
        return ok if role in readers else NOT_FOUND

    return Entry("GET", _cells(True, decide))


def _live_chart() -> Entry:
    """The chart of the live report: the name is the object; every officer sees a chart of
    their own organisation's figures."""

    def decide(role, side):
        if role in ("anonymous", "complainant"):
            return to(LOGIN)
        return OK if role in OFFICERS else NOT_FOUND

    return Entry("GET", _cells(True, decide))


MATRIX: dict[str, Entry] = {
    "werk/verslagen/": staff(OK, OFFICERS),
    # The empty form: the text of the report is required.
    "werk/verslagen/vaststellen/": staff(REFUSED_INPUT, OFFICERS, method="POST"),
    "werk/verslagen/pdf/": staff(OK, OFFICERS),
    "werk/verslagen/csv/": staff(OK, OFFICERS),
    "werk/verslagen/grafiek/<slug:chart>.svg": _live_chart(),
    "werk/verslagen/vastgesteld/": staff(
        OK, ("officer", "other_officer", "board", "admin", "foreign_officer")
    ),
    "werk/verslagen/vastgesteld/<int:report_id>/": _finalised(),
    "werk/verslagen/vastgesteld/<int:report_id>/pdf/": _finalised(),
    "werk/verslagen/vastgesteld/<int:report_id>/csv/": _finalised(),
    "werk/verslagen/vastgesteld/<int:report_id>/grafiek/<slug:chart>.svg": _finalised(),
}
