"""The managed lists of subjects (R-8.1) and causes (R-3.2) of the organisation.

One page shows both lists; each step (add, rename, retire, put back in use) is a POST that
calls one service and returns to the page, or shows the page again with the reason at the
field (status 400, nothing stored).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from klachtenregeling.accounts import policies
from klachtenregeling.core.errors import DomainError, NotPermitted
from klachtenregeling.core.forms import apply_domain_error

from . import selectors, services
from .forms import ListNameForm


@dataclass(frozen=True)
class ListKind:
    """One managed list: its services and the reads of the page."""

    add: Callable
    rename: Callable
    retire: Callable
    reactivate: Callable
    rows: Callable
    id_name: str
    new_label: str


KINDS = {
    "subject": ListKind(
        add=services.subject_add,
        rename=services.subject_rename,
        retire=services.subject_retire,
        reactivate=services.subject_reactivate,
        rows=selectors.subjects_with_use,
        id_name="subject_id",
        new_label=_("New subject"),
    ),
    "cause": ListKind(
        add=services.cause_add,
        rename=services.cause_rename,
        retire=services.cause_retire,
        reactivate=services.cause_reactivate,
        rows=selectors.causes_with_use,
        id_name="cause_id",
        new_label=_("New cause"),
    ),
}


def _organisation(request):
    organisation = request.user.organisation
    if organisation is None or not policies.can(
        request.user, policies.REGISTRATION_LISTS_MANAGE, organisation
    ):
        raise Http404
    return organisation


def _context(organisation, failed: tuple[str, int | None, ListNameForm] | None = None) -> dict:
    """Both lists, each row with a rename form; `failed` is the (kind, entry id, form) that
    comes back with errors (entry id None: the add form)."""
    context = {}
    for kind, spec in KINDS.items():
        rows = []
        for entry in spec.rows(organisation):
            form = ListNameForm(prefix=f"{kind}-{entry.pk}", initial={"name": entry.name})
            if failed and failed[:2] == (kind, entry.pk):
                form = failed[2]
            rows.append({"entry": entry, "form": form})
        context[f"{kind}_rows"] = rows
        add_form = ListNameForm(prefix=f"{kind}-new")
        if failed and failed[:2] == (kind, None):
            add_form = failed[2]
        add_form.fields["name"].label = spec.new_label
        context[f"{kind}_add_form"] = add_form
    return context


@login_required
def lists(request):
    organisation = _organisation(request)
    return render(request, "organisations/lists.html", _context(organisation))


def _step(request, kind: str, entry_id: int | None, action: Callable, success):
    """Run one step of the lists; a refusal shows the page again with the reason."""
    organisation = _organisation(request)
    prefix = f"{kind}-{entry_id if entry_id is not None else 'new'}"
    form = ListNameForm(request.POST, prefix=prefix)
    form.is_valid()
    try:
        entry = action(organisation, form.cleaned_data.get("name", ""))
    except NotPermitted:
        raise Http404 from None
    except DomainError as error:
        apply_domain_error(form, error)
        context = _context(organisation, failed=(kind, entry_id, form))
        return render(request, "organisations/lists.html", context, status=400)
    messages.success(request, success % {"name": entry.name})
    return redirect("registration:lists")


def _add(kind: str):
    @login_required
    @require_POST
    def view(request):
        spec = KINDS[kind]
        return _step(
            request,
            kind,
            None,
            lambda organisation, name: spec.add(
                organisation=organisation, name=name, by=request.user
            ),
            _("“%(name)s” was added."),
        )

    view.__name__ = f"{kind}_add"
    return view


def _on_entry(kind: str, verb: str, success):
    @login_required
    @require_POST
    def view(request, **kwargs):
        spec = KINDS[kind]
        entry_id = kwargs[spec.id_name]
        service = getattr(spec, verb)

        def action(organisation, name):
            values = {spec.id_name: entry_id}
            if verb == "rename":
                values["name"] = name
            return service(organisation=organisation, by=request.user, **values)

        return _step(request, kind, entry_id, action, success)

    view.__name__ = f"{kind}_{verb}"
    return view


subject_add = _add("subject")
subject_rename = _on_entry("subject", "rename", _("The name was changed to “%(name)s”."))
subject_retire = _on_entry("subject", "retire", _("“%(name)s” was taken out of use."))
subject_reactivate = _on_entry("subject", "reactivate", _("“%(name)s” is in use again."))
cause_add = _add("cause")
cause_rename = _on_entry("cause", "rename", _("The name was changed to “%(name)s”."))
cause_retire = _on_entry("cause", "retire", _("“%(name)s” was taken out of use."))
cause_reactivate = _on_entry("cause", "reactivate", _("“%(name)s” is in use again."))
