"""The procedure panel on the officer's dossier page: state plus the forms for the next steps."""

from functools import partial

from django.utils.functional import SimpleLazyObject

from klachtenregeling.accounts import policies
from klachtenregeling.complaints.models import Complaint

from .selectors import procedure
from .step_forms import STEP_FORMS, empty_form


def officer_panel(user, complaint: Complaint, forms: dict, *, with_forms: bool) -> dict:
    """Context for handling/officer/_panel.html; `forms` holds forms with errors to show again."""
    context: dict = {"procedure": procedure(complaint)}
    # a complaint declared not admissible is final, but may still be referred.
    context["can_refer"] = policies.can(user, policies.COMPLAINT_REFER, complaint)
    if not (with_forms or context["can_refer"]):
        return context
    # A step's template shows its form only when the step is possible now: an empty form is
    # built when the page first reads it, so the steps not shown cost nothing (issue 19).
    for name in STEP_FORMS:
        context[name] = forms.get(name) or SimpleLazyObject(
            partial(empty_form, name, complaint, user)
        )
    return context
