"""R-5.2: hoor en wederhoor — both sides get to explain before a judgment."""

from collections.abc import Iterable
from datetime import datetime

from ..constants import Party


def parties_to_hear(*, has_respondent: bool) -> frozenset[str]:
    """The complainant always; the person complained about when there is one."""
    return frozenset(
        {Party.COMPLAINANT, Party.RESPONDENT} if has_respondent else {Party.COMPLAINANT}
    )


def sides_not_heard(
    *, has_respondent: bool, heard: Iterable[str], waived: Iterable[str]
) -> frozenset[str]:
    """The parties that neither gave a statement nor have a recorded reason for not being heard.

    A judgment may be sent only when this is empty (R-5.2, R-5.6).
    """
    return parties_to_hear(has_respondent=has_respondent) - set(heard) - set(waived)


def account_given(*, invited: Iterable[datetime], given: Iterable[datetime]) -> bool:
    """A party gave their account since they were last invited (or at all, when they were
    not invited): the prompt to give one is done and is no longer shown to them."""
    invited, given = list(invited), list(given)
    return bool(given) and (not invited or max(given) >= max(invited))
