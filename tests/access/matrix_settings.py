"""Rows of the access matrix for the administrator's own pages (issue 17) and the forgotten
password (Django's reset views, for everyone)."""

from .entries import LOGIN, NOT_FOUND, OK, Entry, Outcome, _cells, everyone, staff, to

ADMIN = ("admin",)
USERS = "/werk/instellingen/gebruikers/"


def administrator(ok: Outcome, method: str = "GET") -> Entry:
    """A user or key of the organisation: its administrator only; another organisation's
    is "not found" to them too."""

    def decide(role, side):
        if role in ("anonymous", "complainant"):
            return to(LOGIN)
        return ok if role == "admin" and side == "own" else NOT_FOUND

    return Entry(method, _cells(True, decide))


MATRIX: dict[str, Entry] = {
    "werk/instellingen/": staff(OK, ADMIN),
    "werk/instellingen/organisatie/": staff(OK, ADMIN),
    "werk/instellingen/logboek/": staff(OK, ADMIN),
    "werk/instellingen/gebruikers/": staff(OK, ADMIN),
    "werk/instellingen/gebruikers/uitnodigen/": staff(OK, ADMIN),
    "werk/instellingen/gebruikers/<int:user_id>/": administrator(OK),
    "werk/instellingen/gebruikers/<int:user_id>/wachtwoordlink/": administrator(
        to(USERS), method="POST"
    ),
    "werk/instellingen/gebruikers/<int:user_id>/tweestaps/": administrator(OK),
    "werk/instellingen/opdrachten/": staff(OK, ADMIN),
    "werk/instellingen/opdrachten/nieuw/": staff(OK, ADMIN),
    "werk/instellingen/opdrachten/<int:engagement_id>/": administrator(OK),
    "werk/instellingen/api-sleutels/": staff(OK, ADMIN),
    "werk/instellingen/api-sleutels/nieuw/": staff(OK, ADMIN),
    "werk/instellingen/api-sleutels/<int:key_id>/intrekken/": administrator(OK),
    # A forgotten password: the same pages for everyone (nothing says who has an account).
    "wachtwoord-vergeten/": everyone(OK),
    "wachtwoord-vergeten/verstuurd/": everyone(OK),
    # The world's link is not valid: the page says so and offers a new one.
    "wachtwoord-instellen/<uidb64>/<token>/": everyone(OK, objects=True),
    "wachtwoord-instellen/klaar/": everyone(OK),
}
