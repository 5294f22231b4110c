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
from klachtenregeling.complaints import services as complaint_services
from klachtenregeling.complaints import workflow
from klachtenregeling.complaints.constants import FINAL_STATUSES, Status
from klachtenregeling.core import clock
from klachtenregeling.core.downloads import private_download
from klachtenregeling.core.errors import JudgmentChanged, NotPermitted
from klachtenregeling.core.forms import form_step
from klachtenregeling.handling import forms, selectors, services
from klachtenregeling.handling.constants import Answer, Party
from klachtenregeling.organisations.models import Organisation

from . import next_steps, tokens
from .forms import AddFilesForm, LostLinkForm
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


@ratelimit(key="ip", rate="30/h", block=True)
def short_link(request, code):
    """Issue 16: the short link printed on a letter (and in its QR code) opens the page like
    the long one of an e-mail. An unknown code shows nothing of any complaint."""
    from django.http import Http404
    from django.urls import reverse

    link = tokens.find(code)
    if link is None:
        raise Http404
    slug = link.complaint.organisation.slug
    return redirect(reverse("portal:enter", args=[slug]) + f"?t={code}")


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
        "account_given": next_steps.account_given(procedure),
        "extensions": complaint.extensions.all(),
        "own_statements": own_statements,
        "last_own_statement": own_statements[-1] if own_statements else None,
        "organisation": organisation,
        "complaint": complaint,
        "procedure": procedure,
        "timeline": selectors.timeline_for_complainant(complaint),
        "letters": selectors.letters(complaint),
        "own_files": selectors.complainant_files(complaint),
        "may_add_files": complaint.status not in FINAL_STATUSES,
        "files_form": forms_with_errors.get("files_form") or AddFilesForm(),
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
    try:
        return form_step(
            request,
            form_class(request.POST),
            lambda data: action(link, data),
            success=success,
            done=lambda result: redirect("portal:status", org=organisation.slug),
            page=lambda form: _page(request, organisation, link, **{form_name: form}),
            passes=(NotPermitted, JudgmentChanged),
        )
    except NotPermitted:
        return _invalid(request, organisation)
    except JudgmentChanged:
        # answered a text that is no longer current: say so, show the current one.
        return _page(request, organisation, link, status=400, judgment_changed=True)


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


# The complainant's irreversible "no" is asked once more, on a page that says what happens
# next; its "yes" button posts the same answer with CONFIRM, its "back" button returns to
# the page with what was typed.
CONFIRM = "confirm"


def _declining(request, org, *, form_class, template: str, context):
    """A decline not yet confirmed: the confirmation page, or (back) the page again with
    the form as typed. None: go on with the step (accepting, or confirmed)."""
    if request.POST.get("answer") != Answer.DECLINED or request.POST.get(CONFIRM) == "decline":
        return None
    organisation, link = _open(request, org)
    if link is None:
        return _invalid(request, organisation)
    form = form_class(request.POST)
    if request.POST.get(CONFIRM) == "back" or not form.is_valid():
        form_name = "answer_form" if form_class is forms.AnswerJudgmentForm else "proposal_form"
        return _page(request, organisation, link, **{form_name: form})
    page = {"organisation": organisation, "complaint": link.complaint, "form": form}
    response = render(request, template, {**page, **context(link.complaint, form)})
    response["Cache-Control"] = "private, no-store"
    return response


def _judgment_decline_context(complaint, form) -> dict:
    return {"conditions": selectors.referral_conditions(complaint)}


def _proposal_decline_context(complaint, form) -> dict:
    proposal = complaint.proposals.filter(pk=form.cleaned_data["proposal"]).first()
    return {"proposal": proposal}


@require_POST
def answer_proposal(request, org):
    confirming = _declining(
        request,
        org,
        form_class=forms.AnswerProposalForm,
        template="portal/confirm_decline_proposal.html",
        context=_proposal_decline_context,
    )
    if confirming is not None:
        return confirming
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
    confirming = _declining(
        request,
        org,
        form_class=forms.AnswerJudgmentForm,
        template="portal/confirm_decline_judgment.html",
        context=_judgment_decline_context,
    )
    if confirming is not None:
        return confirming
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
def add_files(request, org):
    """Issue 17: the complainant adds files to their complaint."""
    organisation, link = _open(request, org)
    if link is None:
        return _invalid(request, organisation)
    form = AddFilesForm(request.POST, request.FILES)
    try:
        return form_step(
            request,
            form,
            lambda data: complaint_services.complaint_add_files_by_complainant(
                complaint=link.complaint, files=form.uploads(), link=link
            ),
            success=None,
            done=lambda added: _files_added(request, organisation, added),
            page=lambda form: _page(request, organisation, link, files_form=form),
            passes=(NotPermitted,),
        )
    except NotPermitted:
        return _invalid(request, organisation)


def _files_added(request, organisation, added):
    messages.success(
        request,
        _("Added to your complaint: %(names)s.") % {"names": ", ".join(a.filename for a in added)},
    )
    return redirect("portal:status", org=organisation.slug)


def own_file(request, org, attachment_id):
    """One of the complainant's own files (issue 17); an access is logged (R-6.2)."""
    organisation, link = _open(request, org)
    if link is None:
        return _invalid(request, organisation)
    document = selectors.complainant_files(link.complaint).filter(pk=attachment_id).first()
    if document is None:
        raise NotPermitted("not one of the complainant's files")
    access.file_read_by_complainant(request, link, document)
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
