"""Art. 8 (registration) and Art. 3 (aims) — what a complaint must carry when it ends, and
the managed lists of subjects and causes it is registered with."""

from collections.abc import Collection, Iterable

from django.utils.translation import gettext_lazy as _

from klachtenregeling.core.errors import TransitionRefused

from ..constants import Satisfaction

# The longest name of a subject or a cause (the column's length).
MAX_LIST_NAME_LENGTH = 100

SUBJECTS_FIRST = _("Register the complaint's subject(s) first, in the Subjects box of this page.")
NO_CAUSES_CONFIGURED = _(
    "No causes are configured yet: add them on the page Subjects and causes first."
)


def require_subjects(count: int) -> None:
    """R-8.1: a complaint is registered with its subject before its judgment is sent and
    before the officer ends it (closed, ruled on, not admissible, withdrawal recorded).
    R-8.2: one or more; the count is the number registered now."""
    if count < 1:
        raise TransitionRefused(SUBJECTS_FIRST, code="subjects_required")


# The answer "the cause is unknown" at an ending where the cause is optional (withdrawn, not
# admissible): asked like every other answer, stored as no cause.
UNKNOWN_CAUSE = 0


def stored_cause(cause_id: int | None) -> int | None:
    return None if cause_id == UNKNOWN_CAUSE else cause_id


def cause_errors(
    cause_id: int | None, *, active_ids: Collection[int], required: bool
) -> dict[str, list]:
    """R-3.2: the cause category of an ending, from the organisation's causes in use.

    Required when the complaint is closed (also after a ruling), optional when it is
    declared not admissible or withdrawn. With no cause in use at all a required cause
    cannot be given: the officer is sent to the lists page rather than to a dead end.
    """
    if cause_id == UNKNOWN_CAUSE and not required:
        return {}  # R-3.2 with R-3.3's rule: "unknown" is an answer where the cause may be
    if cause_id is None:
        if not required:
            return {}
        if not active_ids:
            return {"cause": [NO_CAUSES_CONFIGURED]}
        return {"cause": [_("Choose the cause of the complaint.")]}
    if cause_id not in active_ids:
        return {"cause": [_("Choose a cause from the list.")]}
    return {}


def satisfaction_errors(value: str) -> dict[str, list]:
    """R-3.3: the complainant's satisfaction at every end; 'unknown' is a valid answer."""
    if value not in Satisfaction.values:
        return {"satisfaction": [_("Choose how satisfied the complainant is.")]}
    return {}


def list_name_errors(
    name: str, *, others: Iterable[tuple[str, bool]], kind_label: str
) -> dict[str, list]:
    """R-8.1, R-3.2: a subject's or a cause's name is given, fits, and is not yet taken in
    the organisation (ignoring case; a retired one counts too, it can be put back in use).

    `others` are (name, in use) of the organisation's other entries of the same list.
    """
    if not name:
        return {"name": [_("Give a name.")]}
    if len(name) > MAX_LIST_NAME_LENGTH:
        return {"name": [_("Use at most %(max)d characters.") % {"max": MAX_LIST_NAME_LENGTH}]}
    for other, in_use in others:
        if other.casefold() == name.casefold():
            if in_use:
                message = _("There already is a %(kind)s “%(name)s”.")
            else:
                message = _(
                    "There already is a %(kind)s “%(name)s”, taken out of use: put that one "
                    "back in use instead."
                )
            return {"name": [message % {"kind": kind_label, "name": other}]}
    return {}


def require_one_subject_in_use(in_use_after: int) -> None:
    """R-8.1: every new complaint can be registered with a subject, so at least one
    subject must stay in use."""
    if in_use_after < 1:
        raise TransitionRefused(
            _("At least one subject must stay in use."), code="last_subject", field="name"
        )
