"""The destruction list's pages (R-8.5): officers propose, leave lines out, confirm and
cancel; the administrator confirms as the second person and may cancel (counts and dates,
no references); the board reads the statements of destruction."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klachtenregeling.accounts import policies
from klachtenregeling.core.errors import DomainError, NotPermitted
from klachtenregeling.reports.constants import Outcome
from klachtenregeling.reports.documents import download
from klachtenregeling.reviews.models import Review

from . import destruction, proposal, selectors
from .constants import ListStatus
from .models import DestructionList

COUNTS = {
    "selected": Count("items", filter=Q(items__held="", items__excluded=False)),
    "held": Count("items", filter=~Q(items__held="")),
    "excluded": Count("items", filter=Q(items__excluded=True)),
    "destroyed": Count("items", filter=Q(items__result="destroyed")),
    "skipped": Count("items", filter=Q(items__result="skipped")),
}


def _organisation(user):
    if user.organisation is None or not policies.can(
        user, policies.DESTRUCTION_STATEMENT_VIEW, user.organisation
    ):
        raise NotPermitted("staff only")
    return user.organisation


def _list(user, list_id, action=policies.DESTRUCTION_DECIDE) -> DestructionList:
    found = proposal.lists_of(_organisation(user)).filter(pk=list_id).annotate(**COUNTS).first()
    if found is None or not policies.can(user, action, found):
        raise NotPermitted("no such list")
    return found


def _ticked(request) -> None:
    if request.POST.get("understood") != "on":
        raise DomainError(_("Tick the box to show that you understand what happens next."))


@login_required
def index(request):
    user = request.user
    organisation = _organisation(user)
    lists = proposal.lists_of(organisation).annotate(**COUNTS)
    if user.is_board and not (user.is_officer or user.is_org_admin):
        lists = lists.filter(status=ListStatus.DESTROYED)
    context = {
        "lists": lists,
        "may_propose": policies.can(user, policies.DESTRUCTION_PROPOSE, organisation),
        "reviews": proposal.reviews_to_destroy_after(organisation),
        "sees_lines": user.is_officer,
    }
    return render(request, "retention/lists.html", context)


@login_required
@require_POST
def create(request):
    organisation = _organisation(request.user)
    policies.require(request.user, policies.DESTRUCTION_PROPOSE, organisation)
    review_id = request.POST.get("review", "")
    review = (
        Review.objects.filter(organisation=organisation, pk=review_id).first()
        if review_id.isdigit()
        else None
    )
    created = destruction.destruction_list_create(review=review, by=request.user)
    messages.success(request, _("The destruction list was proposed. Check it line by line."))
    return redirect("destruction:detail", created.pk)


@login_required
def detail(request, list_id):
    user = request.user
    found = _list(user, list_id)
    items = found.items.all() if user.is_officer else []
    for item in items:
        item.outcome_label = (
            Outcome(item.outcome).label if item.outcome in Outcome.values else item.outcome
        )
    context = {
        "list": found,
        "items": items,
        "sees_lines": user.is_officer,
        "may_propose": policies.can(user, policies.DESTRUCTION_PROPOSE, found),
        "cooling_off_days": destruction.cooling_off_days(found.organisation),
        "confirmed_by_me": found.confirmed_by_id == user.pk,
        "progress": (
            selectors.destruction_progress(found) if found.status == ListStatus.DESTROYING else None
        ),
    }
    return render(request, "retention/list.html", context)


@login_required
@require_POST
def exclude(request, list_id, item_id):
    found = _list(request.user, list_id, policies.DESTRUCTION_PROPOSE)
    item = found.items.filter(pk=item_id).first()
    if item is None:
        raise NotPermitted("no such line")
    destruction.destruction_item_exclude(
        item=item, reason=request.POST.get("reason", ""), by=request.user
    )
    messages.success(request, _("The line was left out: that complaint is not destroyed."))
    return redirect("destruction:detail", found.pk)


@login_required
@require_POST
def confirm(request, list_id):
    found = _list(request.user, list_id)
    _ticked(request)
    done = destruction.destruction_list_confirm(destruction_list=found, by=request.user)
    if done.status == ListStatus.CONFIRMED:
        messages.success(request, _("Confirmed by two people: the cooling-off period started."))
    else:
        messages.success(request, _("Confirmed. A second person must confirm it too."))
    return redirect("destruction:detail", found.pk)


@login_required
@require_POST
def cancel(request, list_id):
    found = _list(request.user, list_id)
    destruction.destruction_list_cancel(
        destruction_list=found, reason=request.POST.get("cancel_reason", ""), by=request.user
    )
    messages.success(request, _("The destruction list was cancelled: nothing is destroyed."))
    return redirect("destruction:detail", found.pk)


@login_required
def statement(request, list_id):
    found = _list(request.user, list_id, policies.DESTRUCTION_STATEMENT_VIEW)
    pdf = DestructionList.objects.filter(pk=found.pk).values_list("statement_pdf", flat=True)[0]
    if found.status != ListStatus.DESTROYED or not pdf:
        raise NotPermitted("no statement yet")
    from .statement import statement_filename

    return download(bytes(pdf), content_type="application/pdf", filename=statement_filename(found))
