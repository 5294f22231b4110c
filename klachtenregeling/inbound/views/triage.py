"""The officers' triage inbox of incoming e-mail: read, register as a complaint, handle as
a question, or discard with a reason; and an upload of a saved `.eml`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klachtenregeling.accounts import policies
from klachtenregeling.core.errors import DomainError, NotPermitted
from klachtenregeling.core.forms import form_step, submitted

from .. import selectors, services
from ..constants import MailStatus, Source
from ..forms import DiscardForm, EmlUploadForm, MailRegistrationForm

PAGE_SIZE = 25


def _require_triage(user):
    if user.organisation is None:
        raise NotPermitted("officers only")
    policies.require(user, policies.MAIL_TRIAGE_LIST, user.organisation)


@login_required
def inbox(request, *, upload_form=None, status=200):
    user = request.user
    _require_triage(user)
    page = Paginator(selectors.triage_for_officer(user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"page": page, "upload_form": upload_form or EmlUploadForm()}
    return render(request, "inbound/inbox.html", context, status=status)


@login_required
@require_POST
def upload(request):
    user = request.user
    _require_triage(user)
    form = EmlUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return inbox(request, upload_form=form, status=400)
    result = services.mail_import(
        organisation=user.organisation, raw=form.cleaned_data["eml"].read(), source=Source.FILE
    )
    mail = result.mail
    if not result.created:
        messages.info(request, _("This message was already read in."))
    if mail.status == MailStatus.FAILED:
        messages.error(
            request,
            _("This file could not be read as an e-mail: %(error)s") % {"error": mail.error},
        )
    elif mail.status == MailStatus.IN_DOSSIER:
        messages.success(
            request, _("The message was added to the dossier of the complaint it answers.")
        )
    elif mail.status == MailStatus.TRIAGE and policies.can(user, policies.MAIL_TRIAGE_HANDLE, mail):
        return redirect("inbound:detail", mail_id=mail.pk)
    else:
        messages.info(
            request,
            _("The message was read in: %(status)s.") % {"status": mail.get_status_display()},
        )
    return redirect("inbound:inbox")


def _detail(request, mail, *, discard_form=None, status=200):
    context = {
        "mail": mail,
        "open": mail.status == MailStatus.TRIAGE,
        "discard_form": discard_form or DiscardForm(),
    }
    return render(request, "inbound/detail.html", context, status=status)


@login_required
def detail(request, mail_id):
    return _detail(request, selectors.triage_mail_for(request.user, mail_id))


def _handled(request, mail):
    messages.error(request, _("This message was already handled."))
    return redirect("inbound:detail", mail_id=mail.pk)


@login_required
def register(request, mail_id):
    user = request.user
    mail = selectors.triage_mail_for(user, mail_id)
    if mail.status != MailStatus.TRIAGE:
        return _handled(request, mail)
    form = MailRegistrationForm(
        request.POST or None, request.FILES or None, organisation=user.organisation, mail=mail
    )

    def page(form):
        return render(request, "inbound/register.html", {"form": form, "mail": mail})

    if request.method != "POST":
        return page(form)
    return form_step(  # nothing typed or attached is lost by an error (issue 17)
        request,
        form,
        lambda data: (
            services.mail_register_complaint(
                by=user, mail=mail, draft=form.to_draft(), files=form.uploads()
            ).complaint
        ),
        success=None,
        done=lambda complaint: _registered(request, complaint),
        page=page,
    )


def _registered(request, complaint):
    messages.success(request, _("Complaint %(ref)s registered.") % {"ref": complaint})
    if policies.can(request.user, policies.COMPLAINT_VIEW, complaint):
        return redirect("complaints:detail", reference=complaint.reference)
    return redirect("inbound:inbox")


@login_required
@require_POST
def to_question(request, mail_id):
    mail = selectors.triage_mail_for(request.user, mail_id)
    if mail.status != MailStatus.TRIAGE:
        return _handled(request, mail)
    try:
        services.mail_to_question(by=request.user, mail=mail)
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect("inbound:detail", mail_id=mail.pk)
    messages.success(
        request, _("The message is now a question; the sender was sent an acknowledgement.")
    )
    return redirect("inbound:inbox")


@login_required
@require_POST
def discard(request, mail_id):
    mail = selectors.triage_mail_for(request.user, mail_id)
    if mail.status != MailStatus.TRIAGE:
        return _handled(request, mail)
    form = DiscardForm(request.POST)
    if not submitted(
        form,
        lambda data: services.mail_discard(by=request.user, mail=mail, reason=data["reason"]),
    ):
        return _detail(request, mail, discard_form=form, status=400)
    messages.success(request, _("The message was discarded; the reason is kept with it."))
    return redirect("inbound:inbox")
