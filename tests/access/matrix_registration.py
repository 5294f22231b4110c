"""Rows of the access matrix for the managed lists of subjects and causes (R-8.1, R-3.2)."""

from .entries import (
    LOGIN,
    NOT_FOUND,
    OFFICERS,
    OK,
    REFUSED_INPUT,
    Entry,
    Outcome,
    _cells,
    staff,
    to,
)

LISTS = "/werk/registratie/"
MANAGERS = (*OFFICERS, "admin")


def list_entry(ok: Outcome) -> Entry:
    """A POST on one subject or cause: the officers and the admin of its organisation (the
    own side is Interactie's, the other side another organisation's); everyone else "not
    found", nobody signed in the log-in page."""

    def decide(role, side):
        if role in ("anonymous", "complainant"):
            return to(LOGIN)
        managers = ("officer", "other_officer", "admin") if side == "own" else ("foreign_officer",)
        return ok if role in managers else NOT_FOUND

    return Entry("POST", _cells(True, decide))


MATRIX: dict[str, Entry] = {
    "werk/registratie/": staff(OK, MANAGERS),
    # The empty form is refused with a message: a name is required.
    "werk/registratie/onderwerpen/toevoegen/": staff(REFUSED_INPUT, MANAGERS, method="POST"),
    "werk/registratie/oorzaken/toevoegen/": staff(REFUSED_INPUT, MANAGERS, method="POST"),
    "werk/registratie/onderwerpen/<int:subject_id>/naam/": list_entry(REFUSED_INPUT),
    "werk/registratie/oorzaken/<int:cause_id>/naam/": list_entry(REFUSED_INPUT),
    "werk/registratie/onderwerpen/<int:subject_id>/buiten-gebruik/": list_entry(to(LISTS)),
    "werk/registratie/oorzaken/<int:cause_id>/buiten-gebruik/": list_entry(to(LISTS)),
    # Putting back in use one that is in use changes nothing and returns to the page.
    "werk/registratie/onderwerpen/<int:subject_id>/in-gebruik/": list_entry(to(LISTS)),
    "werk/registratie/oorzaken/<int:cause_id>/in-gebruik/": list_entry(to(LISTS)),
}
