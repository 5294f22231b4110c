"""'Complaints about me': the person complained about sees what they need to reply (R-5.2,
R-5.3, R-7.2, R-5.7) — only complaints about themselves, and only once informed."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klachtenregeling.accounts import policies
from klachtenregeling.audit import access
from klachtenregeling.core.downloads import private_download
from klachtenregeling.core.errors import JudgmentChanged, NotPermitted
from klachtenregeling.core.forms import form_step

from .. import forms, selectors, services
from ..constants import Party
from ..rules import hearing

PAGE_SIZE = 25


@login_required
def about_me(request):
    page = Paginator(selectors.complaints_about(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "handling/respondent/list.html", {"page": page})


def _context(request, complaint, *, judgment_changed=False, **forms_with_errors) -> dict:
    """What the person complained about sees; showing it is a read (R-6.2), logged here."""
    access.dossier_read_as_respondent(request, complaint)
    procedure = selectors.procedure(complaint)
    can_act = policies.can(request.user, policies.COMPLAINT_RESPOND, complaint)
    sign_initial = {"sha256": procedure.judgment.text_sha256} if procedure.judgment else {}
    own_statements = [s for s in procedure.statements if s.party == Party.RESPONDENT]
    return {
        "complaint": complaint,
        "procedure": procedure,
        "own_statements": own_statements,
        "last_own_statement": own_statements[-1] if own_statements else None,
        "own_invitations": [i for i in procedure.invitations if i.party == Party.RESPONDENT],
        # The prompt "you are asked to give your account" goes once it is given (issue 17).
        "account_given": hearing.account_given(
            invited=[i.invited_at for i in procedure.invitations if i.party == Party.RESPONDENT],
            given=[s.given_at for s in own_statements],
        ),
        "letters": selectors.respondent_letters(complaint),
        "shared_files": selectors.shared_with_respondent(complaint),
        "can_act": can_act,
        "judgment_changed": judgment_changed,
        "statement_form": forms_with_errors.get("statement_form") or forms.StatementForm(),
        "update_form": forms_with_errors.get("update_form") or forms.TextForm(prefix="update"),
        "proposal_form": forms_with_errors.get("proposal_form") or forms.TextForm(),
        "sign_form": forms_with_errors.get("sign_form") or forms.SignForm(initial=sign_initial),
    }


@login_required
def about_me_detail(request, reference):
    complaint = selectors.complaint_about(request.user, reference)
    return render(request, "handling/respondent/detail.html", _context(request, complaint))


def _respondent_step(request, reference, *, form_class, form_name, action, success, prefix=None):
    complaint = selectors.complaint_about(request.user, reference)
    try:
        return form_step(
            request,
            form_class(request.POST, prefix=prefix),
            lambda data: action(complaint, data),
            success=success,
            done=lambda result: redirect("handling:about-me-detail", reference=complaint.reference),
            page=lambda form: render(
                request,
                "handling/respondent/detail.html",
                _context(request, complaint, **{form_name: form}),
            ),
            passes=(JudgmentChanged,),
        )
    except JudgmentChanged:
        # signed for a text that is no longer current: say so, show the current one.
        context = _context(request, complaint, judgment_changed=True)
        return render(request, "handling/respondent/detail.html", context, status=400)


@login_required
@require_POST
def give_statement(request, reference):
    return _respondent_step(
        request,
        reference,
        form_class=forms.StatementForm,
        form_name="statement_form",
        action=lambda complaint, data: services.statement_give_as_staff(
            complaint=complaint, text=data["text"], by=request.user, corrects_id=data["corrects"]
        ),
        success=_("Your account was added to the dossier."),
    )


@login_required
@require_POST
def add_update(request, reference):
    return _respondent_step(
        request,
        reference,
        form_class=forms.TextForm,
        form_name="update_form",
        prefix="update",
        action=lambda complaint, data: services.update_add(
            complaint=complaint, text=data["text"], by=request.user
        ),
        success=_("Update added."),
    )


@login_required
@require_POST
def propose(request, reference):
    return _respondent_step(
        request,
        reference,
        form_class=forms.TextForm,
        form_name="proposal_form",
        action=lambda complaint, data: services.proposal_make(
            complaint=complaint, text=data["text"], by=request.user
        ),
        success=_("The proposal was sent to the complainant."),
    )


@login_required
@require_POST
def sign(request, reference):
    return _respondent_step(
        request,
        reference,
        form_class=forms.SignForm,
        form_name="sign_form",
        action=lambda complaint, data: services.judgment_sign(
            complaint=complaint, shown_sha256=data["sha256"], by=request.user
        ),
        success=_("You signed the judgment."),
    )


@login_required
def letter(request, reference, attachment_id):
    complaint = selectors.complaint_about(request.user, reference)
    document = selectors.respondent_letters(complaint).filter(pk=attachment_id).first()
    if document is None:
        raise NotPermitted("no such letter")
    access.letter_read_as_respondent(request, complaint, document)
    return private_download(document)


@login_required
def shared_file(request, reference, attachment_id):
    """Issue 17: an attachment the officer shares with the person complained about."""
    complaint = selectors.complaint_about(request.user, reference)
    document = selectors.shared_with_respondent(complaint).filter(pk=attachment_id).first()
    if document is None:
        raise NotPermitted("not shared with the person complained about")
    access.file_read_as_respondent(request, complaint, document)
    return private_download(document)
