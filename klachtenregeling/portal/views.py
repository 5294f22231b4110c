"""The complainant's page (R-7.3), reached through the personal link from a message.

The token arrives once as a query parameter (access logs drop query strings),
is exchanged for a session entry, and the browser is redirected to a URL
without it. Every request checks the link again: expired or revoked → no data.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from klachtenregeling.audit import access
from klachtenregeling.complaints import workflow
from klachtenregeling.complaints.constants import Status
from klachtenregeling.core import clock
from klachtenregeling.core.downloads import private_download
from klachtenregeling.core.errors import DomainError, JudgmentChanged, NotPermitted
from klachtenregeling.core.forms import apply_domain_error
from klachtenregeling.handling import forms, selectors, services
from klachtenregeling.handling.constants import Party
from klachtenregeling.organisations.models import Organisation

from . import next_steps, tokens
from .forms import LostLinkForm
from .models import ComplainantLink
from .tasks import resend_links

SESSION_KEY = "complainant_link"


@ratelimit(key="ip", rate="30/h", block=True)
def enter(request, org):
    organisation = get_object_or_404(Organisation, slug=org)
    link = tokens.find(request.GET.get("t", ""))
    if link is None or link.complaint.organisation_id != organisation.pk:
        request.session.pop(SESSION_KEY, None)
        return render(request, "portal/invalid.html", {"organisation": organisation}, status=404)
    request.session.cycle_key()
    request.session[SESSION_KEY] = link.pk
    ComplainantLink.objects.filter(pk=link.pk).update(last_used_at=clock.now())
    return redirect("portal:status", org=organisation.slug)


def _open(request, org) -> tuple[Organisation, ComplainantLink | None]:
    """The organisation of the URL and the complainant's link from the session, if still valid."""
    organisation = get_object_or_404(Organisation, slug=org)
    link = (
        ComplainantLink.objects.select_related(
            "complaint__organisation", "complaint__assigned_officer"
        )
        .filter(pk=request.session.get(SESSION_KEY))
        .first()
    )
    if (
        link is None
        or not tokens.is_valid(link)
        or link.complaint.organisation_id != organisation.pk
    ):
        return organisation, None
    return organisation, link


def _page(request, organisation, link, status=200, *, judgment_changed=False, **forms_with_errors):
    """The complainant's page; showing it is a read (R-6.2), also with a form's errors."""
    access.status_page_read(request, link)
    complaint = link.complaint
    procedure = selectors.procedure(complaint)
    judgment = procedure.judgment
    own_statements = [s for s in procedure.statements if s.party == Party.COMPLAINANT]
    may_withdraw = workflow.can_transition(complaint.status, Status.WITHDRAWN)
    context = {
        "next_step": next_steps.NEXT.get(complaint.status, ""),
        "open_actions": next_steps.open_actions(procedure, may_withdraw=may_withdraw),
        "extensions": complaint.extensions.all(),
        "own_statements": own_statements,
        "last_own_statement": own_statements[-1] if own_statements else None,
        "organisation": organisation,
        "complaint": complaint,
        "procedure": procedure,
        "timeline": selectors.timeline_for_complainant(complaint),
        "letters": selectors.letters(complaint),
        "may_withdraw": may_withdraw,
        "judgment_changed": judgment_changed,
        "statement_form": forms_with_errors.get("statement_form") or forms.StatementForm(),
        "withdraw_form": forms_with_errors.get("withdraw_form") or forms.WithdrawForm(),
        "answer_form": forms_with_errors.get("answer_form")
        or forms.AnswerJudgmentForm(initial={"sha256": judgment.text_sha256 if judgment else ""}),
        "proposal_form": forms_with_errors.get("proposal_form") or forms.AnswerProposalForm(),
    }
    response = render(request, "portal/status.html", context, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


def _invalid(request, organisation):
    return render(request, "portal/invalid.html", {"organisation": organisation}, status=404)


def status(request, org):
    organisation, link = _open(request, org)
    if link is None:
        return _invalid(request, organisation)
    return _page(request, organisation, link)


def _step(request, org, *, form_class, form_name, action, success):
    organisation, link = _open(request, org)
    if link is None:
        return _invalid(request, organisation)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            action(link, form.cleaned_data)
        except NotPermitted:
            return _invalid(request, organisation)
        except JudgmentChanged:
            # answered a text that is no longer current: say so, show the current one.
            return _page(request, organisation, link, status=400, judgment_changed=True)
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, success)
            return redirect("portal:status", org=organisation.slug)
    return _page(request, organisation, link, status=400, **{form_name: form})


@require_POST
def give_statement(request, org):
    return _step(
        request,
        org,
        form_class=forms.StatementForm,
        form_name="statement_form",
        action=lambda link, data: services.statement_give_as_complainant(
            complaint=link.complaint, text=data["text"], link=link, corrects_id=data["corrects"]
        ),
        success=_("Thank you. Your account was added to the file."),
    )


@require_POST
def answer_proposal(request, org):
    return _step(
        request,
        org,
        form_class=forms.AnswerProposalForm,
        form_name="proposal_form",
        action=lambda link, data: services.proposal_answer(
            proposal_id=data["proposal"],
            complaint=link.complaint,
            answer=data["answer"],
            comment=data["comment"],
            link=link,
        ),
        success=_("Thank you. Your answer was passed on."),
    )


@require_POST
def answer_judgment(request, org):
    return _step(
        request,
        org,
        form_class=forms.AnswerJudgmentForm,
        form_name="answer_form",
        action=lambda link, data: services.judgment_answer(
            complaint=link.complaint,
            answer=data["answer"],
            shown_sha256=data["sha256"],
            comment=data["comment"],
            link=link,
        ),
        success=_("Thank you. Your answer was recorded."),
    )


@require_POST
def withdraw(request, org):
    return _step(
        request,
        org,
        form_class=forms.WithdrawForm,
        form_name="withdraw_form",
        action=lambda link, data: services.complaint_withdraw_by_complainant(
            complaint=link.complaint,
            reason=data["reason"],
            satisfaction=data["satisfaction"],
            link=link,
        ),
        success=_("Your complaint was withdrawn."),
    )


def letter(request, org, attachment_id):
    organisation, link = _open(request, org)
    if link is None:
        return _invalid(request, organisation)
    document = selectors.letters(link.complaint).filter(pk=attachment_id).first()
    if document is None:
        raise NotPermitted("no such letter")
    access.letter_read_by_complainant(request, link, document)
    return private_download(document)


@require_POST
def leave(request, org):
    request.session.pop(SESSION_KEY, None)
    return redirect("organisation-home", org=org)


def _email_key(group, request) -> str:
    return request.POST.get("email", "").strip().lower()


@ratelimit(key="ip", rate="10/h", method="POST", block=True)
@ratelimit(key=_email_key, rate="3/h", method="POST", block=True)
def lost_link(request, org):
    """R-7.3: a new link by e-mail to the address on file. The answer is the same whether
    or not a complaint exists, so nobody learns who complained."""
    organisation = get_object_or_404(Organisation, slug=org)
    form = LostLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        resend_links.enqueue(
            organisation.pk, form.cleaned_data["email"], form.cleaned_data["reference"]
        )
        return render(request, "portal/lost_link_sent.html", {"organisation": organisation})
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "portal/lost_link.html",
        {"organisation": organisation, "form": form},
        status=status,
    )
