"""Recommendations as actions (R-3.5): the officers see all, an owner their own."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klachtenregeling.accounts import policies
from klachtenregeling.accounts.models import User
from klachtenregeling.core import clock
from klachtenregeling.core.errors import NotPermitted
from klachtenregeling.core.forms import submitted

from . import selectors, services, workflow
from .constants import RecommendationStatus, Source
from .forms import AssignForm, StatusForm

PAGE_SIZE = 25


def _filters(request) -> selectors.Filters:
    owner = request.GET.get("owner", "")
    return selectors.Filters(
        status=request.GET.get("status", "")[:20],
        owner_id=int(owner) if owner.isdigit() else None,
        source=request.GET.get("source", "")[:10],
        query=request.GET.get("q", "")[:200].strip(),
    )


@login_required
def index(request):
    user = request.user
    if user.organisation is None:
        raise NotPermitted("staff only")
    today = clock.today()
    filters = _filters(request)
    page = Paginator(
        selectors.recommendation_list_for(user, filters, today=today), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    page.object_list = selectors.decorate(page.object_list, user, today=today)
    is_officer = policies.can(user, policies.RECOMMENDATION_LIST_ALL, user.organisation)
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "page": page,
        "filters": filters,
        "is_officer": is_officer,
        "statuses": [
            *RecommendationStatus.choices,
            (selectors.OVERDUE, _("overdue")),
            *([(selectors.OWNER_LEFT, _("owner no longer works here"))] if is_officer else []),
        ],
        "sources": Source.choices,
        "owners": selectors.owners_for_filter(user) if is_officer else [],
        "counts": (
            selectors.counts_for_organisation(user.organisation, today=today)
            if is_officer
            else None
        ),
        "query_string": params.urlencode(),
        "left_filter": urlencode({"status": selectors.OWNER_LEFT}),
    }
    return render(request, "improvements/index.html", context)


def _staff(organisation):
    """Who may own a recommendation: active staff (and officers) of the organisation."""
    return User.objects.filter(
        Q(is_employee=True) | Q(is_officer=True), organisation=organisation, is_active=True
    )


def _status_form(recommendation, data=None):
    return StatusForm(
        data,
        current=recommendation.status,
        chosen_by_hand=workflow.CHOSEN_BY_HAND,
        initial={"version": recommendation.version},
    )


def _assign_form(recommendation, data=None):
    return AssignForm(
        data,
        # Its own ids: the status form on the same page has a hidden "version" field too.
        auto_id="assign_%s",
        staff=list(_staff(recommendation.organisation)),
        initial={
            "version": recommendation.version,
            "owner": recommendation.owner_id,
            "due_date": recommendation.due_date,
        },
    )


def _history(recommendation) -> list:
    changes = list(recommendation.changes.select_related("by", "owner"))
    for change in changes:
        change.status_label = (
            RecommendationStatus(change.status_to).label if change.status_to else ""
        )
    return changes


def _detail(request, recommendation, *, status_form=None, assign_form=None, status=200):
    user = request.user
    [recommendation] = selectors.decorate([recommendation], user, today=clock.today())
    can_update = policies.can(user, policies.RECOMMENDATION_UPDATE, recommendation)
    can_manage = (
        policies.can(user, policies.RECOMMENDATION_MANAGE, recommendation)
        and not recommendation.finished
    )
    context = {
        "r": recommendation,
        "changes": _history(recommendation),
        "can_update": can_update,
        "can_manage": can_manage,
        "status_form": status_form or (_status_form(recommendation) if can_update else None),
        "assign_form": assign_form or (_assign_form(recommendation) if can_manage else None),
    }
    return render(request, "improvements/detail.html", context, status=status)


@login_required
def detail(request, recommendation_id):
    return _detail(request, selectors.recommendation_for(request.user, recommendation_id))


@login_required
@require_POST
def set_status(request, recommendation_id):
    recommendation = selectors.recommendation_for(request.user, recommendation_id)
    policies.require(request.user, policies.RECOMMENDATION_UPDATE, recommendation)
    form = _status_form(recommendation, request.POST)
    if submitted(
        form,
        lambda data: services.recommendation_set_status(
            recommendation=recommendation,
            status=data["status"],
            note=data["note"],
            by=request.user,
            expected_version=data["version"],
        ),
    ):
        messages.success(request, _("The status has been changed."))
        return redirect("improvements:detail", recommendation_id=recommendation.pk)
    return _detail(request, recommendation, status_form=form, status=400)


@login_required
@require_POST
def assign(request, recommendation_id):
    recommendation = selectors.recommendation_for(request.user, recommendation_id)
    policies.require(request.user, policies.RECOMMENDATION_MANAGE, recommendation)
    form = _assign_form(recommendation, request.POST)
    if submitted(
        form,
        lambda data: services.recommendation_assign(
            recommendation=recommendation,
            owner=data["owner"],
            due_date=data["due_date"],
            by=request.user,
            expected_version=data["version"],
        ),
    ):
        messages.success(request, _("The owner and due date have been saved."))
        return redirect("improvements:detail", recommendation_id=recommendation.pk)
    return _detail(request, recommendation, assign_form=form, status=400)
