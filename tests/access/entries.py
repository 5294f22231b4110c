"""The vocabulary of the access matrix: an expected outcome per (role, side) cell and the
builders of whole rows (`staff`, `handler`, `beheer`, ...). The matrix itself is in
test_access_matrix.py; the pages of Article 8 add their rows in matrix_*.py."""

from dataclasses import dataclass

from .world import ROLES, STAFF_ROLES

LOGIN = "/inloggen/?next="
BEHEER_LOGIN = "/beheer/login/?next="


@dataclass(frozen=True)
class Outcome:
    status: int
    location: str = ""  # a redirect's target starts with this

    def __str__(self) -> str:
        return f"{self.status} → {self.location}" if self.location else str(self.status)


def to(location: str) -> Outcome:
    return Outcome(302, location)


OK = Outcome(200)
REFUSED_INPUT = Outcome(400)  # allowed; the empty form is refused with a message
FORBIDDEN = Outcome(403)
NOT_FOUND = Outcome(404)


@dataclass(frozen=True)
class Entry:
    method: str
    # (role, side) → outcome; side is "-" for a route without an object.
    cells: dict


def _cells(route_has_object: bool, decide) -> dict:
    sides = ("own", "other") if route_has_object else ("-",)
    return {(role, side): decide(role, side) for role in ROLES for side in sides}


def everyone(outcome: Outcome, method="GET", objects=False) -> Entry:
    """Public: the same for every role."""
    return Entry(method, _cells(objects, lambda role, side: outcome))


def staff(ok: Outcome, allowed, method="GET", refused=NOT_FOUND, overrides=None) -> Entry:
    """A staff page without an object: `allowed` roles get `ok`, other staff `refused`,
    the complainant and the anonymous visitor the log-in page."""
    overrides = overrides or {}

    def decide(role, side):
        if role in overrides:
            return overrides[role]
        if role in ("anonymous", "complainant"):
            return to(LOGIN)
        return ok if role in allowed else refused

    return Entry(method, _cells(False, decide))


def _one_person(ok: Outcome, method: str, *, own: str, other: str) -> Entry:
    """A page of one complaint for one person: `own` on the own complaint, `other` on the
    other; everyone else "not found", nobody signed in the log-in page."""

    def decide(role, side):
        if role in ("anonymous", "complainant"):
            return to(LOGIN)
        return ok if role == (own if side == "own" else other) else NOT_FOUND

    return Entry(method, _cells(True, decide))


def handler(ok: Outcome, method="POST") -> Entry:
    """For the officer who handles the complaint (R-6.1, R-5.4)."""
    return _one_person(ok, method, own="officer", other="other_officer")


def respondent(ok: Outcome, method="POST") -> Entry:
    """For the staff member the complaint is about, once informed (R-5.2)."""
    return _one_person(ok, method, own="respondent", other="employee")


def question(ok: Outcome, method: str) -> Entry:
    """A question (R-4.1) is for every officer of its organisation: the own side's question
    is Interactie's, the other side's another organisation's."""

    def decide(role, side):
        if role in ("anonymous", "complainant"):
            return to(LOGIN)
        officers = ("officer", "other_officer") if side == "own" else ("foreign_officer",)
        return ok if role in officers else NOT_FOUND

    return Entry(method, _cells(True, decide))


def complainant(ok: Outcome, method="POST", objects=False) -> Entry:
    """The complainant's own page, through the personal link only (R-7.3)."""

    def decide(role, side):
        return ok if role == "complainant" and side in ("own", "-") else NOT_FOUND

    return Entry(method, _cells(objects, decide))


def beheer(ok, method="GET", objects=False, other=None) -> Entry:
    """Django's admin: the platform's superusers only (no complaint content at all, R-6.1;
    tested in accounts/tests/test_beheer.py). None of the matrix's roles is one: everyone is
    sent to the log-in, which sends an organisation's administrator on to the own settings
    pages and refuses other staff (403). `ok` and `other` name what a superuser gets."""
    return Entry(method, _cells(objects, lambda role, side: to(BEHEER_LOGIN)))


def beheer_model(model: str) -> dict:
    """The five pages Django's admin makes for a model registered in the back-office."""
    base = f"beheer/{model}/"
    scoped = {"other": to("/beheer/")}
    return {
        base: beheer(OK),
        base + "add/": beheer(FORBIDDEN if model.endswith("organisation") else OK),
        base + "<path:object_id>/history/": beheer(OK, objects=True, other=scoped["other"]),
        base + "<path:object_id>/delete/": beheer(FORBIDDEN, objects=True),
        base + "<path:object_id>/change/": beheer(OK, objects=True, other=scoped["other"]),
        # The bare address redirects to the change page, of either side's row.
        base + "<path:object_id>/": beheer(to(f"/beheer/{model}/"), objects=True),
    }


SIGNED_IN = tuple(STAFF_ROLES)
OFFICERS = ("officer", "other_officer", "foreign_officer")
TWO_FACTOR = ("officer", "other_officer", "admin", "foreign_officer")
