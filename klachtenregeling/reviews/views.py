"""The yearly review (R-8.4) and the board's start page (R-6.1: reports and reviews only,
never complaint content)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from klachtenregeling.accounts import policies
from klachtenregeling.compliance.presentation import table_for_display
from klachtenregeling.core import clock
from klachtenregeling.core.errors import NotPermitted
from klachtenregeling.core.forms import submitted
from klachtenregeling.reports.presentation import period_words

from . import selectors, services
from .forms import BoardDecisionForm, NoteForm, ReviewForm

# Reviews are yearly, so a page holds many years; older ones on the next pages.
REVIEWS_PER_PAGE = 25


def report_url(report) -> str:
    """The finalised report's page (figures and recommendations only)."""
    return reverse("reports:detail", args=[report.pk])


def _with_urls(reports):
    reports = list(reports)
    for report in reports:
        report.url = report_url(report)
    return reports


def _with_compliance(reports):
    """Each report's compliance table as it was frozen (issue 14); a report finalised
    before the table existed has none and shows none."""
    for report in reports:
        table = (report.content or {}).get("compliance")
        report.compliance = table_for_display(table)
        report.period_text = period_words(table["period"]) if table else ""
    return reports


def _organisation(request):
    if request.user.organisation is None:
        raise NotPermitted("staff only")
    return request.user.organisation


@login_required
def index(request):
    user, organisation = request.user, _organisation(request)
    may_record = policies.can(user, policies.REVIEW_RECORD, organisation)
    if not (may_record or policies.can(user, policies.ORGANISATION_ADMINISTER, organisation)):
        raise NotPermitted("officers and the administrator")
    page = Paginator(selectors.reviews_for(user), REVIEWS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "reviews": page.object_list,
        "page": page,
        "may_record": may_record,
        "due": selectors.review_due(organisation, today=clock.today()),
    }
    return render(request, "reviews/index.html", context)


def _review_form(organisation, data=None):
    return ReviewForm(
        data,
        attendees=selectors.attendees_for(organisation),
        reports=selectors.reports_for(organisation),
        recommendations=selectors.recommendations_for(organisation),
        initial={"held_on": clock.today()},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def record(request):
    user, organisation = request.user, _organisation(request)
    policies.require(user, policies.REVIEW_RECORD, organisation)
    form = _review_form(organisation, request.POST or None)
    made = {}

    def record_it(data):
        made["review"] = services.review_record(
            organisation=organisation,
            held_on=data["held_on"],
            attendees=data["attendees"],
            reports=data["reports"],
            recommendations=data["recommendations"],
            decisions=form.decision_lines(),
            submitted_to_board=data["submitted_to_board"],
            by=user,
        )

    if request.method == "POST":
        if submitted(form, record_it):
            messages.success(request, _("The review has been recorded."))
            return redirect("reviews:detail", review_id=made["review"].pk)
        return render(request, "reviews/record.html", {"form": form}, status=400)
    return render(request, "reviews/record.html", {"form": form})


def _recommendations(user, review) -> dict:
    """A recommendation from a judgment is part of a complaint's dossier: its text is for the
    officers; the board and the administrator see those of reports and a count (R-6.1)."""
    recommendations = review.recommendations.select_related("report")
    if user.is_officer:
        return {"recommendations": recommendations, "hidden_recommendations": 0}
    from klachtenregeling.improvements.constants import Source

    shown = recommendations.filter(source=Source.REPORT)
    return {
        "recommendations": shown,
        "hidden_recommendations": recommendations.exclude(source=Source.REPORT).count(),
    }


def _detail(request, review, *, note_form=None, decision_form=None, status=200):
    user = request.user
    may_note = policies.can(user, policies.REVIEW_RECORD, review.organisation)
    may_decide = policies.can(user, policies.BOARD_DECIDE, review)
    context = {
        "review": review,
        "attendees": review.attendees.all(),
        "reports": _with_compliance(_with_urls(review.reports.all())),
        **_recommendations(user, review),
        "decisions": review.decisions.all(),
        "notes": review.notes.select_related("by"),
        "board_decision": getattr(review, "board_decision", None)
        if policies.has_board_decision(review)
        else None,
        "note_form": note_form or (NoteForm() if may_note else None),
        "decision_form": decision_form
        or (BoardDecisionForm(initial={"decided_on": clock.today()}) if may_decide else None),
    }
    return render(request, "reviews/detail.html", context, status=status)


@login_required
def detail(request, review_id):
    return _detail(request, selectors.review_for(request.user, review_id))


@login_required
@require_POST
def add_note(request, review_id):
    review = selectors.review_for(request.user, review_id)
    policies.require(request.user, policies.REVIEW_RECORD, review.organisation)
    form = NoteForm(request.POST)
    if submitted(
        form,
        lambda data: services.review_add_note(review=review, text=data["text"], by=request.user),
    ):
        messages.success(request, _("The note has been added."))
        return redirect("reviews:detail", review_id=review.pk)
    return _detail(request, review, note_form=form, status=400)


@login_required
def board_home(request):
    user, organisation = request.user, _organisation(request)
    policies.require(user, policies.BOARD_HOME, organisation)
    context = {
        "reports": _with_urls(selectors.reports_for(organisation)),
        "reviews": selectors.reviews_for(user).filter(submitted_to_board=True),
    }
    return render(request, "reviews/board_home.html", context)


@login_required
@require_POST
def board_decide(request, review_id):
    review = selectors.review_for(request.user, review_id)
    policies.require(request.user, policies.BOARD_DECIDE, review)
    form = BoardDecisionForm(request.POST)
    if submitted(
        form,
        lambda data: services.review_board_decide(
            review=review, decided_on=data["decided_on"], text=data["text"], by=request.user
        ),
    ):
        messages.success(request, _("The board's decision has been recorded."))
        return redirect("reviews:detail", review_id=review.pk)
    return _detail(request, review, decision_form=form, status=400)
