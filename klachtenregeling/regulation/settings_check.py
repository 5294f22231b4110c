"""The publication check on a proposed change of the settings, before it is saved (R-4.1).

The back-office asks these while validating its forms, so that a change the published
regulation could not follow is refused with the check's messages next to the fields.
Until an organisation has published its regulation, its settings are free to change.
"""

import copy

from klachtenregeling.accounts.selectors import officers_of

from . import selectors
from .rules.publication import Problem, publication_problems


def organisation_change_problems(candidate) -> list[Problem]:
    """`candidate`: the organisation with the proposed (unsaved) values."""
    if candidate.pk is None or selectors.current_version(candidate) is None:
        return []
    return publication_problems(selectors.texts_of(candidate), selectors.parameters_of(candidate))


def officer_change_problems(candidate, *, was_officer: bool) -> list[Problem]:
    """`candidate`: a user with the proposed (unsaved) name, e-mail, roles and active flag."""
    organisation = candidate.organisation
    if organisation is None or not (was_officer or candidate.is_officer):
        return []
    if selectors.current_version(organisation) is None:
        return []
    parameters = selectors.parameters_of(organisation, officers=officers_with(candidate))
    return publication_problems(selectors.texts_of(organisation), parameters)


def officers_with(candidate) -> list:
    """The organisation's officers if `candidate` (a user with proposed values) were saved."""
    officers = [u for u in officers_of(candidate.organisation) if u.pk != candidate.pk]
    if candidate.is_officer and candidate.is_active:
        officers.append(candidate)
    return officers


def with_values(instance, values: dict):
    """A copy of `instance` with `values` set: what saving the form would store."""
    candidate = copy.copy(instance)
    for name, value in values.items():
        setattr(candidate, name, value)
    return candidate


def add_to_form(form, problems: list[Problem], fields: dict[str, str] | None = None) -> None:
    """Each problem next to the field of its setting (renamed by `fields`), else on top."""
    for problem in problems:
        name = (fields or {}).get(problem.setting, problem.setting)
        form.add_error(name if name in form.fields else None, problem.message)
